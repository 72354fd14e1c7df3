// Suggested measure weights: an L2 logistic regression of churn on the measures' action values, turned into
// non-negative weights on the config's scale, judged only on held-out folds (never on its own training rows).
import { healthAuc } from './auc';
import { type FoldRows, foldRows, stratifiedFolds } from './folds';
import { type Features, fitLogistic } from './logistic';

export interface SuggestOptions {
  folds: number;
  seed: number;
  l2: number;
  onProgress?: (done: number) => void;
}

export interface MeasureRef {
  key: string;
  label: string;
  /** Configured weight. */
  weight: number;
}

export interface MeasureSuggestion extends MeasureRef {
  suggestedWeight: number;
  /** Change in churn log-odds per standard deviation of the action value, from the fit on all rows. */
  coefficient: number;
  note?: string;
}

export interface CrossValidatedAuc {
  /** Mean over folds of the AUC on each held-out fold. */
  mean: number | null;
  perFold: (number | null)[];
}

export interface WeightSuggestion {
  measures: MeasureSuggestion[];
  folds: number;
  seed: number;
  l2: number;
  current: CrossValidatedAuc;
  suggested: CrossValidatedAuc;
  /** Whether the final fit converged; a fit that did not is still usable but worth a note. */
  converged: boolean;
}

/**
 * `features` holds the action values (0–100, NaN missing; higher = healthier), one column per measure;
 * `churned[row]` is 0/1 for every row in `rows` (the accounts to learn from).
 */
export function suggestWeights(
  features: Features,
  churned: Uint8Array,
  rows: Uint32Array,
  measures: readonly MeasureRef[],
  options: SuggestOptions,
): WeightSuggestion {
  const { folds, seed, l2, onProgress } = options;
  const current = Float64Array.from(measures, (measure) => measure.weight);
  const fold = stratifiedFolds(churned, rows, folds, seed);
  const final = healthWeights(features, churned, rows, l2);
  onProgress?.(1 / (folds + 1));
  const currentAucs: (number | null)[] = [];
  const suggestedAucs: (number | null)[] = [];
  for (let f = 0; f < folds; f++) {
    const split = foldRows(fold, f);
    // Starting from the all-rows fit only speeds convergence: the penalised optimum on the fold is unique.
    const weights = healthWeights(features, churned, split.train, l2, final.parameters).weights;
    currentAucs.push(heldOutAuc(features, churned, split, current));
    suggestedAucs.push(heldOutAuc(features, churned, split, weights));
    onProgress?.((f + 2) / (folds + 1));
  }
  const suggested = onConfigScale(final.weights, current);
  return {
    measures: measures.map(({ key, label, weight }, j) => ({
      key,
      label,
      weight,
      suggestedWeight: suggested[j]!,
      coefficient: final.coefficients[j]!,
      ...noteFor(label, final.coefficients[j]!, final.varies[j]!),
    })),
    folds,
    seed,
    l2,
    current: crossValidated(currentAucs),
    suggested: crossValidated(suggestedAucs),
    converged: final.converged,
  };
}

/**
 * A health score is a weighted average of action values, so a fitted churn coefficient β on a standardised
 * value becomes the weight −β / spread on the raw value; a positive β (more churn with a healthier value)
 * contradicts the direction and becomes 0.
 */
function healthWeights(features: Features, churned: Uint8Array, rows: Uint32Array, l2: number, start?: Float64Array) {
  const model = fitLogistic(features, churned, rows, { l2, start });
  const weights = new Float64Array(features.width);
  const varies: boolean[] = [];
  for (let j = 0; j < features.width; j++) {
    const spread = model.spread[j]!;
    varies.push(spread > 0);
    weights[j] = spread > 0 ? Math.max(0, -model.coefficients[j]! / spread) : 0;
  }
  const parameters = Float64Array.of(model.intercept, ...model.coefficients);
  return { weights, varies, parameters, coefficients: model.coefficients, converged: model.converged };
}

function noteFor(label: string, coefficient: number, varies: boolean): { note?: string } {
  if (!varies) return { note: `${label}: never varies among these accounts, so the data cannot weigh it (0).` };
  if (coefficient >= 0) {
    return {
      note: `${label}: healthier values went with more churn, against its configured direction, so it gets weight 0.`,
    };
  }
  return {};
}

/** Weighted average of the action values present (missing ones re-weighted away), as the engine's default. */
export function weightedScores(features: Features, rows: Uint32Array, weights: Float64Array): Float64Array {
  const { values, width } = features;
  const scores = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const offset = rows[r]! * width;
    let sum = 0;
    let weightSum = 0;
    for (let j = 0; j < width; j++) {
      const value = values[offset + j]!;
      if (Number.isNaN(value)) continue;
      sum += weights[j]! * value;
      weightSum += weights[j]!;
    }
    scores[r] = weightSum > 0 ? sum / weightSum : NaN;
  }
  return scores;
}

function heldOutAuc(features: Features, churned: Uint8Array, split: FoldRows, weights: Float64Array): number | null {
  const scores = weightedScores(features, split.test, weights);
  const result = healthAuc(scores, Uint8Array.from(split.test, (row) => churned[row]!));
  return result.defined ? result.auc : null;
}

function crossValidated(perFold: (number | null)[]): CrossValidatedAuc {
  const defined = perFold.filter((auc): auc is number => auc !== null);
  return { mean: defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null, perFold };
}

/** Scales to the current weights' total and rounds to three significant digits of that total. */
function onConfigScale(weights: Float64Array, current: Float64Array): number[] {
  const currentTotal = current.reduce((a, b) => a + b, 0) || 100;
  const total = weights.reduce((a, b) => a + b, 0);
  const step = 10 ** (Math.floor(Math.log10(currentTotal)) - 2);
  return Array.from(weights, (w) => (total > 0 ? Math.round((w / total) * currentTotal / step) * step : 0)).map(
    (w) => Number(w.toFixed(Math.max(0, -Math.floor(Math.log10(step))))),
  );
}
