// Lift of the riskiest decile: churn rate among the 10% lowest scores divided by the overall churn rate.
// "2.5×" reads: working the bottom tenth of the book finds churners 2.5 times as often as picking at random.
import { type SortedClasses, tieGroups } from './auc';

export interface DecileLift {
  /** Size of the riskiest decile: ceil(10% of the accounts with a score and an outcome). */
  accounts: number;
  /** Expected churned accounts in it; fractional when the cut falls inside a run of equal scores. */
  churned: number;
  churnRate: number;
  overallChurnRate: number;
  /** churnRate / overallChurnRate, or null when nobody churned. */
  lift: number | null;
  /** The highest score inside the decile. */
  cutoffScore: number;
}

/**
 * Accounts tied at the cut are taken in proportion (as if ties were broken at random), so the figure does not
 * depend on row order. Returns null when there are no accounts.
 */
export function riskiestDecileLift(classes: SortedClasses, share = 0.1): DecileLift | null {
  const total = classes.churned.length + classes.retained.length;
  if (total === 0) return null;
  const size = Math.ceil(total * share);
  const groups = tieGroups(classes);
  let taken = 0;
  let churned = 0;
  let cutoffScore = NaN;
  for (let g = 0; g < groups.count && taken < size; g++) {
    const groupSize = groups.churned[g]! + groups.retained[g]!;
    const portion = Math.min(1, (size - taken) / groupSize);
    cutoffScore = groups.values[g]!;
    taken += groupSize * portion;
    churned += groups.churned[g]! * portion;
  }
  const overallChurnRate = classes.churned.length / total;
  const churnRate = churned / size;
  return {
    accounts: size,
    churned,
    churnRate,
    overallChurnRate,
    lift: overallChurnRate > 0 ? churnRate / overallChurnRate : null,
    cutoffScore,
  };
}
