// A database written by the v1 schema opens under the current schema with every row intact (score rows made
// compact by v3), the new tables usable, and the change log started from the tier moves in v1's history.
import { describe, expect, it } from 'vitest';
import { type HistoryRow, type SourceRow, openDb } from '../../../lib/data/db';
import { INITIAL_SOURCE_STATE } from '../../../lib/data/sync';
import { openAt } from './schemas';

const history: HistoryRow[] = [
  { accountId: 'acc-1', day: '2024-10-01', score: 80, tier: 'healthy' },
  { accountId: 'acc-1', day: '2024-10-08', score: 55, tier: 'watch' },
  { accountId: 'acc-1', day: '2024-10-15', score: 54, tier: 'watch' },
  { accountId: 'acc-2', day: '2024-10-01', score: null, tier: null },
  { accountId: 'acc-2', day: '2024-10-08', score: 30, tier: 'at_risk' },
  { accountId: 'acc-2', day: '2024-10-15', score: 75, tier: 'healthy' },
];

const v1Rows = {
  accounts: [
    { id: 'acc-1', name: 'Acme', domains: ['acme.example'], contacts: ['dana@acme.example'], attributes: { plan: 'pro', arr: 1200 } },
    { id: 'acc-2', name: 'Globex', domains: [], contacts: [], attributes: {}, outcome: { churned: true, churnedAt: '2024-09-01' } },
  ],
  identities: [
    { key: 'domain:acme.example', accountId: 'acc-1' },
    { key: 'name:acme', accountId: 'acc-1' },
    { key: 'name:globex', accountId: 'acc-2' },
  ],
  metrics: [{ accountId: 'acc-1', values: { nps: { value: 40, asOf: '2024-10-15' } } }],
  configs: [{ id: 1, name: 'Default', version: '1', hash: 'abc', source: 'preset', appliedAt: '2024-10-01T00:00:00.000Z', config: { name: 'Default' } }],
  scores: [{ accountId: 'acc-1', score: 54, tier: 'watch', status: 'scored', result: { accountId: 'acc-1' }, configId: 1, computedAt: '2024-10-15T00:00:00.000Z' }],
  history,
  meta: [
    { key: 'activeConfigId', value: 1 },
    { key: 'dataMode', value: 'synced' },
  ],
};

const v1Tables = Object.entries(v1Rows) as [string, unknown[]][];

async function writeV1(name: string): Promise<void> {
  const v1 = openAt(name, 1);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, rows] of v1Tables) await v1.table(table).bulkPut(rows);
  });
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('schema v1 → current', () => {
  it('keeps every v1 row', async () => {
    await writeV1('migrate-keep');
    const db = openDb('migrate-keep');
    await db.open();
    expect(db.verno).toBe(4);
    for (const [table, rows] of v1Tables.filter(([t]) => t !== 'scores')) expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(rows));
    for (const [table, rows] of v1Tables) expect(await db.table(table).count(), table).toBe(rows.length);
    // A result without the compact fields (as v1 could hold) still gives a readable row.
    const { result: _, ...kept } = v1Rows.scores[0]!;
    expect(await db.scores.get('acc-1')).toEqual({ ...kept, coverage: 0, scorecard: '', flags: [], overridden: false });
    expect(await db.identities.where('accountId').equals('acc-1').count()).toBe(2);
    db.close();
  });

  it('starts the change log with the tier moves of v1 history', async () => {
    await writeV1('migrate-changes');
    const db = openDb('migrate-changes');
    const changes = await db.changes.orderBy('id').toArray();
    expect(changes.map(({ id: _, ...c }) => c)).toEqual([
      { at: '2024-10-08T00:00:00.000Z', accountId: 'acc-1', kind: 'tier', from: 'healthy', to: 'watch', text: 'tier changed from healthy to watch' },
      { at: '2024-10-15T00:00:00.000Z', accountId: 'acc-2', kind: 'tier', from: 'at_risk', to: 'healthy', text: 'tier changed from at_risk to healthy' },
    ]);
    db.close();
  });

  it('gives working new tables', async () => {
    await writeV1('migrate-new');
    const db = openDb('migrate-new');
    await db.overrides.put({ accountId: 'acc-1', tier: 'healthy', reason: 'Renewal signed', author: 'csm@acme.example', createdAt: '2024-10-16T00:00:00.000Z', expiresAt: '2024-11-16T00:00:00.000Z' });
    const source: SourceRow = {
      id: 'main',
      kind: 'metrics',
      url: 'https://data.example.com/accounts.csv',
      auth: { kind: 'bearer', token: 't' },
      format: 'csv',
      mapping: { 'Account ID': { kind: 'identity', field: 'id' } },
      scheduleMinutes: 60,
      ...INITIAL_SOURCE_STATE,
      nextAttemptAt: '2024-10-16T13:00:00.000Z',
    };
    await db.sources.put(source);
    const logId = await db.syncLog.add({ sourceId: 'main', at: '2024-10-16T12:00:00.000Z', outcome: 'updated', message: '2 accounts', counts: { accounts: 2, rejected: 0 } });
    await db.changes.add({ at: '2024-10-16T12:00:00.000Z', accountId: 'acc-2', kind: 'override', from: null, to: 'healthy', text: 'overridden' });

    expect((await db.overrides.where('expiresAt').below('2024-12-01').first())?.reason).toBe('Renewal signed');
    expect(await db.sources.where('nextAttemptAt').belowOrEqual('2024-10-16T13:00:00.000Z').primaryKeys()).toEqual(['main']);
    expect((await db.syncLog.get(logId))?.counts).toEqual({ accounts: 2, rejected: 0 });
    expect(await db.syncLog.where('sourceId').equals('main').count()).toBe(1);
    expect(await db.changes.where('accountId').equals('acc-2').count()).toBe(2);
    db.close();
  });

  it('creates a fresh database at the current version with an empty change log', async () => {
    const db = openDb('fresh');
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.changes.count()).toBe(0);
    db.close();
  });
});
