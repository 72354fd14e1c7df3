// Properties that must hold for any valid config and any input values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConfig, scoreMany, validateConfig } from '../../../lib/scoring';
import type { ScoreResult } from '../../../lib/scoring/types';
import { bandsArb, configArb, metricsArb } from './arbitraries';
import { config, run, validOrThrow } from './fixtures';

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allNumbersFinite);
  return true;
}

const scored = fc.tuple(configArb, metricsArb).map(([input, metrics]) => {
  const cfg = validOrThrow(input);
  return { cfg, metrics, result: run(cfg, metrics) };
});

describe('scoring properties', () => {
  it('generates only valid configs', () => {
    fc.assert(fc.property(configArb, (input) => validateConfig(input).ok));
  });

  it('gives an integer 0–100 or "insufficient data", and never NaN or Infinity anywhere', () => {
    fc.assert(
      fc.property(scored, ({ result }) => {
        if (result.status === 'scored') expect(Number.isInteger(result.score) && result.score! >= 0 && result.score! <= 100).toBe(true);
        else expect(result.score).toBeNull();
        expect(result.coverage >= 0 && result.coverage <= 1).toBe(true);
        expect(allNumbersFinite(result)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('re-weights so the weights that count sum to 1, and contributions add up to the total', () => {
    fc.assert(
      fc.property(scored, ({ result }) => {
        const counted = result.explanation.measures.filter((m) => m.actionValue !== null);
        if (counted.length === 0) return;
        expect(counted.reduce((s, m) => s + m.effectiveWeight, 0)).toBeCloseTo(1, 9);
        const sum = result.explanation.measures.reduce((s, m) => s + m.contribution, 0);
        expect(result.explanation.baseline + sum).toBeCloseTo(result.explanation.total!, 9);
        // The score is the total clamped to 0–100, then rounded.
        if (result.status === 'scored') expect(Math.abs(Math.min(100, Math.max(0, result.explanation.total!)) - result.score!)).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic, and the bulk path agrees', () => {
    fc.assert(
      fc.property(scored, ({ cfg, metrics, result }) => {
        expect(JSON.stringify(run(cfg, metrics))).toBe(JSON.stringify(result));
        const [compact] = scoreMany(compileConfig(cfg), [{ account: { id: 'acc-1', name: 'Acme', attributes: {} }, metrics: toValues(metrics) }], { now: new Date('2025-06-02T12:00:00Z') });
        expect([compact!.score, compact!.tier, compact!.coverage]).toEqual([result.score, result.tier?.key ?? null, result.coverage]);
      }),
      { numRuns: 200 },
    );
  });

  it('never lowers the score when a measure with non-decreasing bands rises', () => {
    fc.assert(
      fc.property(bandsArb('logins', false, true), fc.integer({ min: -60, max: 160 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 100 }), (bands, x, rise, adoption) => {
        const cfg = config([bands, { metric: 'adoption', type: 'linear', min: 0, max: 100 }]);
        const low = run(cfg, { logins: x, adoption }).score!;
        const high = run(cfg, { logins: x + rise, adoption }).score!;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
      { numRuns: 300 },
    );
  });

  it('names a next-tier change that really reaches that tier', () => {
    fc.assert(
      fc.property(scored, ({ cfg, metrics, result }) => {
        const next = result.explanation.nextTier;
        if (!next) return;
        const after: ScoreResult = run(cfg, { ...metrics, [next.metric]: next.to });
        const rank = (key: string | undefined) => cfg.tiers.findIndex((t) => t.key === key);
        expect(rank(after.tier?.key)).toBeGreaterThanOrEqual(rank(next.tier.key));
      }),
      { numRuns: 300 },
    );
  });
});

function toValues(metrics: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, { value: v as never, asOf: '2025-06-01' }]));
}
