import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ImportOptions, type ImportResult, formatRowError, importAccounts, importEvents } from '../../../lib/data/import';
import { catalogue } from '../../fixtures/imports/catalogue';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url), 'utf8');
const run = (input: string, options: Partial<ImportOptions> = {}) => importAccounts(input, { catalogue, defaultAsOf: '2024-10-16', ...options });

function accountsOf(result: ImportResult) {
  if (!result.ok) throw new Error(`import refused: ${result.error}`);
  return result.accounts;
}
const errorLines = (result: ImportResult) => result.errors.map(formatRowError);

describe('file fixtures', () => {
  it('reads a CRM export with day-first dates, TRUE/FALSE, 1,234.5 and 45%', async () => {
    const result = await run(fixture('crm-export.csv'), { dateOrder: 'dmy' });
    const accounts = accountsOf(result);
    expect(result.format).toBe('csv');
    expect(accounts.map((a) => a.id)).toEqual(['A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1006', 'A-1007', 'A-1008']);
    const northwind = accounts[0]!;
    expect(northwind).toEqual({
      id: 'A-1001',
      name: 'Northwind Traders, Inc.',
      domains: ['northwind.example'],
      contacts: ['maria@northwind.example', 'li.wei@northwind.example'],
      attributes: { plan: 'enterprise', arr: 1234.5, renewal_date: '2024-10-16' },
      metrics: {
        logins_per_week: { value: 14.5, asOf: '2024-10-16' },
        feature_adoption_pct: { value: 80, asOf: '2024-10-16' },
        active_seats_pct: { value: 92, asOf: '2024-10-16' },
        nps: { value: 62, asOf: '2024-10-16' },
        csm_sentiment: { value: 'green', asOf: '2024-10-16' },
        last_login: { value: '2024-10-14', asOf: '2024-10-16' },
      },
      outcome: { churned: false },
    });
    expect(accounts[1]!.outcome).toEqual({ churned: true });
    expect(accounts[3]!.contacts).toEqual(['alice@umbrella-health.example']);
    expect(accounts[4]!.metrics).not.toHaveProperty('logins_per_week');
    expect(accounts[5]!.attributes['arr']).toBe(1005000);
  });

  it('keeps hostile text as plain text', async () => {
    const accounts = accountsOf(await run(fixture('crm-export.csv'), { dateOrder: 'dmy' }));
    expect(accounts[6]!.name).toBe('<script>alert(1)</script>');
    expect(accounts[6]!.outcome).toEqual({ churned: true });
  });

  it('reads a semicolon export with decimal commas and dotted day-first dates', async () => {
    const result = await run(fixture('eu-export.csv'), { decimal: ',', dateOrder: 'dmy' });
    const [mueller, cafe, nordlicht] = accountsOf(result);
    expect(mueller!.attributes['arr']).toBe(1234.5);
    expect(mueller!.metrics['logins_per_week']).toEqual({ value: 12.5, asOf: '2024-10-16' });
    expect(mueller!.metrics['active_seats_pct']!.value).toBe(45);
    expect(mueller!.metrics['last_login']!.value).toBe('2024-10-16');
    expect(cafe!.contacts).toEqual(['jules@cafe-lumiere.example', 'paul@cafe-lumiere.example']);
    expect(cafe!.attributes['arr']).toBe(98000);
    expect(nordlicht!.metrics['active_seats_pct']!.value).toBe(66.5);
  });

  it('reports the ambiguous date of the same export when no date order is set', async () => {
    const result = await run(fixture('eu-export.csv'), { decimal: ',', maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual([
      'row 2 (line 3), column "Last login": "01.09.2024" is ambiguous: set the date order to day-first (dmy) or month-first (mdy)',
    ]);
  });

  it('reads a JSON array in the nested shape, with list and text identity cells', async () => {
    const result = await run(fixture('accounts.json'), { name: 'accounts.json' });
    const [acme, harbor] = accountsOf(result);
    expect(result.format).toBe('json');
    expect(acme!.attributes).toEqual({ plan: 'enterprise', arr: 333800, renewal_date: '2025-07-02' });
    expect(acme!.metrics['csm_sentiment']).toEqual({ value: 'green', asOf: '2024-10-16' });
    expect(harbor!.domains).toEqual(['blueharbor.example']);
    expect(harbor!.contacts).toEqual(['kim@blueharbor.example', 'sam@blueharbor.example']);
    expect(harbor!.metrics['active_seats_pct']!.value).toBe(30);
    expect(harbor!.attributes['arr']).toBe(12000);
  });

  it('reads NDJSON, skipping blank lines, with epoch-second as-of dates', async () => {
    const result = await run(fixture('accounts.ndjson'));
    expect(result.format).toBe('ndjson');
    const accounts = accountsOf(result);
    expect(accounts.map((a) => a.id)).toEqual(['N-1', 'N-2', 'N-3']);
    expect(accounts[1]!.metrics['nps']).toEqual({ value: 7, asOf: '2024-10-16T00:00:00.000Z' });
    expect(accounts[2]!.metrics['nps']!.asOf).toBe('2024-10-16T08:30:00.000Z');
  });
});

describe('identities', () => {
  it('never derives a domain identity from a free-mail contact, nor keeps a free-mail domain', async () => {
    const [account] = accountsOf(await run('name,emails,website\nStark,"tony@gmail.com; pepper@stark.example",yahoo.com\n'));
    expect(account!.contacts).toEqual(['tony@gmail.com', 'pepper@stark.example']);
    expect(account!.domains).toEqual(['stark.example']);
  });

  it('splits contact lists on ;, , and |', async () => {
    const [account] = accountsOf(await run('name,emails\nAcme,"a@acme.example, b@acme.example|c@acme.example;d@acme.example"\n'));
    expect(account!.contacts).toHaveLength(4);
  });

  it('normalises emails and websites', async () => {
    const [account] = accountsOf(await run('name,emails,website\nAcme,MAILTO:Dana@ACME.example,https://www.Acme.example/about\n'));
    expect(account).toMatchObject({ contacts: ['dana@acme.example'], domains: ['acme.example'] });
  });

  it('gives an account without an id one from its normalised name, and the id as name when there is no name', async () => {
    const accounts = accountsOf(await run('id,name\n,"Acme, Inc."\nX-9,\n'));
    expect(accounts.map((a) => [a.id, a.name])).toEqual([['name:acme', 'Acme, Inc.'], ['X-9', 'X-9']]);
  });

  it('rejects a row that is the same company by normalised name as an earlier one', async () => {
    const result = await run('name\n"Acme, Inc."\nACME inc\n', { maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual(['row 2 (line 3): duplicate account id "name:acme" (first in row 1)']);
  });

  it('refuses bad emails and domains in the row', async () => {
    const result = await run('id,emails,website\nA,bob@,ok.example\nB,b@b.example,not a domain\n', { maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual([
      'row 1 (line 2), column "emails": "bob@" is not an email address',
      'row 2 (line 3), column "website": "not a domain" is not a domain',
    ]);
  });
});

describe('row errors', () => {
  it('reports the bad row by row, line and column, and imports the rest when the threshold allows', async () => {
    const result = await run(fixture('bad-row.csv'), { maxRejectedShare: 0.5 });
    expect(accountsOf(result).map((a) => a.id)).toEqual(['B-1', 'B-3']);
    expect(result).toMatchObject({ totalRows: 3, rejectedRows: 1 });
    expect(errorLines(result)).toEqual(['row 2 (line 3), column "logins_per_week": expected a number, got "lots"']);
  });

  it('refuses the whole import when rejected rows exceed 2% by default', async () => {
    const result = await run(fixture('bad-row.csv'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe('1 of 3 rows were rejected (33.3%), more than the 2% allowed: nothing was imported');
    expect(result.errors).toHaveLength(1);
  });

  it('accepts exactly 2% of rejected rows and refuses one more', async () => {
    const rows = (bad: number) =>
      ['id,logins_per_week', ...Array.from({ length: 100 }, (_, i) => `A${i},${i < bad ? 'x' : i}`)].join('\n');
    expect((await run(rows(2))).ok).toBe(true);
    expect((await run(rows(3))).ok).toBe(false);
  });

  it('rejects rows with neither id nor name, duplicate ids and over-long cells', async () => {
    const long = 'x'.repeat(10_001);
    const result = await run(`id,name,plan\n,,enterprise\nA,Alpha,\nA,Again,\nB,Beta,${long}\n`, { maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual([
      'row 1 (line 2): has neither an account id nor a name',
      'row 3 (line 4): duplicate account id "A" (first in row 2)',
      'row 4 (line 5), column "plan": cell is 10001 characters long (the limit is 10000)',
    ]);
  });

  it('lists every bad cell of a row and counts the row once', async () => {
    const result = await run('id,logins_per_week,nps,last_login\nA,x,y,someday\nB,1,2,2024-01-01\n', { maxRejectedShare: 1 });
    expect(result).toMatchObject({ totalRows: 2, rejectedRows: 1 });
    expect(result.errors.map((e) => e.column)).toEqual(['logins_per_week', 'nps', 'last_login']);
  });

  it('numbers lines past a quoted cell that spans lines, and skips blank rows', async () => {
    const result = await run('id,name,logins_per_week\nA,"Multi\nline\nname",1\n\nB,Beta,x\n', { maxRejectedShare: 1 });
    expect(accountsOf(result)[0]!.name).toBe('Multi\nline\nname');
    expect(errorLines(result)).toEqual(['row 2 (line 6), column "logins_per_week": expected a number, got "x"']);
  });

  it('rejects a row with the wrong number of cells', async () => {
    const result = await run('id,name,nps\nA,Alpha,1\nB,Beta,2,extra\nC,Gamma\n', { maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual([
      'row 2 (line 3): has 4 cells where the header has 3 (check the delimiter and quotes)',
      'row 3 (line 4): has 2 cells where the header has 3 (check the delimiter and quotes)',
    ]);
  });

  it('says so when a quote is never closed', async () => {
    const result = await run('id,name\nA,Alpha\nB,"Beta\nC,Gamma\n', { maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual(['row 2 (line 3): a quoted cell is never closed, so the rest of the file was read as part of this row']);
  });

  it('refuses a churn date on an account marked as not churned; a churn date alone means churned', async () => {
    const result = await run('id,churned,churn date\nA,no,2024-01-05\nB,,2024-02-01\n', { maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual(['row 1 (line 2): has a churn date (2024-01-05) but churned is false']);
    expect(result.ok && result.accounts[0]!.outcome).toEqual({ churned: true, churnedAt: '2024-02-01' });
  });

  it('reports rows of a JSON file by element index', async () => {
    const result = await run('[{"id":"A","nps":"high"}, 42, {"id":"B","nps":[1]}]', { maxRejectedShare: 1 });
    expect(errorLines(result)).toEqual([
      'row 1 (element [0]), column "nps": expected a number, got "high"',
      "row 2 (element [1]): expected an object with the account's fields, got number",
      'row 3 (element [2]), column "nps": expected a number, got a list',
    ]);
  });

  it('reports a broken NDJSON line by row and line and reads the others', async () => {
    const result = await run('{"id":"A"}\n\n{"id": "B",}\n{"id":"C"}\n', { format: 'ndjson', maxRejectedShare: 1 });
    expect(accountsOf(result).map((a) => a.id)).toEqual(['A', 'C']);
    expect(errorLines(result)).toEqual(['row 2 (line 3): invalid JSON at column 12: Expected double-quoted property name']);
  });
});

describe('file errors', () => {
  it.each([
    ['', 'csv', 'the file is empty'],
    ['\n\n', 'csv', 'the file is empty'],
    ['id,name\n', 'csv', 'the file has a header but no data rows'],
    ['plan,nps\nx,1\n', 'csv', 'the column mapping cannot be used: no column gives the account id or name (headers: "plan", "nps")'],
    ['[{"id": 1,}]', 'json', 'invalid JSON at line 1, column 11: Expected double-quoted property name'],
    ['{"id": "A"}', 'json', 'expected a JSON array of account objects (or {"accounts": [...]}), got object'],
    ['[]', 'json', 'the file has no records'],
    ['\n \n', 'ndjson', 'the file has no records'],
    [',,\n , ,\n', 'csv', 'the file has no header row or records'],
  ] as const)('%j as %s: %s', async (input, format, message) => {
    const result = await run(input, { format });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe(message);
  });

  it('refuses more than 1000 columns', async () => {
    const header = ['id', ...Array.from({ length: 1000 }, (_, i) => `c${i}`)].join(',');
    const result = await run(`${header}\n`);
    expect(!result.ok && result.error).toBe('the file has 1001 columns; at most 1000 are supported');
  });
});

describe('mapping and values', () => {
  it('follows an edited mapping: ignored columns, typed attributes, a renamed metric', async () => {
    const mapping = {
      Zip: { kind: 'attribute' as const, key: 'zip', type: 'text' as const },
      Notes: { kind: 'ignore' as const },
      Usage: { kind: 'metric' as const, key: 'logins_per_week' },
    };
    const [account] = accountsOf(await run('id,Zip,Notes,Usage\nA,02134,secret,7\n', { mapping }));
    expect(account!.attributes).toEqual({ zip: '02134' });
    expect(account!.metrics).toEqual({ logins_per_week: { value: 7, asOf: '2024-10-16' } });
  });

  it('keeps an attribute keyed "__proto__" as plain data', async () => {
    const [account] = accountsOf(await run('id,x\nA,polluted\n', { mapping: { x: { kind: 'attribute', key: '__proto__' } } }));
    expect(Object.getPrototypeOf(account!.attributes)).toBe(Object.prototype);
    expect(Object.entries(account!.attributes)).toEqual([['__proto__', 'polluted']]);
  });

  it('returns the mapping it used so the UI can show and store it', async () => {
    const result = await run('Account ID,Plan\nA,pro\n');
    expect(result.mapping).toEqual({ 'Account ID': { kind: 'identity', field: 'id' }, Plan: { kind: 'attribute', key: 'plan' } });
  });

  it('types attribute cells only when they are clearly numbers, booleans or dates', async () => {
    const [account] = accountsOf(await run('id,a,b,c,d,e,f,g,h\nA,0123,TRUE,"1,234",16/10/2024,v1.2.3,yes,2024-01-01 to 2024-12-31,2024-10-16 08:30\n'));
    expect(account!.attributes).toEqual({
      a: '0123',
      b: true,
      c: 1234,
      d: '2024-10-16',
      e: 'v1.2.3',
      f: 'yes',
      g: '2024-01-01 to 2024-12-31',
      h: '2024-10-16T08:30:00.000Z',
    });
  });

  it('reads boolean, category and date metrics', async () => {
    const [account] = accountsOf(await run('id,SSO enabled,CSM sentiment,Last login\nA,Y, Green ,1729080000\n'));
    expect(account!.metrics).toMatchObject({
      sso_enabled: { value: true },
      csm_sentiment: { value: 'Green' },
      last_login: { value: '2024-10-16T12:00:00.000Z' },
    });
  });

  it('dates metrics by the row as-of cell, else by the source default', async () => {
    const accounts = accountsOf(await run('id,nps,as of\nA,1,2024-09-30\nB,2,\n', { defaultAsOf: '2024-10-01' }));
    expect(accounts.map((a) => a.metrics['nps']!.asOf)).toEqual(['2024-09-30', '2024-10-01']);
  });

  it('defaults the as-of date to the time of the import', async () => {
    const before = new Date().toISOString();
    const [account] = accountsOf(await importAccounts('id,nps\nA,1\n', { catalogue }));
    expect(account!.metrics['nps']!.asOf >= before).toBe(true);
  });
});

describe('inputs and progress', () => {
  it('reads a Blob and a byte stream, without a byte-order mark', async () => {
    const text = '\ufeffid,name\nA,Alpha\n';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5));
        controller.close();
      },
    });
    for (const input of [new Blob([text]), stream]) {
      const result = await importAccounts(input, { catalogue });
      expect(result.headers).toEqual(['id', 'name']);
      expect(accountsOf(result).map((a) => a.name)).toEqual(['Alpha']);
    }
  });

  it('takes the format from a File name or a Blob type before guessing from the text', async () => {
    // Guessed from the text, the first would be JSON (it starts with "[") and the second NDJSON.
    const csv = await importAccounts(new File(['[id]\nA\n'], 'export.csv'), { catalogue });
    expect(accountsOf(csv).map((a) => a.id)).toEqual(['A']);
    expect((await importAccounts(new Blob(['{"id":"A"}'], { type: 'application/json' }), { catalogue })).format).toBe('json');
  });

  it('yields progress between chunks of a large CSV, then the result', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `A${i},Company ${i},${i % 50},2024-10-${String((i % 28) + 1).padStart(2, '0')}`);
    const events = [];
    for await (const event of importEvents(['id,name,nps,last_login', ...rows].join('\n'), { catalogue })) events.push(event);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ rows: 30_000, fraction: 1 });
    const done = events.at(-1);
    expect(done?.type === 'done' && done.result.ok && done.result.accounts.length).toBe(30_000);
  });
});
