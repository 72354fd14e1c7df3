// ROC AUC of a health value as a churn predictor: the probability that a random retained account has a
// higher value than a random churned one (ties count one half). 0.5 is a coin flip, 1 a perfect ranking.
// Works on the two classes' values sorted once with the native typed-array sort, then merged in O(n):
// no comparator callbacks and no per-row objects, and the bootstrap reuses the same merge.

export type AucResult =
  | { defined: true; auc: number; churned: number; retained: number }
  | { defined: false; reason: string; churned: number; retained: number };

/** Both classes' values, each sorted ascending. NaN (missing) values are left out. */
export interface SortedClasses {
  churned: Float64Array;
  retained: Float64Array;
}

/** Distinct values of both classes merged, ascending, with how many churned and retained accounts hold each. */
export interface TieGroups {
  count: number;
  values: Float64Array;
  churned: Uint32Array;
  retained: Uint32Array;
}

/** `churned[i]` is 1 for churned, 0 for retained; anything else (no outcome) is left out, as is a NaN value. */
export function sortClasses(values: Float64Array, churned: Uint8Array): SortedClasses {
  let churnedCount = 0;
  let retainedCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (churned[i] === 1) churnedCount++;
    else if (churned[i] === 0) retainedCount++;
  }
  const churnedValues = new Float64Array(churnedCount);
  const retainedValues = new Float64Array(retainedCount);
  let c = 0;
  let r = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    if (churned[i] === 1) churnedValues[c++] = value;
    else if (churned[i] === 0) retainedValues[r++] = value;
  }
  return { churned: churnedValues.sort(), retained: retainedValues.sort() };
}

export function tieGroups({ churned, retained }: SortedClasses): TieGroups {
  const capacity = churned.length + retained.length;
  const values = new Float64Array(capacity);
  const churnedCounts = new Uint32Array(capacity);
  const retainedCounts = new Uint32Array(capacity);
  let c = 0;
  let r = 0;
  let count = 0;
  while (c < churned.length || r < retained.length) {
    const value = Math.min(c < churned.length ? churned[c]! : Infinity, r < retained.length ? retained[r]! : Infinity);
    const cStart = c;
    const rStart = r;
    while (c < churned.length && churned[c] === value) c++;
    while (r < retained.length && retained[r] === value) r++;
    values[count] = value;
    churnedCounts[count] = c - cStart;
    retainedCounts[count] = r - rStart;
    count++;
  }
  return {
    count,
    values: values.subarray(0, count),
    churned: churnedCounts.subarray(0, count),
    retained: retainedCounts.subarray(0, count),
  };
}

/**
 * AUC from how many churned and retained accounts hold each distinct value (ascending); the bootstrap passes
 * resampled counts. Both classes must have a positive total.
 */
export function groupAuc(churned: Uint32Array, retained: Uint32Array): number {
  let churnedTotal = 0;
  let retainedAtOrBelow = 0;
  // Σ churned × (retained strictly below + ½ tied); pairs won are those with the retained value above.
  let pairsLostOrTied = 0;
  for (let g = 0; g < churned.length; g++) {
    const churnedHere = churned[g]!;
    const retainedHere = retained[g]!;
    pairsLostOrTied += churnedHere * (retainedAtOrBelow + 0.5 * retainedHere);
    churnedTotal += churnedHere;
    retainedAtOrBelow += retainedHere;
  }
  const pairs = churnedTotal * retainedAtOrBelow;
  return (pairs - pairsLostOrTied) / pairs;
}

export function aucOfSorted(classes: SortedClasses): AucResult {
  const churned = classes.churned.length;
  const retained = classes.retained.length;
  if (churned === 0 || retained === 0) {
    const only = churned === 0 ? `all ${retained} retained` : `all ${churned} churned`;
    return {
      defined: false,
      reason: `AUC is undefined: ${only}; it needs at least one churned and one retained account`,
      churned,
      retained,
    };
  }
  const groups = tieGroups(classes);
  return { defined: true, auc: groupAuc(groups.churned, groups.retained), churned, retained };
}

/** AUC of `values` (higher = healthier) against `churned` (1 churned, 0 retained, other = no outcome). */
export function healthAuc(values: Float64Array, churned: Uint8Array): AucResult {
  return aucOfSorted(sortClasses(values, churned));
}

/** Hanley & McNeil (1982) standard error: a cheap yardstick for "is this AUC distinguishable from 0.5?". */
export function aucStandardError(auc: number, churned: number, retained: number): number {
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance =
    (auc * (1 - auc) + (churned - 1) * (q1 - auc * auc) + (retained - 1) * (q2 - auc * auc)) / (churned * retained);
  return Math.sqrt(Math.max(variance, 0));
}
