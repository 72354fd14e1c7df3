// Suggested measure weights: an L2 logistic regression of churn on the measures' action values, turned into
// non-negative weight shares, written on the config's scale by a WeightPlan, and judged only on held-out folds
// (never on its own training rows) against the current weights on the very same folds.
import { healthAuc } from './auc';
import { foldRows, stratifiedFolds } from './folds';
import { type Features, fitLogistic } from './logistic';
import type { ConfigWeights, WeightPlan } from './plan';

export interface SuggestOptions {
  folds: number;
  seed: number;
  l2: number;
  plan: WeightPlan;
  onProgress?: (done: number) => void;
}

export interface MeasureRef {
  key: string;
  label: string;
}

export interface MeasureSuggestion extends MeasureRef {
  /** Configured weight. */
  weight: number;
  suggestedWeight: number;
  /** Share of the score the suggestion gives this measure (0–1). */
  share: number;
  /** Change in churn log-odds per standard deviation of the action value, from the fit on all rows. */
  coefficient: number;
  note?: string;
}

export interface GroupSuggestion {
  key: string;
  label: string;
  weight: number;
  suggestedWeight: number;
}

export interface CrossValidatedAuc {
  /** Mean over folds of the AUC on each held-out fold. */
  mean: number | null;
  perFold: (number | null)[];
}

export interface WeightSuggestion {
  measures: MeasureSuggestion[];
  groups: GroupSuggestion[];
  /** What the draft had to bend (e.g. a group that must keep a positive weight). */
  notes: string[];
  /** The suggested weights, ready to write into a draft config. */
  weights: ConfigWeights;
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
): WeightSuggestion | null {
  const { folds, seed, l2, plan, onProgress } = options;
  const final = healthShares(features, churned, rows, l2);
  onProgress?.(1 / (folds + 1));
  const finalShares = final.shares;
  if (!finalShares) return null;
  const fold = stratifiedFolds(churned, rows, folds, seed);
  const currentAucs: (number | null)[] = [];
  const suggestedAucs: (number | null)[] = [];
  for (let f = 0; f < folds; f++) {
    const split = foldRows(fold, f);
    const labels = Uint8Array.from(split.test, (row) => churned[row]!);
    // Starting from the all-rows fit only speeds convergence: the penalised optimum on the fold is unique.
    const shares = healthShares(features, churned, split.train, l2, final.parameters).shares;
    currentAucs.push(aucOrNull(plan.score(plan.current, split.test), labels));
    suggestedAucs.push(shares ? aucOrNull(plan.score(plan.fromShares(shares).weights, split.test), labels) : null);
    onProgress?.((f + 2) / (folds + 1));
  }
  const { weights, notes } = plan.fromShares(finalShares);
  return {
    measures: measures.map(({ key, label }, j) => ({
      key,
      label,
      weight: plan.current.measures[j]!,
      suggestedWeight: weights.measures[j]!,
      share: finalShares[j]!,
      coefficient: final.coefficients[j]!,
      ...noteFor(label, final.coefficients[j]!, final.varies[j]!),
    })),
    groups: plan.groups.map((group, g) => ({ ...group, weight: plan.current.groups[g]!, suggestedWeight: weights.groups[g]! })),
    notes,
    weights,
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
 * contradicts the direction and becomes 0. Shares are those weights normalised to sum 1; null when all are 0.
 */
function healthShares(features: Features, churned: Uint8Array, rows: Uint32Array, l2: number, start?: Float64Array) {
  const model = fitLogistic(features, churned, rows, { l2, start });
  const weights = new Float64Array(features.width);
  const varies: boolean[] = [];
  for (let j = 0; j < features.width; j++) {
    const spread = model.spread[j]!;
    varies.push(spread > 0);
    weights[j] = spread > 0 ? Math.max(0, -model.coefficients[j]! / spread) : 0;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = total > 0 ? weights.map((w) => w / total) : null;
  const parameters = Float64Array.of(model.intercept, ...model.coefficients);
  return { shares, varies, parameters, coefficients: model.coefficients, converged: model.converged };
}

function noteFor(label: string, coefficient: number, varies: boolean): { note?: string } {
  if (!varies) return { note: `${label}: never varies among these accounts, so the data cannot weigh it (no share).` };
  if (coefficient >= 0) {
    return {
      note: `${label}: once the other measures are known, healthier values here do not go with less churn, so it gets no share.`,
    };
  }
  return {};
}

function aucOrNull(scores: Float64Array, labels: Uint8Array): number | null {
  const result = healthAuc(scores, labels);
  return result.defined ? result.auc : null;
}

function crossValidated(perFold: (number | null)[]): CrossValidatedAuc {
  const defined = perFold.filter((auc): auc is number => auc !== null);
  return { mean: defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null, perFold };
}
