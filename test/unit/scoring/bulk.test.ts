// The bulk path gives the same scores as scoreAccount, without explanations.
import { describe, expect, it } from 'vitest';
import { compileConfig, flagKeys, readColumns, scoreAccount, scoreColumns, scoreMany, type AccountEntry } from '../../../lib/scoring';
import segmented from '../../../public/presets/segmented.json';
import type { MetricValues } from '../../../lib/scoring/types';
import { account, NOW, SAMPLE_METRICS, validOrThrow, value } from './fixtures';

const cfg = validOrThrow(segmented);
const segments = ['smb', 'enterprise', 'mid-market', null];

/** A spread of accounts: every segment, some values missing, stale or invalid, one override. */
function entries(): AccountEntry[] {
  return Array.from({ length: 40 }, (_, i) => {
    const metrics: MetricValues = { ...SAMPLE_METRICS, logins_per_week: value(i % 15), active_seats_pct: value(60 + i), nps: value(i % 7 === 0 ? Number.NaN : i * 3 - 50) };
    if (i % 5 === 0) delete metrics.feature_adoption_pct;
    if (i % 9 === 0) metrics.open_tickets = value(4, '2024-01-01');
    return {
      account: account({ segment: segments[i % 4]!, renewal_date: i % 3 === 0 ? '2025-07-01' : null }, `acc-${i}`),
      metrics,
      override: i === 7 ? { value: 15, reason: 'Churn notice', author: 'ana', createdAt: '2025-06-01', expiresAt: '2025-09-01' } : null,
    };
  });
}

describe('scoreMany', () => {
  it('matches scoreAccount for every account, overrides included', () => {
    const list = entries();
    const compiled = compileConfig(cfg);
    const compact = scoreMany(compiled, list, { now: NOW });
    list.forEach((e, i) => {
      const full = scoreAccount(cfg, e.account, e.metrics, { now: NOW, override: e.override });
      expect(compact[i]).toEqual({
        accountId: full.accountId,
        status: full.status,
        score: full.score,
        tier: full.tier?.key ?? null,
        coverage: full.coverage,
        scorecard: cfg.scorecards.findIndex((c) => c.key === full.scorecard.key),
        flags: compact[i]!.flags,
        overridden: full.override !== null,
      });
      expect(flagKeys(compiled, compact[i]!.flags)).toEqual(full.flags.map((f) => f.key));
    });
    expect(new Set(compact.map((c) => c.scorecard))).toEqual(new Set([0, 1, 2]));
    expect(compact.some((c) => c.flags !== 0)).toBe(true);
  });
});

describe('scoreColumns', () => {
  it('matches scoreMany on numeric rows, and reuses result arrays', () => {
    const list = entries().map((e) => ({ ...e, override: null }));
    const compiled = compileConfig(cfg);
    const columns = readColumns(compiled, list, NOW);
    expect(columns.values.length).toBe(list.length * cfg.metrics.length);
    const bulk = scoreColumns(compiled, columns, NOW);
    const compact = scoreMany(compiled, list, { now: NOW });
    compact.forEach((c, i) => {
      expect(Number.isNaN(bulk.score[i]!) ? null : bulk.score[i]).toBe(c.score);
      expect(bulk.tier[i] === -1 ? null : cfg.tiers[bulk.tier[i]!]!.key).toBe(c.tier);
      expect([bulk.scorecard[i], bulk.coverage[i], bulk.flags[i]]).toEqual([c.scorecard, c.coverage, c.flags]);
    });
    const again = scoreColumns(compiled, columns, NOW, bulk);
    expect(again).toBe(bulk);
  });
});
