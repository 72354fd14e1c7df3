// Percentile confidence interval of the AUC by stratified bootstrap: each replicate resamples the churned and
// the retained accounts separately (so every replicate has both classes). Only how many of each class land on
// each distinct score matters, so a replicate draws those counts directly (exact multinomial draws) and costs
// one pass over the (few) distinct scores, not over the accounts.
import { type SortedClasses, groupAuc, tieGroups } from './auc';
import { seededRandom } from './random';
import { resampleCounts } from './sampling';

export interface ConfidenceInterval {
  low: number;
  high: number;
  /** e.g. 0.95 */
  level: number;
  replicates: number;
  seed: number;
}

export interface BootstrapOptions {
  replicates: number;
  level: number;
  seed: number;
  /** Called now and then with the share of replicates done (0–1). */
  onProgress?: (done: number) => void;
}

/** Both classes must be non-empty. */
export function bootstrapAucInterval(classes: SortedClasses, options: BootstrapOptions): ConfidenceInterval {
  const { replicates, level, seed, onProgress } = options;
  const groups = tieGroups(classes);
  const random = seededRandom(seed);
  const churnedCounts = new Uint32Array(groups.count);
  const retainedCounts = new Uint32Array(groups.count);
  const aucs = new Float64Array(replicates);
  const progressEvery = Math.max(1, Math.floor(replicates / 20));
  for (let b = 0; b < replicates; b++) {
    resampleCounts(groups.churned, churnedCounts, random);
    resampleCounts(groups.retained, retainedCounts, random);
    aucs[b] = groupAuc(churnedCounts, retainedCounts);
    if (onProgress && (b + 1) % progressEvery === 0) onProgress((b + 1) / replicates);
  }
  aucs.sort();
  const tail = (1 - level) / 2;
  return { low: quantileOfSorted(aucs, tail), high: quantileOfSorted(aucs, 1 - tail), level, replicates, seed };
}

/** Linear interpolation between closest ranks (the common "type 7" quantile). */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
