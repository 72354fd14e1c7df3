import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aucOfSorted, groupAuc, healthAuc, sortClasses, tieGroups } from '../../../lib/data/backtest/auc';

/** The definition, pair by pair: retained above churned wins, a tie counts one half. */
function bruteForceAuc(churned: number[], retained: number[]): number {
  let won = 0;
  for (const c of churned) for (const r of retained) won += r > c ? 1 : r === c ? 0.5 : 0;
  return won / (churned.length * retained.length);
}

function auc(scores: number[], churned: number[]): number {
  const result = healthAuc(Float64Array.from(scores), Uint8Array.from(churned));
  if (!result.defined) throw new Error(result.reason);
  return result.auc;
}

describe('healthAuc', () => {
  it('is 1 when every churned account scores below every retained one', () => {
    expect(auc([1, 2, 3, 4], [1, 1, 0, 0])).toBe(1);
  });

  it('is 0 when the score ranks exactly the wrong way', () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(0);
  });

  it('counts won pairs: churned {1, 3} vs retained {2, 4} wins 3 of 4', () => {
    expect(auc([1, 2, 3, 4], [1, 0, 1, 0])).toBe(0.75);
  });

  it('counts a tie as one half', () => {
    // churned {2, 2} vs retained {2, 3}: (2,2) ½, (2,3) 1, twice → 3 / 4
    expect(auc([2, 2, 2, 3], [1, 1, 0, 0])).toBe(0.75);
    expect(auc([5, 5, 5, 5], [1, 0, 1, 0])).toBe(0.5);
  });

  it('leaves out missing values and accounts without an outcome', () => {
    expect(auc([1, NaN, 3, 0, 4], [1, 0, 0, 255, 0])).toBe(1);
  });

  it('returns a clear undefined result, not NaN, when only one class is present', () => {
    const result = healthAuc(Float64Array.from([10, 20, 30]), Uint8Array.from([0, 0, 0]));
    expect(result).toEqual({
      defined: false,
      reason: 'AUC is undefined: all 3 retained; it needs at least one churned and one retained account',
      churned: 0,
      retained: 3,
    });
    const churnedOnly = healthAuc(Float64Array.from([10]), Uint8Array.from([1]));
    expect(churnedOnly.defined).toBe(false);
    expect(healthAuc(new Float64Array(0), new Uint8Array(0)).defined).toBe(false);
  });

  it('matches the pairwise definition on any data (ties frequent)', () => {
    const values = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(values, values, (churned, retained) => {
        const scores = Float64Array.from([...churned, ...retained]);
        const labels = Uint8Array.from([...churned.map(() => 1), ...retained.map(() => 0)]);
        const result = aucOfSorted(sortClasses(scores, labels));
        expect(result.defined && result.auc).toBeCloseTo(bruteForceAuc(churned, retained), 12);
      }),
    );
  });
});

describe('groupAuc', () => {
  it('equals the AUC of the multiset the counts per distinct value describe', () => {
    const counts = fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(counts, (perValue) => {
        const churned = perValue.flatMap(([c], value) => Array<number>(c).fill(value));
        const retained = perValue.flatMap(([, r], value) => Array<number>(r).fill(value));
        fc.pre(churned.length > 0 && retained.length > 0);
        const auc = groupAuc(Uint32Array.from(perValue, ([c]) => c), Uint32Array.from(perValue, ([, r]) => r));
        expect(auc).toBeCloseTo(bruteForceAuc(churned, retained), 12);
      }),
    );
  });

  it('merges both classes into distinct values with their counts', () => {
    const groups = tieGroups({ churned: Float64Array.from([1, 3, 3]), retained: Float64Array.from([2, 3, 5]) });
    expect(groups).toEqual({
      count: 4,
      values: Float64Array.from([1, 2, 3, 5]),
      churned: Uint32Array.from([1, 0, 2, 0]),
      retained: Uint32Array.from([0, 1, 1, 1]),
    });
  });
});
