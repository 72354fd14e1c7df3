// How strongly to shrink the fit: the L2 penalty λ is chosen from a small grid by inner cross-validation on the
// rows the fit may learn from, so the outer folds that judge the suggestion never take part in choosing it.
// λ is on the summed log-loss (a prior precision on the standardised coefficients), so the same λ weighs much at
// 40 accounts and next to nothing at 100,000: the grid spans both, and the data picks.
import { healthAuc } from './auc';
import { foldRows, stratifiedFolds } from './folds';
import type { Features } from './logistic';
import { weightedScores } from './plan';
import { healthShares } from './shares';

/**
 * Penalties tried by default, strongest first, a factor 10 apart. With 40 accounts the strongest shrinks the
 * coefficients almost to each measure's own association with churn (the gradient at zero) and the weakest leaves
 * an almost plain fit; with 100,000 accounts all four give practically the same shares.
 */
export const DEFAULT_L2_GRID: readonly number[] = [300, 30, 3, 0.3];
export const INNER_FOLDS = 3;
/**
 * The inner cross-validation reads at most this many rows (a stratified sample of the training rows), which bounds
 * its time at 100k accounts. λ is a prior precision, not a per-row weight, so a choice made on a sample carries
 * over to the training fold it came from; and where λ matters most, with few accounts, every row is used.
 */
export const INNER_ROWS = 5000;

export interface PenaltyChoice {
  l2: number;
  /** Mean inner held-out AUC of each penalty, strongest first; null where none was measured. */
  innerAuc: (number | null)[];
  /** An inner fit with the chosen penalty (on part of the same rows): a close start for the fit on all of them. */
  start?: Float64Array;
}

/**
 * The penalty whose fits, made on part of `rows`, rank the rest of `rows` best (mean held-out AUC of the weighted
 * score the shares give). Ties keep the stronger penalty. Uses nothing outside `rows`.
 */
export function chooseL2(features: Features, churned: Uint8Array, rows: Uint32Array, grid: readonly number[], seed: number): PenaltyChoice {
  const penalties = [...grid].sort((a, b) => b - a);
  const sample = stratifiedSample(churned, rows, INNER_ROWS, seed);
  let churnedCount = 0;
  for (const row of sample) churnedCount += churned[row] === 1 ? 1 : 0;
  const k = Math.min(INNER_FOLDS, churnedCount, sample.length - churnedCount);
  // Nothing to choose, or too few accounts to choose with: the strongest penalty is the cautious one.
  if (penalties.length === 1 || k < 2) return { l2: penalties[0]!, innerAuc: penalties.map(() => null) };
  const fold = stratifiedFolds(churned, sample, k, seed + 1);
  const sums = new Float64Array(penalties.length);
  const lastFits: Float64Array[] = [];
  for (let f = 0; f < k; f++) {
    const { train, test } = foldRows(fold, f);
    const labels = Uint8Array.from(test, (row) => churned[row]!);
    // Strongest to weakest, each fit starting from the previous one on the same rows: a few Newton steps each.
    let start: Float64Array | undefined;
    penalties.forEach((l2, p) => {
      const fit = healthShares(features, churned, train, l2, start);
      start = fit.parameters;
      lastFits[p] = fit.parameters;
      const auc = fit.shares ? healthAuc(weightedScores(features, test, Array.from(fit.shares)), labels) : null;
      // No shares (nothing to weight) or no defined AUC ranks like a coin flip.
      sums[p]! += auc?.defined ? auc.auc : 0.5;
    });
  }
  let best = 0;
  for (let p = 1; p < penalties.length; p++) if (sums[p]! > sums[best]! + 1e-12) best = p;
  return { l2: penalties[best]!, innerAuc: Array.from(sums, (sum) => sum / k), start: lastFits[best]! };
}

/** `rows` when there are at most `max`; otherwise one fold of a stratified split into enough folds. */
function stratifiedSample(churned: Uint8Array, rows: Uint32Array, max: number, seed: number): Uint32Array {
  if (rows.length <= max) return rows;
  // Fold numbers are bytes: past 100 folds the sample is simply larger than `max`.
  return foldRows(stratifiedFolds(churned, rows, Math.min(100, Math.ceil(rows.length / max)), seed), 0).test;
}
