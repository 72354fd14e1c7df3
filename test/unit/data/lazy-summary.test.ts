// Score rows are compact and explained on demand: for every demo account and for fuzzed accounts (stale and
// broken values, segments, overrides in force and expired, too little data) the summary a lookup gives is
// exactly the one the full path (scoreAccount with explanation at apply time) gives, after a data apply, a
// config apply and an override.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { replaceDataset, type IncomingAccount } from '../../../lib/data/apply';
import { openDb, type HealthmarkDb, type OverrideRow } from '../../../lib/data/db';
import { rebaseDemo, type DemoDataset } from '../../../lib/data/demo';
import { lookup } from '../../../lib/data/lookup';
import { applyConfigVersion, setOverrideAndRescore } from '../../../lib/data/rescore';
import { readSummaries, toSummary } from '../../../lib/data/summary';
import { scoreAccount, validateConfig, type ScoringConfig } from '../../../lib/scoring';
import { compactFieldsOf } from '../db/schemas';
import { rawValueArb } from '../scoring/arbitraries';

const now = new Date('2026-11-25T10:00:00Z');
function preset(name: string): ScoringConfig {
  const checked = validateConfig(JSON.parse(readFileSync(`public/presets/${name}.json`, 'utf8')));
  if (!checked.ok) throw new Error(`preset ${name} must be valid`);
  return checked.config;
}
const demo = rebaseDemo(JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset, now);

let db: HealthmarkDb;
let n = 0;
beforeEach(() => {
  db = openDb(`lazy-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Every stored account's lazy summary against the full path scored at the row's own time with its config. */
async function expectSummariesFromFullPath(config: ScoringConfig, accounts: readonly IncomingAccount[], demoMode: boolean) {
  const overrides = new Map((await db.overrides.toArray()).map((o) => [o.accountId, o]));
  const summaries = await readSummaries(db, accounts.map((a) => a.id));
  expect(summaries).toHaveLength(accounts.length);
  for (const [i, a] of accounts.entries()) {
    const row = (await db.scores.get(a.id))!;
    const full = scoreAccount(config, a, a.metrics, { now: new Date(row.computedAt), override: overrides.get(a.id) ?? null });
    expect(row, a.id).toMatchObject(compactFieldsOf(full));
    expect(summaries[i], a.id).toEqual(toSummary((await db.accounts.get(a.id))!, row, full, demoMode));
  }
}

describe('demo accounts', () => {
  test.each(['default', 'segmented'])('with the %s preset: after the apply, a config apply and overrides', async (name) => {
    const config = preset(name);
    await db.overrides.put({ accountId: 'acc-004', tier: 'at_risk', reason: 'Escalation', author: 'Sam', createdAt: now.toISOString(), expiresAt: '2026-12-01T00:00:00Z' });
    await replaceDataset(db, { config, configSource: 'test', ...demo, mode: 'demo' }, now);
    await expectSummariesFromFullPath(config, demo.accounts, true);

    const other = preset(name === 'default' ? 'segmented' : 'default');
    const later = new Date(now.getTime() + 3 * 86_400_000);
    await applyConfigVersion(db, other, 'editor', later);
    await setOverrideAndRescore(db, 'acc-002', { value: 97, reason: 'Renewal signed', author: 'Alex', createdAt: later.toISOString(), expiresAt: '2027-01-01T00:00:00Z' }, later);
    await expectSummariesFromFullPath(other, demo.accounts, true);

    const acme = await lookup(db, { emails: ['dana.wu@acme-analytics.example'], domains: [], names: [] });
    expect(acme.accounts['acc-001']).toEqual((await readSummaries(db, ['acc-001']))[0]);
  });
});

const segmentArb = fc.constantFrom('enterprise', 'smb', 'mid', null);
const asOfArb = fc.constantFrom('2026-11-24', '2026-10-01', '2025-01-01', '2026-11-25T08:00:00Z', 'not a date');
const metricKeys = preset('segmented').metrics.map((m) => m.key);
const metricsArb = fc.dictionary(fc.constantFrom(...metricKeys), fc.record({ value: rawValueArb, asOf: asOfArb }), { maxKeys: metricKeys.length });
const overrideArb = fc.option(
  fc.record({
    value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    expiresAt: fc.constantFrom('2026-11-20T00:00:00Z', '2027-01-01T00:00:00Z'),
  }),
  { nil: null },
);
const accountsArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), segment: segmentArb, metrics: metricsArb, override: overrideArb }), {
  minLength: 1,
  maxLength: 25,
  selector: (a) => a.id,
});

test('fuzzed accounts: the lazy summary equals the full-path summary', async () => {
  const config = preset('segmented');
  await fc.assert(
    fc.asyncProperty(accountsArb, async (generated) => {
      await Promise.all([db.overrides.clear(), db.scores.clear()]);
      const accounts: IncomingAccount[] = generated.map((g, i) => ({ id: g.id, name: `Fuzz ${i}`, domains: [], contacts: [], attributes: { segment: g.segment }, metrics: g.metrics }));
      const overrides: OverrideRow[] = generated.flatMap((g) =>
        g.override ? [{ accountId: g.id, ...(g.override.value === undefined ? { tier: 'needs_attention' } : { value: g.override.value }), reason: 'fuzz', author: 'fuzz', createdAt: now.toISOString(), expiresAt: g.override.expiresAt }] : [],
      );
      await db.overrides.bulkPut(overrides);
      await replaceDataset(db, { config, configSource: 'fuzz', accounts, mode: 'synced' }, now);
      await expectSummariesFromFullPath(config, accounts, false);
    }),
    { numRuns: 15 },
  );
});
