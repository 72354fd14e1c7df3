// A v3 database opens under v4 with every table and row as it was, and the new outcomes table empty and usable:
// v4 only adds the table that keeps outcomes loaded from outcomes files.
import { expect, test } from 'vitest';
import { openDb } from '../../../lib/data/db';
import { openAt } from './schemas';

const v3Rows = {
  accounts: [{ id: 'acc-1', name: 'Acme', domains: ['acme.example'], contacts: [], attributes: {}, outcome: { churned: true, churnedAt: '2026-01-05' } }],
  identities: [{ key: 'domain:acme.example', accountId: 'acc-1' }],
  metrics: [{ accountId: 'acc-1', values: { nps: { value: 40, asOf: '2026-01-01' } } }],
  scores: [{ accountId: 'acc-1', score: 54, tier: 'watch', status: 'scored', coverage: 1, scorecard: 'default', flags: [], overridden: false, trend: { d7: null, d30: null }, dataAsOf: '2026-01-01', configId: 1, computedAt: '2026-01-02T00:00:00.000Z' }],
  history: [{ accountId: 'acc-1', day: '2026-01-01', score: 54, tier: 'watch' }],
  meta: [{ key: 'dataMode', value: 'synced' }],
  overrides: [{ accountId: 'acc-1', value: 80, reason: 'Renewal signed', author: 'Sam', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-02-01T00:00:00.000Z' }],
};

test('v3 data opens under v4 unchanged, with an empty outcomes table that takes rows', async () => {
  const v3 = openAt('migrate-v4', 3);
  await v3.open();
  await v3.transaction('rw', v3.tables, async () => {
    for (const [table, rows] of Object.entries(v3Rows)) await v3.table(table).bulkPut(rows);
  });
  v3.close();

  const db = openDb('migrate-v4');
  await db.open();
  expect(db.verno).toBe(4);
  for (const [table, rows] of Object.entries(v3Rows)) expect(await db.table(table).toArray(), table).toEqual(rows);
  expect(await db.outcomes.count()).toBe(0);
  await db.outcomes.put({ accountId: 'acc-1', churned: false, source: 'file:o.csv', loadedAt: '2026-01-03T00:00:00.000Z' });
  expect(await db.outcomes.get('acc-1')).toMatchObject({ churned: false });
  db.close();
  await db.delete();
});
