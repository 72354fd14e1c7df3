import { describe, expect, it } from 'vitest';
import { aucOfSorted, sortClasses } from '../../../lib/data/backtest/auc';
import { bootstrapAucInterval, quantileOfSorted } from '../../../lib/data/backtest/bootstrap';
import { seededRandom } from '../../../lib/data/backtest/random';
import { syntheticDataset } from '../../fixtures/backtest/synthetic';

const data = syntheticDataset({ accounts: 600, effects: [1, 0.3], weights: [1, 1], baseLogit: -1.2, missingShare: 0, seed: 7 });
const classes = sortClasses(data.scores, data.outcome);
const options = { replicates: 400, level: 0.95, seed: 42 };

describe('bootstrapAucInterval', () => {
  it('contains the point estimate', () => {
    const point = aucOfSorted(classes);
    const interval = bootstrapAucInterval(classes, options);
    expect(point.defined).toBe(true);
    if (!point.defined) return;
    expect(interval.low).toBeLessThan(point.auc);
    expect(interval.high).toBeGreaterThan(point.auc);
    expect(interval.high - interval.low).toBeLessThan(0.2);
  });

  it('is reproducible with the same seed and changes with another', () => {
    const first = bootstrapAucInterval(classes, options);
    expect(bootstrapAucInterval(classes, options)).toEqual(first);
    expect(bootstrapAucInterval(classes, { ...options, seed: 43 })).not.toEqual(first);
  });

  it('widens with the confidence level', () => {
    const narrow = bootstrapAucInterval(classes, { ...options, level: 0.5 });
    const wide = bootstrapAucInterval(classes, { ...options, level: 0.99 });
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('agrees with resampling the accounts one by one', () => {
    // The textbook stratified bootstrap: draw accounts with replacement within each class, recompute the AUC.
    const random = seededRandom(8);
    const draw = (values: Float64Array) => values.map(() => values[Math.floor(random() * values.length)]!);
    const aucs = Float64Array.from({ length: 400 }, () => {
      const result = aucOfSorted({ churned: draw(classes.churned).sort(), retained: draw(classes.retained).sort() });
      return result.defined ? result.auc : NaN;
    }).sort();
    const interval = bootstrapAucInterval(classes, options);
    expect(Math.abs(interval.low - quantileOfSorted(aucs, 0.025))).toBeLessThan(0.015);
    expect(Math.abs(interval.high - quantileOfSorted(aucs, 0.975))).toBeLessThan(0.015);
  });

  it('reports progress up to done', () => {
    const done: number[] = [];
    bootstrapAucInterval(classes, { ...options, onProgress: (share) => done.push(share) });
    expect(done.at(-1)).toBe(1);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

describe('quantileOfSorted', () => {
  it('interpolates between closest ranks', () => {
    const sorted = Float64Array.from([0, 10, 20, 30]);
    expect(quantileOfSorted(sorted, 0)).toBe(0);
    expect(quantileOfSorted(sorted, 1)).toBe(30);
    expect(quantileOfSorted(sorted, 0.5)).toBe(15);
  });
});
