import { describe, expect, test } from 'vitest';
import { distribution, loadWhatIfEntries, whatIf, type WhatIfEntry } from '../../../lib/data/whatif';
import { scoreAccount } from '../../../lib/scoring';
import { demo, now, readPreset, shiftedTiers, useDemoDb } from './fixtures';

const current = readPreset('default');

function entries(): WhatIfEntry[] {
  return demo.accounts.map((a) => {
    const r = scoreAccount(current, a, a.metrics, { now });
    return { account: a, metrics: a.metrics, before: { score: r.score, tier: r.tier?.key ?? null } };
  });
}

describe('what-if preview', () => {
  test('lists exactly the accounts whose tier changes, with old and new tier and the score delta', async () => {
    const next = shiftedTiers(10);
    const result = await whatIf(current, next, entries(), { now });
    const expected = demo.accounts.flatMap((a) => {
      const before = scoreAccount(current, a, a.metrics, { now });
      const after = scoreAccount(next, a, a.metrics, { now });
      return before.tier?.key === after.tier?.key ? [] : [{ accountId: a.id, from: before.tier?.key, to: after.tier?.key }];
    });
    expect(expected.length).toBeGreaterThan(2); // the shift moves some demo accounts
    expect(result.moves.map((m) => ({ accountId: m.accountId, from: m.from?.key, to: m.to?.key })).sort((a, b) => a.accountId.localeCompare(b.accountId))).toEqual(expected);
    for (const move of result.moves) {
      // Only the tier table changed, so every score stays and the delta is 0.
      expect(move.delta).toBe(0);
      expect(move.to?.label).toBe(next.tiers.find((t) => t.key === move.to?.key)?.label);
    }
  });

  test('distribution before and after count every account once, in the configs’ tier order', async () => {
    const next = shiftedTiers(10);
    const result = await whatIf(current, next, entries(), { now });
    const total = (d: typeof result.before) => d.tiers.reduce((n, t) => n + t.count, 0) + d.insufficient;
    expect(total(result.before)).toBe(demo.accounts.length);
    expect(total(result.after)).toBe(demo.accounts.length);
    expect(result.after.tiers.map((t) => t.key)).toEqual(next.tiers.map((t) => t.key));
    const champions = (d: typeof result.before) => d.tiers.find((t) => t.key === 'champion')!.count;
    expect(champions(result.after)).toBeGreaterThanOrEqual(champions(result.before));
    expect(result.after.insufficient).toBe(result.before.insufficient);
  });

  test('a weight change moves scores: deltas are the engine’s score differences, largest first', async () => {
    const next = structuredClone(current);
    next.scorecards[0]!.groups![0]!.weight = 5; // usage nearly stops counting
    const result = await whatIf(current, next, entries(), { now });
    expect(result.moves.length).toBeGreaterThan(0);
    for (const move of result.moves) {
      const a = demo.accounts.find((x) => x.id === move.accountId)!;
      const after = scoreAccount(next, a, a.metrics, { now });
      expect(move.scoreAfter).toBe(after.score);
      expect(move.delta).toBe(after.score! - move.scoreBefore!);
    }
    const sizes = result.moves.map((m) => Math.abs(m.delta ?? 101));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  test('the result does not depend on the chunk size, and an aborted preview stops', async () => {
    const next = shiftedTiers(7);
    const whole = await whatIf(current, next, entries(), { now, chunk: 10_000 });
    expect(await whatIf(current, next, entries(), { now, chunk: 3 })).toEqual(whole);
    const controller = new AbortController();
    const running = whatIf(current, next, entries(), { now, chunk: 2, signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toThrow();
  });

  test('tier keys the config does not know are counted under their own key', () => {
    const d = distribution([{ key: 'a', label: 'A', color: '#000000' }], ['a', 'gone', null, 'a']);
    expect(d.tiers).toEqual([{ key: 'a', label: 'A', color: '#000000', count: 2 }, { key: 'gone', label: 'gone', color: '#9aa0a6', count: 1 }]);
    expect(d.insufficient).toBe(1);
  });
});

describe('what-if input from the database', () => {
  const { db } = useDemoDb();
  test('every stored account comes with its metrics, override and stored result, whatever the chunk size', async () => {
    const { setOverrideAndRescore } = await import('../../../lib/data/rescore');
    await setOverrideAndRescore(db(), 'acc-003', { tier: 'champion', reason: 'r', author: 'a', createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const all = await loadWhatIfEntries(db(), 7);
    expect(all.map((e) => e.account.id)).toEqual(demo.accounts.map((a) => a.id).sort());
    expect(await loadWhatIfEntries(db(), 1000)).toEqual(all);
    for (const e of all) {
      const stored = (await db().scores.get(e.account.id))!;
      expect(e.before).toEqual({ score: stored.score, tier: stored.tier });
      expect(e.metrics).toEqual((await db().metrics.get(e.account.id))!.values);
    }
    expect(all.find((e) => e.account.id === 'acc-003')!.override).toMatchObject({ tier: 'champion' });
    expect(all.find((e) => e.account.id === 'acc-003')!.before.tier).toBe('champion');
  });
});
