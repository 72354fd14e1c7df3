// Outcomes files into the database: merged into the stored accounts by id or through their identities in one
// transaction, nothing written when the file is refused, metrics untouched, and the merged outcomes still there —
// and read by the backtest — after the next metrics sync replaces every account row.
import { describe, expect, test } from 'vitest';
import { replaceDataset } from '../../../lib/data/apply';
import { readStoredInput } from '../../../lib/data/backtest/worker-data';
import { readOutcomeFile } from '../../../lib/data/outcomes';
import { storeOutcomes } from '../../../lib/data/outcomes/store';
import { demo, now, readPreset, useDemoDb } from '../options/fixtures';

describe('storeOutcomes', () => {
  const { db } = useDemoDb();

  async function load(text: string, name = 'outcomes.csv') {
    return storeOutcomes(db(), await readOutcomeFile(text, { name }), `file:${name}`, now);
  }

  /** Everything an outcomes file could touch, to compare before and after. */
  const snapshot = async () => ({ accounts: await db().accounts.toArray(), metrics: await db().metrics.toArray(), outcomes: await db().outcomes.toArray() });

  test('merges churned, churn date and expanded by account id, leaving accounts and metrics as they were', async () => {
    const before = await snapshot();
    const report = await load('account_id,churned,churn_date,expanded\nacc-001,yes,2026-10-01,\nacc-002,no,,yes\nacc-404,yes,,\n');
    expect(report).toMatchObject({ ok: true, totalRows: 3, applied: 2, unknownRows: 1, rejectedRows: 0 });
    expect(report.errors).toEqual([{ row: 3, location: 'line 4', column: 'account_id', message: 'no account has the id "acc-404"' }]);
    expect(await db().outcomes.toArray()).toEqual([
      { accountId: 'acc-001', churned: true, churnedAt: '2026-10-01', source: 'file:outcomes.csv', loadedAt: now.toISOString() },
      { accountId: 'acc-002', churned: false, expanded: true, source: 'file:outcomes.csv', loadedAt: now.toISOString() },
    ]);
    const after = await snapshot();
    expect(after.accounts).toEqual(before.accounts);
    expect(after.metrics).toEqual(before.metrics);
  });

  test('finds accounts by domain or company name through the identities, and a later file updates an account', async () => {
    expect(await load('website,churned\nhttps://acme-analytics.example/,yes\n')).toMatchObject({ ok: true, applied: 1 });
    expect(await load('company,churned\nBorealis Logistics Ltd,yes\nAcme Analytics,no\n', 'names.csv')).toMatchObject({ ok: true, applied: 2 });
    expect(await db().outcomes.get('acc-001')).toMatchObject({ churned: false, source: 'file:names.csv' });
    expect(await db().outcomes.get('acc-002')).toMatchObject({ churned: true });
  });

  test('a refused file changes nothing', async () => {
    await load('id,churned\nacc-003,yes\n');
    const before = await snapshot();
    const bad = Array.from({ length: 30 }, (_, i) => `acc-${String(i + 1).padStart(3, '0')},${i % 10 === 0 ? 'perhaps' : 'no'}`);
    const refused = await load(`id,churned\n${bad.join('\n')}\n`);
    expect(refused).toMatchObject({ ok: false, applied: 0, rejectedRows: 3 });
    expect(await load('id,churned\nnobody,yes\n')).toMatchObject({ ok: false, unknownRows: 1 });
    expect(await snapshot()).toEqual(before);
  });

  test('outcomes merged from a file survive the next metrics sync and are what the backtest reads', async () => {
    await load('id,churned,churn_date\nacc-001,yes,2026-10-01\nacc-002,no,\n');
    // A sync of metrics without outcome columns replaces every account row, as lib/data/apply does.
    const synced = demo.accounts.map((account) => ({ ...account, outcome: account.id === 'acc-003' ? { churned: true } : undefined }));
    await replaceDataset(db(), { config: readPreset('default'), configSource: 'sync:https://example.test/m.csv', accounts: synced, mode: 'synced', history: 'append' }, now);
    expect(await db().outcomes.count()).toBe(2);
    const read = await readStoredInput(db(), null);
    if (!read.ok) throw new Error(read.error);
    const outcomeOf = (id: string) => read.input.accounts.find((a) => a.id === id)?.outcome;
    expect(outcomeOf('acc-001')).toEqual({ churned: true, churnedAt: '2026-10-01' });
    expect(outcomeOf('acc-002')).toEqual({ churned: false });
    expect(outcomeOf('acc-003')).toEqual({ churned: true }); // from the sync's own column
    expect(read.input).toMatchObject({ withOutcome: 3, fromFiles: 2 });
  });

  test('a loaded outcome wins over the one an import column gave the same account', async () => {
    await replaceDataset(db(), { config: readPreset('default'), configSource: 'file:a.csv', accounts: demo.accounts.map((a) => ({ ...a, outcome: { churned: true } })), mode: 'synced' }, now);
    await load('id,churned\nacc-001,no\n');
    const read = await readStoredInput(db(), null);
    if (!read.ok) throw new Error(read.error);
    expect(read.input.accounts.find((a) => a.id === 'acc-001')?.outcome).toEqual({ churned: false });
    expect(read.input.accounts.find((a) => a.id === 'acc-002')?.outcome).toEqual({ churned: true });
  });
});
