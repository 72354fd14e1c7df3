// Outcomes files without a database: columns detected like an accounts import's, values read by the import's own
// cell readers (yes/no, dates), rows named by id, domain or name, and the report — rows applied, unknown accounts
// and bad values by row and column — with the file refused when too many rows are bad or none matches.
import { describe, expect, it } from 'vitest';
import { matchOutcomes, readOutcomeFile } from '../../../lib/data/outcomes';

const known = new Map([
  ['acc-1', 'acc-1'],
  ['acc-2', 'acc-2'],
  ['acc-3', 'acc-3'],
  ['domain:acme.com', 'acc-1'],
  ['domain:globex.io', 'acc-2'],
  ['name:initech', 'acc-3'],
]);
const resolve = (key: string) => known.get(key);

describe('readOutcomeFile', () => {
  it('detects the id, churned, churn date and expanded columns and reads yes/no and dates', async () => {
    const file = await readOutcomeFile('Account ID,Churned,Churn Date,Expanded,Notes\nacc-1,yes,16/10/2025,,late\nacc-2,no,,yes,\nacc-3,,2025-03-01,,\n', { name: 'o.csv' });
    if (!file.ok) throw new Error(file.error);
    expect(file.columns).toEqual({ account: 'Account ID', match: 'id', churned: 'Churned', churnedAt: 'Churn Date', expanded: 'Expanded' });
    expect(file.records.map((r) => [r.keys, r.outcome])).toEqual([
      [['acc-1'], { churned: true, churnedAt: '2025-10-16' }],
      [['acc-2'], { churned: false, expanded: true }],
      [['acc-3'], { churned: true, churnedAt: '2025-03-01' }], // a churn date alone means churned
    ]);
  });

  it('names accounts by domain or company name when the file has no id column, and reads JSON too', async () => {
    const byDomain = await readOutcomeFile('website,churned\nhttps://www.Acme.com/about,true\n', { name: 'o.csv' });
    expect(byDomain.ok && byDomain.columns?.match).toBe('domain');
    expect(byDomain.ok && byDomain.records[0]!.keys).toEqual(['domain:acme.com']);
    const byName = await readOutcomeFile('[{"company": "Initech, Inc.", "churned": false}]', { name: 'o.json' });
    expect(byName.ok && byName.columns).toMatchObject({ account: 'company', match: 'name' });
    expect(byName.ok && byName.records[0]!.keys).toEqual(['name:initech']);
  });

  it('lists bad values by row, line and column, and counts rows without any outcome apart', async () => {
    const file = await readOutcomeFile('id,churned,churn_date\nacc-1,maybe,\nacc-2,no,2025-01-01\nacc-3,,\n,yes,\n', { name: 'o.csv' });
    if (!file.ok) throw new Error(file.error);
    expect(file.rejectedRows).toBe(3);
    expect(file.emptyRows).toBe(1);
    expect(file.errors).toEqual([
      { row: 1, location: 'line 2', column: 'churned', message: 'expected a boolean (true/false, yes/no, y/n or 1/0), got "maybe"' },
      { row: 2, location: 'line 3', message: 'has a churn date (2025-01-01) but churned is false' },
      { row: 4, location: 'line 5', column: 'id', message: 'is empty: the row names no account' },
    ]);
  });

  it('follows the mapping the admin chose, and refuses columns it cannot use', async () => {
    const text = 'crm,account_id,lost,lost_on\nx-1,acc-1,yes,2025-02-01\n';
    const chosen = await readOutcomeFile(text, { columns: { account: 'account_id', match: 'id', churned: 'lost', churnedAt: 'lost_on', expanded: null } });
    expect(chosen.ok && chosen.records[0]).toMatchObject({ keys: ['acc-1'], outcome: { churned: true, churnedAt: '2025-02-01' } });
    const detected = await readOutcomeFile(text, {});
    expect(detected).toMatchObject({ ok: false, error: 'choose the column that says whether the account churned, or its churn date' });
    const missing = await readOutcomeFile(text, { columns: { account: 'ID', match: 'id', churned: 'lost', churnedAt: null, expanded: null } });
    expect(missing).toMatchObject({ ok: false, error: 'the file has no column "ID"' });
    expect(await readOutcomeFile('churned\nyes\n', {})).toMatchObject({ ok: false, error: expect.stringContaining('no column names the accounts') });
    expect(await readOutcomeFile('', {})).toMatchObject({ ok: false, error: 'the file is empty' });
  });
});

describe('matchOutcomes', () => {
  it('applies known accounts and lists unknown ones by row without refusing the file', async () => {
    const file = await readOutcomeFile('id,churned\nacc-1,yes\nacc-9,yes\nacc-2,no\n', {});
    const result = matchOutcomes(file, resolve);
    expect(result).toMatchObject({ ok: true, totalRows: 3, applied: 2, unknownRows: 1, rejectedRows: 0 });
    expect(result.ok && result.matched).toEqual([
      { accountId: 'acc-1', outcome: { churned: true } },
      { accountId: 'acc-2', outcome: { churned: false } },
    ]);
    expect(result.errors).toEqual([{ row: 2, location: 'line 3', column: 'id', message: 'no account has the id "acc-9"' }]);
  });

  it('rejects a second row for the same account, even named another way', async () => {
    const file = await readOutcomeFile('domain,churned\nacme.com,yes\nacme.com; globex.io,no\nglobex.io,no\nacme.com,no\n', {});
    const result = matchOutcomes(file, resolve, 1);
    expect(result.ok && result.matched.map((m) => m.accountId)).toEqual(['acc-1', 'acc-2']);
    expect(result.errors.map((e) => `${e.row}: ${e.message}`)).toEqual([
      '2: the domains "acme.com, globex.io" belong to different accounts ("acc-1", "acc-2")',
      '4: account "acc-1" already has an outcome in row 1',
    ]);
  });

  it('refuses the whole file over the bad-row share, or when no row names a stored account', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `acc-${i},${i % 40 === 7 ? 'soon' : 'no'}`);
    const anyAccount = (key: string) => key;
    const over = matchOutcomes(await readOutcomeFile(`id,churned\n${rows.join('\n')}\n`, {}), anyAccount);
    expect(over).toMatchObject({ ok: false, applied: 0, rejectedRows: 3 });
    expect(!over.ok && over.error).toBe('3 of 100 rows have values that cannot be used (3%), more than the 2% allowed: no outcome was loaded');
    // 2 of 100 is the most allowed.
    const twoBad = rows.map((row, i) => (i === 87 ? `acc-${i},no` : row));
    expect(matchOutcomes(await readOutcomeFile(`id,churned\n${twoBad.join('\n')}\n`, {}), anyAccount)).toMatchObject({ ok: true, applied: 98, rejectedRows: 2 });
    const none = matchOutcomes(await readOutcomeFile('id,churned\nx-1,yes\nx-2,no\n', {}), resolve);
    expect(none).toMatchObject({ ok: false, applied: 0, unknownRows: 2 });
    expect(!none.ok && none.error).toMatch(/^none of the 2 rows names a known account by its id \(column "id"\)/);
  });
});
