import { describe, expect, it } from 'vitest';
import { sortClasses } from '../../../lib/data/backtest/auc';
import { riskiestDecileLift } from '../../../lib/data/backtest/lift';
import { churnByTier } from '../../../lib/data/backtest/tiers';

const tiers = [
  { key: 'red', label: 'At risk' },
  { key: 'green', label: 'Healthy' },
];

describe('churnByTier', () => {
  it('counts accounts and churned per tier, leaving out accounts without tier or outcome', () => {
    const tierIndex = Int16Array.from([0, 0, 0, 1, 1, 1, 1, -1, 1]);
    const churned = Uint8Array.from([1, 1, 0, 1, 0, 0, 0, 1, 255]);
    expect(churnByTier(tiers, tierIndex, churned)).toEqual([
      { key: 'red', label: 'At risk', accounts: 3, churned: 2, churnRate: 2 / 3 },
      { key: 'green', label: 'Healthy', accounts: 4, churned: 1, churnRate: 0.25 },
    ]);
  });

  it('gives a null rate, not NaN, for an empty tier', () => {
    expect(churnByTier(tiers, Int16Array.from([0]), Uint8Array.from([0]))[1]).toMatchObject({ accounts: 0, churnRate: null });
  });
});

describe('riskiestDecileLift', () => {
  const lift = (scores: number[], churned: number[]) =>
    riskiestDecileLift(sortClasses(Float64Array.from(scores), Uint8Array.from(churned)));

  it('divides the churn rate of the lowest tenth by the overall rate', () => {
    // 20 accounts: the two lowest scores both churned, 4 churned overall → 100% / 20% = 5×.
    const scores = Array.from({ length: 20 }, (_, i) => i);
    const churned = scores.map((s) => (s < 2 || s === 10 || s === 15 ? 1 : 0));
    expect(lift(scores, churned)).toEqual({
      accounts: 2,
      churned: 2,
      churnRate: 1,
      overallChurnRate: 0.2,
      lift: 5,
      cutoffScore: 1,
    });
  });

  it('takes accounts tied at the cut in proportion, whatever their order', () => {
    // 10 accounts, decile = 1; the lowest score is shared by 2 accounts, one churned → ½ expected churned.
    const scores = [3, 3, 5, 6, 7, 8, 9, 10, 11, 12];
    const result = lift(scores, [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(result).toMatchObject({ accounts: 1, churned: 0.5, churnRate: 0.5, overallChurnRate: 0.2, cutoffScore: 3 });
    expect(result?.lift).toBeCloseTo(2.5, 12);
    expect(lift(scores, [0, 1, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual(result);
  });

  it('has no lift when nobody churned and no result without accounts', () => {
    expect(lift([1, 2, 3], [0, 0, 0])?.lift).toBeNull();
    expect(lift([], [])).toBeNull();
  });
});
