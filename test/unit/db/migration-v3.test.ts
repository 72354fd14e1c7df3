// A v2 database (score rows carrying their whole result) opens under v3 with every row still there: score rows
// become compact with the same score, tier, scorecard, flags and override marker, and each account's summary,
// now explained on demand, is exactly the one the stored result gave.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sha256Hex } from '../../../lib/data/apply';
import { openDb } from '../../../lib/data/db';
import { rebaseDemo, type DemoDataset } from '../../../lib/data/demo';
import { readSummaries, toSummary } from '../../../lib/data/summary';
import { scoreAccount, validateConfig } from '../../../lib/scoring';
import { compactFieldsOf, openAt } from './schemas';

const now = new Date('2026-11-25T10:00:00Z');
const checked = validateConfig(JSON.parse(readFileSync('public/presets/default.json', 'utf8')));
if (!checked.ok) throw new Error('default preset must be valid');
const config = checked.config;
const { accounts } = rebaseDemo(JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset, now);
const override = { accountId: 'acc-002', value: 88, reason: 'Renewal signed', author: 'Sam', createdAt: now.toISOString(), expiresAt: '2026-12-25T00:00:00.000Z' };

async function writeV2(name: string) {
  const v2 = openAt(name, 2);
  await v2.open();
  const results = accounts.map((a) => scoreAccount(config, a, a.metrics, { now, override: a.id === override.accountId ? override : null }));
  const hash = await sha256Hex(JSON.stringify(config));
  await v2.transaction('rw', v2.tables, async () => {
    await v2.table('configs').add({ name: config.name, version: config.version, hash, source: 'preset', appliedAt: now.toISOString(), config });
    await v2.table('accounts').bulkPut(accounts.map(({ metrics: _, ...account }) => account));
    await v2.table('metrics').bulkPut(accounts.map((a) => ({ accountId: a.id, values: a.metrics })));
    await v2.table('overrides').put(override);
    await v2.table('meta').bulkPut([{ key: 'activeConfigId', value: 1 }, { key: 'dataMode', value: 'synced' }]);
    await v2.table('scores').bulkPut(
      results.map((result, i) => ({
        accountId: result.accountId,
        score: result.score,
        tier: result.tier?.key ?? null,
        status: result.status,
        result,
        trend: { d7: i - 3, d30: null },
        dataAsOf: '2026-11-20',
        configId: 1,
        computedAt: now.toISOString(),
      })),
    );
  });
  v2.close();
  return results;
}

test('v2 score rows become compact v3 rows whose explained summaries equal the stored results', async () => {
  const results = await writeV2('migrate-v3');
  const db = openDb('migrate-v3');
  await db.open();
  expect(db.verno).toBe(4);
  expect(await db.scores.count()).toBe(accounts.length);
  expect(await db.accounts.count()).toBe(accounts.length);
  const summaries = await readSummaries(db, accounts.map((a) => a.id));
  expect(summaries).toHaveLength(accounts.length);
  for (const [i, result] of results.entries()) {
    const row = (await db.scores.get(result.accountId))!;
    expect(row).not.toHaveProperty('result');
    expect(row).toMatchObject({ ...compactFieldsOf(result), trend: { d7: i - 3, d30: null } });
    const account = (await db.accounts.get(result.accountId))!;
    expect(summaries[i]).toEqual(toSummary(account, row, result, false));
  }
  expect(summaries.find((s) => s.accountId === 'acc-002')?.override?.author).toBe('Sam');
  expect(await db.scores.where('tier').equals(results[0]!.tier!.key).count()).toBeGreaterThan(0); // the indexes survive
  db.close();
  await db.delete();
});
