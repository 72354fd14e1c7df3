import { describe, expect, test } from 'vitest';
import { configHandlers } from '../../../lib/background/handlers/config';
import { getMeta } from '../../../lib/data/db';
import { isoDayOf } from '../../../lib/dates';
import { activeConfig } from '../../../lib/data/status';
import { readSummaries } from '../../../lib/data/summary';
import { scoreAccount, trend } from '../../../lib/scoring';
import { demo, readPreset, shiftedTiers, useDemoDb } from './fixtures';

const { db } = useDemoDb();

async function scoresById() {
  return new Map((await db().scores.toArray()).map((s) => [s.accountId, s]));
}

describe('applyConfig', () => {
  test('stores a new editor version, makes it active and re-scores every account with it', async () => {
    const next = shiftedTiers(10);
    const before = await scoresById(); // a tier change is counted against the tier stored before the apply
    const reply = await configHandlers(db()).applyConfig({ config: next });
    expect(reply).toMatchObject({ ok: true, accounts: demo.accounts.length });
    if (!reply.ok) return;
    const row = await db().configs.get(reply.configId);
    expect(row).toMatchObject({ name: next.name, version: 'shifted-10', source: 'editor' });
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await getMeta(db(), 'activeConfigId')).toBe(reply.configId);
    expect(await db().configs.count()).toBe(2); // the preset version is kept for restoring

    const applied = new Date(row!.appliedAt);
    const scores = await scoresById();
    let moved = 0;
    for (const a of demo.accounts) {
      const expected = scoreAccount(next, a, a.metrics, { now: applied });
      const stored = scores.get(a.id)!;
      expect(stored.configId).toBe(reply.configId);
      expect(stored.tier).toBe(expected.tier?.key ?? null);
      expect((await readSummaries(db(), [a.id]))[0]!.tier).toEqual(expected.tier);
      const today = await db().history.get([a.id, isoDayOf(applied)]);
      expect(today?.tier).toBe(expected.tier?.key ?? null);
      if (before.get(a.id)!.tier !== stored.tier) moved++;
    }
    expect(moved).toBeGreaterThan(0);
    expect(reply.tierChanges).toBe(moved);
    // Trends compare today's new score with the stored history (the demo's weekly snapshots).
    const borealis = scores.get('acc-002')!;
    const history = await db().history.where('accountId').equals('acc-002').toArray();
    expect(history.length).toBeGreaterThan(2);
    expect(borealis.trend).toEqual(trend(history, isoDayOf(applied)));
    expect(borealis.trend.d7).not.toBeNull();
    expect(await db().changes.where('accountId').anyOf(demo.accounts.map((a) => a.id)).filter((c) => c.kind === 'config').count()).toBe(moved);
  });

  test('an invalid config is rejected with located issues and nothing stored changes', async () => {
    const before = { configs: await db().configs.toArray(), scores: await db().scores.toArray(), active: await getMeta(db(), 'activeConfigId') };
    const gap = structuredClone(readPreset('default'));
    gap.tiers[1]!.min = 45;
    const unknownMetric = structuredClone(readPreset('default'));
    unknownMetric.scorecards[0]!.measures[0]!.metric = 'nope';
    for (const [config, path] of [[gap, 'tiers[1].min'], [unknownMetric, 'scorecards[0].measures[0].metric'], ['{not json', 'config']] as const) {
      const reply = await configHandlers(db()).applyConfig({ config });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.issues.map((i) => i.path)).toContain(path);
    }
    expect(await db().configs.toArray()).toEqual(before.configs);
    expect(await db().scores.toArray()).toEqual(before.scores);
    expect(await getMeta(db(), 'activeConfigId')).toBe(before.active);
  });

  test('restoring an older version applies it again as a new active version', async () => {
    const handlers = configHandlers(db());
    const original = (await activeConfig(db()))!;
    await handlers.applyConfig({ config: shiftedTiers(10) });
    const reply = await handlers.restoreConfig({ id: original.id });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const active = (await activeConfig(db()))!;
    expect(active.id).toBe(reply.configId);
    expect(active.config).toEqual(original.config);
    expect((await db().configs.get(reply.configId))?.source).toBe(`restored:${original.id}`);
    const scores = await scoresById();
    for (const a of demo.accounts) {
      const expected = scoreAccount(original.config, a, a.metrics, { now: new Date(scores.get(a.id)!.computedAt) });
      expect(scores.get(a.id)!.tier).toBe(expected.tier?.key ?? null);
    }
    expect(await handlers.restoreConfig({ id: 999 })).toEqual({ ok: false, issues: [{ path: 'id', message: 'no stored config version #999' }] });
  });

  test('overrides survive a config apply and keep applying', async () => {
    const { setOverrideAndRescore } = await import('../../../lib/data/rescore');
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await setOverrideAndRescore(db(), 'acc-001', { value: 12, reason: 'Churn notice', author: 'Sam', createdAt: new Date().toISOString(), expiresAt });
    await configHandlers(db()).applyConfig({ config: shiftedTiers(5) });
    const row = await db().scores.get('acc-001');
    expect(row?.score).toBe(12);
    expect(row?.overridden).toBe(true);
    expect((await readSummaries(db(), ['acc-001']))[0]!.override?.author).toBe('Sam');
  });
});
