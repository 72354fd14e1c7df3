// Suggested measure weights: an L2 logistic regression of churn on the measures' action values, turned into
// non-negative weight shares, written on the config's scale by a WeightPlan, and judged only on held-out folds
// (never on its own training rows) against the current weights on the very same folds. Everything a fold's
// suggestion depends on — the penalty chosen by inner cross-validation, the fit, its starting point — comes from
// that fold's training rows alone.
import { healthAuc } from './auc';
import { foldRows, stratifiedFolds } from './folds';
import type { Features } from './logistic';
import { chooseL2 } from './penalty';
import type { ConfigWeights, WeightPlan } from './plan';
import { healthShares } from './shares';

export interface SuggestOptions {
  folds: number;
  seed: number;
  /** Penalties λ the inner cross-validation chooses from (one value fixes λ). */
  l2Grid: readonly number[];
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
  /** Combined share of the group's measures (0–1). */
  share: number;
}

export interface CrossValidatedAuc {
  /** Mean held-out AUC over the folds both weightings were judged on (`compared` of them); null when none. */
  mean: number | null;
  /** Held-out AUC per fold; null where this weighting could not be judged (e.g. that fold's fit gave no shares). */
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
  /** The penalty of the final fit, chosen by inner cross-validation on all rows. */
  l2: number;
  /** The penalty each outer fold's inner cross-validation chose, on its training rows. */
  l2PerFold: number[];
  l2Grid: number[];
  current: CrossValidatedAuc;
  suggested: CrossValidatedAuc;
  /** Folds where both weightings have a held-out AUC: both means are over exactly these. */
  compared: number;
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
  const { folds, seed, l2Grid, plan, onProgress } = options;
  const steps = folds + 1;
  const choice = chooseL2(features, churned, rows, l2Grid, seed);
  const l2 = choice.l2;
  const final = healthShares(features, churned, rows, l2, choice.start);
  onProgress?.(1 / steps);
  const finalShares = final.shares;
  if (!finalShares) return null;
  const fold = stratifiedFolds(churned, rows, folds, seed);
  const currentAucs: (number | null)[] = [];
  const suggestedAucs: (number | null)[] = [];
  const l2PerFold: number[] = [];
  for (let f = 0; f < folds; f++) {
    const split = foldRows(fold, f);
    const labels = Uint8Array.from(split.test, (row) => churned[row]!);
    const foldChoice = chooseL2(features, churned, split.train, l2Grid, seed + f + 1);
    l2PerFold.push(foldChoice.l2);
    // Started from an inner fit on this fold's training rows, never from the all-rows fit, which has seen the
    // held-out accounts.
    const shares = healthShares(features, churned, split.train, foldChoice.l2, foldChoice.start).shares;
    currentAucs.push(aucOrNull(plan.score(plan.current, split.test), labels));
    suggestedAucs.push(shares ? aucOrNull(plan.score(plan.fromShares(shares).weights, split.test), labels) : null);
    onProgress?.((f + 2) / steps);
  }
  const { weights, notes } = plan.fromShares(finalShares);
  const both = currentAucs.map((auc, f) => auc !== null && suggestedAucs[f] !== null);
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
    groups: plan.groups.map((group, g) => ({
      ...group,
      weight: plan.current.groups[g]!,
      suggestedWeight: weights.groups[g]!,
      share: plan.measureGroup.reduce((sum, owner, m) => (owner === g ? sum + finalShares[m]! : sum), 0),
    })),
    notes,
    weights,
    folds,
    seed,
    l2,
    l2PerFold,
    l2Grid: [...l2Grid].sort((a, b) => b - a),
    current: crossValidated(currentAucs, both),
    suggested: crossValidated(suggestedAucs, both),
    compared: both.filter(Boolean).length,
    converged: final.converged,
  };
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

/** The mean over the folds `compared` marks, so both weightings are averaged over the same held-out accounts. */
function crossValidated(perFold: (number | null)[], compared: boolean[]): CrossValidatedAuc {
  const used = perFold.filter((auc, f): auc is number => compared[f]! && auc !== null);
  return { mean: used.length ? used.reduce((a, b) => a + b, 0) / used.length : null, perFold };
}
