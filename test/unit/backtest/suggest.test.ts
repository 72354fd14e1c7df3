import { describe, expect, it } from 'vitest';
import { fitLogistic, solveCholesky } from '../../../lib/data/backtest/logistic';
import { seededRandom } from '../../../lib/data/backtest/random';
import { flatPlan } from '../../../lib/data/backtest/plan';
import { DEFAULT_L2_GRID } from '../../../lib/data/backtest/penalty';
import { suggestWeights } from '../../../lib/data/backtest/suggest';
import { syntheticDataset } from '../../fixtures/backtest/synthetic';

function fitInput(effects: number[], weights: number[], accounts = 4000) {
  const data = syntheticDataset({ accounts, effects, weights, baseLogit: -1.4, missingShare: 0.1, seed: 11 });
  const features = { values: data.actionValues, rows: accounts, width: effects.length };
  const rows = Uint32Array.from({ length: accounts }, (_, i) => i);
  const plan = flatPlan(features, weights);
  return { features, labels: data.outcome, rows, measures: data.measures, options: { folds: 5, seed: 3, l2Grid: DEFAULT_L2_GRID, plan } };
}

function suggest(input: ReturnType<typeof fitInput>) {
  const suggestion = suggestWeights(input.features, input.labels, input.rows, input.measures, input.options);
  if (!suggestion) throw new Error('expected a suggestion');
  return suggestion;
}

describe('suggestWeights', () => {
  // Churn depends strongly on A, weakly on B, not on C; the configured weights have it backwards.
  const input = fitInput([1.2, 0.4, 0], [1, 2, 5]);
  const suggestion = suggest(input);
  const [a, b, c] = suggestion.measures.map((m) => m.suggestedWeight);

  it('recovers the order of the true effects', () => {
    expect(a).toBeGreaterThan(b!);
    expect(b).toBeGreaterThan(c!);
    expect(c).toBeGreaterThanOrEqual(0);
  });

  it('keeps the config scale: the suggested weights add up to the current total', () => {
    expect(a! + b! + c!).toBeCloseTo(8, 1);
  });

  it('beats the wrongly weighted config on the same held-out folds', () => {
    expect(suggestion.current.perFold).toHaveLength(5);
    expect(suggestion.suggested.mean!).toBeGreaterThan(suggestion.current.mean! + 0.03);
  });

  it('is reproducible with the same seed', () => {
    expect(suggest(input)).toEqual(suggestion);
  });

  it('gives weight 0 and a note to a measure whose data contradicts its direction', () => {
    const result = suggest(fitInput([1, -0.8], [1, 1]));
    expect(result.measures[1]).toMatchObject({ suggestedWeight: 0 });
    expect(result.measures[1]!.coefficient).toBeGreaterThan(0);
    expect(result.measures[1]!.note).toMatch(/^Measure B: once the other measures are known, healthier values here do not go with less churn/);
    expect(result.measures[0]!.note).toBeUndefined();
    expect(result.measures[0]).toMatchObject({ share: 1, suggestedWeight: 2 });
  });

  it('recovers the order of ten planted effects and beats equal weights on the held-out folds', () => {
    const effects = Array.from({ length: 10 }, (_, j) => (10 - j) / 10);
    const ten = suggest(fitInput(effects, effects.map(() => 1), 20_000));
    const weights = ten.measures.map((m) => m.suggestedWeight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(new Set(weights).size).toBe(10);
    expect(ten.suggested.mean!).toBeGreaterThan(ten.current.mean! + 0.01);
  });

  it('leaves a fold whose fit gives no shares out of both means, so they cover the same accounts', () => {
    // One measure with next to no effect: on one fold's training rows its coefficient comes out positive.
    const data = syntheticDataset({ accounts: 200, effects: [0.02], weights: [1], baseLogit: -0.5, missingShare: 0, seed: 2 });
    const features = { values: data.actionValues, rows: 200, width: 1 };
    const rows = Uint32Array.from({ length: 200 }, (_, i) => i);
    const result = suggestWeights(features, data.outcome, rows, data.measures, { folds: 5, seed: 1, l2Grid: DEFAULT_L2_GRID, plan: flatPlan(features, [1]) })!;
    const missing = result.suggested.perFold.indexOf(null);
    expect(missing).toBeGreaterThanOrEqual(0);
    expect(result.compared).toBe(4);
    const others = (perFold: (number | null)[]) => perFold.filter((_, f) => f !== missing) as number[];
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(result.current.perFold[missing]).not.toBeNull();
    expect(result.current.mean).toBeCloseTo(mean(others(result.current.perFold)), 12);
    expect(result.suggested.mean).toBeCloseTo(mean(others(result.suggested.perFold)), 12);
  });

  it('gives no suggestion when no measure ranks churners low', () => {
    const input = fitInput([-1, -0.5], [1, 1]);
    expect(suggestWeights(input.features, input.labels, input.rows, input.measures, input.options)).toBeNull();
  });
});

describe('fitLogistic', () => {
  it('recovers the coefficients of a known model (on the standardised scale)', () => {
    const random = seededRandom(5);
    const rows = 20000;
    const values = new Float64Array(rows * 2);
    const labels = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      const x0 = random() * 2 - 1;
      const x1 = random() * 2 - 1;
      values[i * 2] = x0;
      values[i * 2 + 1] = x1;
      labels[i] = random() < 1 / (1 + Math.exp(-(0.5 + 2 * x0 - 1 * x1))) ? 1 : 0;
    }
    const model = fitLogistic({ values, rows, width: 2 }, labels, Uint32Array.from({ length: rows }, (_, i) => i), { l2: 1 });
    // Standardised: β_std = β · spread, spread of U(−1, 1) = 1/√3.
    expect(model.converged).toBe(true);
    expect(model.coefficients[0]).toBeCloseTo(2 / Math.sqrt(3), 1);
    expect(model.coefficients[1]).toBeCloseTo(-1 / Math.sqrt(3), 1);
    expect(model.intercept).toBeCloseTo(0.5, 1);
  });
});

describe('solveCholesky', () => {
  it('solves a symmetric positive definite system', () => {
    const a = Float64Array.from([4, 2, 2, 3]);
    const x = new Float64Array(2);
    solveCholesky(a, Float64Array.from([8, 7]), x, 2);
    expect(x[0]).toBeCloseTo(1.25, 12);
    expect(x[1]).toBeCloseTo(1.5, 12);
  });
});
