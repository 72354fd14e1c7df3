import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../lib/dates';
import { leadingAuc } from '../../../lib/data/backtest/leading';

// a: churned 2024-03-31 · b: churned, date unknown · c: retained · d: retained, no history · e: no outcome
const ids = ['a', 'b', 'c', 'd', 'e'];
const outcomes = {
  rowOf: new Map(ids.map((id, row) => [id, row])),
  churned: Uint8Array.from([1, 1, 0, 0, 255]),
  churnDay: Float64Array.from([dayNumber('2024-03-31'), NaN, NaN, NaN, NaN]),
};
const history = [
  { accountId: 'a', day: '2024-02-01', score: 20 },
  { accountId: 'a', day: '2024-03-20', score: 5 }, // too close to the churn: lagging
  { accountId: 'a', day: '2024-03-01', score: 25 }, // exactly 30 days before: the one to use
  { accountId: 'b', day: '2024-03-01', score: 90 },
  { accountId: 'c', day: '2024-05-01', score: 80 },
  { accountId: 'c', day: '2024-04-01', score: 70 },
  { accountId: 'c', day: '2024-06-01', score: 10 }, // latest day in the history: the default reference date
  { accountId: 'e', day: '2024-01-01', score: 50 },
  { accountId: 'zzz', day: '2024-01-01', score: 50 },
  { accountId: 'c', day: 'soon', score: 50 },
];

describe('leadingAuc', () => {
  it('uses the point at or before churn − N for churned and reference − N for retained accounts', () => {
    const result = leadingAuc(outcomes, history, 30);
    // a judged at 25 (not 5), c at 80 (2024-05-01 ≤ 2024-06-01 − 30; not 10): the score led → AUC 1.
    expect(result).toEqual({
      leadDays: 30,
      referenceDate: '2024-06-01',
      auc: { defined: true, auc: 1, churned: 1, retained: 1 },
      churnedWithPoint: 1,
      retainedWithPoint: 1,
      churnedWithoutPoint: 0,
      retainedWithoutPoint: 1,
      churnedWithoutDate: 1,
      ignoredPoints: 2,
    });
  });

  it('follows an explicit reference date and a longer lead', () => {
    const result = leadingAuc(outcomes, history, 45, '2024-05-20');
    // a: ≤ 2024-02-15 → 20; c: ≤ 2024-04-05 → 70.
    expect(result.referenceDate).toBe('2024-05-20');
    expect(result.auc).toMatchObject({ defined: true, auc: 1 });
    const reversed = leadingAuc(outcomes, [...history, { accountId: 'c', day: '2024-04-04', score: 1 }], 45, '2024-05-20');
    expect(reversed.auc).toMatchObject({ defined: true, auc: 0 });
  });

  it('skips a day without a score: an older scored point still judges the account', () => {
    // c's newest eligible day (2024-05-01, 80) is followed by a newer unscored one; a's best day has no score.
    const gaps = [...history, { accountId: 'c', day: '2024-05-02', score: null }, { accountId: 'a', day: '2024-03-01', score: null }];
    const result = leadingAuc(outcomes, gaps, 30);
    expect(result).toMatchObject({ churnedWithPoint: 1, retainedWithPoint: 1, auc: { defined: true, auc: 1 } });
    const onlyUnscored = leadingAuc(outcomes, [{ accountId: 'a', day: '2024-02-01', score: null }], 30);
    expect(onlyUnscored).toMatchObject({ churnedWithPoint: 0, churnedWithoutPoint: 1 });
  });

  it('counts accounts without a point old enough', () => {
    const result = leadingAuc(outcomes, history, 200);
    expect(result).toMatchObject({ churnedWithPoint: 0, retainedWithPoint: 0, churnedWithoutPoint: 1, retainedWithoutPoint: 2 });
    expect(result.auc.defined).toBe(false);
  });
});

describe('dayNumber', () => {
  it('reads ISO days and timestamps and rejects impossible dates', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-03-01T23:59:00Z')).toBe(dayNumber('2024-03-01'));
    expect(dayNumber('2024-02-29')).toBe(dayNumber('2024-03-01') - 1);
    expect(dayNumber('2023-02-29')).toBeNaN();
    expect(dayNumber('2024-02-30')).toBeNaN();
    expect(dayNumber('2024-13-01')).toBeNaN();
    expect(dayNumber('2024-03-01x')).toBeNaN();
    expect(dayNumber('03/01/2024')).toBeNaN();
  });
});
