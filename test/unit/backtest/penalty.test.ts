// The L2 penalty chosen by inner cross-validation: the best mean inner held-out AUC wins (ties: the stronger),
// nothing outside the rows it is given plays a part, and in the suggestion every outer fold chooses on its own
// training rows.
import { describe, expect, it } from 'vitest';
import { chooseL2, DEFAULT_L2_GRID } from '../../../lib/data/backtest/penalty';
import { flatPlan } from '../../../lib/data/backtest/plan';
import { suggestWeights } from '../../../lib/data/backtest/suggest';
import { syntheticDataset } from '../../fixtures/backtest/synthetic';

// Ten measures that move together in effect but not in value: a small sample cannot tell them apart.
const effects = [0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05];
const data = syntheticDataset({ accounts: 6000, effects, weights: effects.map(() => 1), baseLogit: -1, missingShare: 0.05, seed: 8 });
const features = { values: data.actionValues, rows: 6000, width: effects.length };
const range = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);

describe('chooseL2', () => {
  it('returns the grid value with the best mean inner AUC, ties keeping the stronger penalty', () => {
    const choice = chooseL2(features, data.outcome, range(0, 3000), DEFAULT_L2_GRID, 1);
    expect(choice.innerAuc).toHaveLength(4);
    const best = Math.max(...(choice.innerAuc as number[]));
    expect(choice.l2).toBe(DEFAULT_L2_GRID[choice.innerAuc.indexOf(best)]);
    expect(chooseL2(features, data.outcome, range(0, 3000), [5], 1)).toEqual({ l2: 5, innerAuc: [null] });
  });

  it('reads only the rows it is given', () => {
    const rows = range(0, 300);
    const before = chooseL2(features, data.outcome, rows, DEFAULT_L2_GRID, 2);
    const scrambled = { ...features, values: Float64Array.from(features.values, (v, i) => (i >= 300 * features.width ? 100 - v : v)) };
    const labels = Uint8Array.from(data.outcome, (label, i) => (i >= 300 ? 1 - label : label));
    expect(chooseL2(scrambled, labels, rows, DEFAULT_L2_GRID, 2)).toEqual(before);
  });

});

describe('suggestWeights with the penalty grid', () => {
  it('records the penalty each outer fold chose on its training rows, and compares both weightings on every fold', () => {
    const rows = range(0, 2000);
    const suggestion = suggestWeights(features, data.outcome, rows, data.measures, { folds: 5, seed: 4, l2Grid: DEFAULT_L2_GRID, plan: flatPlan(features, effects.map(() => 1)) })!;
    expect(suggestion.l2PerFold).toHaveLength(5);
    for (const l2 of [suggestion.l2, ...suggestion.l2PerFold]) expect(DEFAULT_L2_GRID).toContain(l2);
    expect(suggestion.compared).toBe(5);
    const mean = (values: (number | null)[]) => (values as number[]).reduce((a, b) => a + b, 0) / values.length;
    expect(suggestion.current.mean).toBeCloseTo(mean(suggestion.current.perFold), 12);
    expect(suggestion.suggested.mean).toBeCloseTo(mean(suggestion.suggested.perFold), 12);
  });
});
