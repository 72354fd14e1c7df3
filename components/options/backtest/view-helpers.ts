// Numbers of the backtest report as the view shows them.
import type { TierChurn } from '../../../lib/data/backtest';

export { decimal, percent, weightColumn } from '../../../lib/data/backtest/format';

/** Each tier's churn rate as a share of the highest (the longest bar fills its track); 0 without a rate. */
export function tierBarShares(tiers: readonly TierChurn[]): number[] {
  const highest = Math.max(0, ...tiers.map((tier) => tier.churnRate ?? 0));
  return tiers.map((tier) => (highest > 0 && tier.churnRate !== null ? tier.churnRate / highest : 0));
}

/** Current and suggested weights on one scale: each as a share of the largest of both. */
export function weightBarShares(rows: readonly { weight: number; suggestedWeight: number }[]): { current: number; suggested: number }[] {
  const largest = Math.max(0, ...rows.flatMap((row) => [row.weight, row.suggestedWeight]));
  return rows.map((row) => (largest > 0 ? { current: row.weight / largest, suggested: row.suggestedWeight / largest } : { current: 0, suggested: 0 }));
}

/** How the cross-validated AUC changes, in points of AUC (null when either is unknown). */
export function aucChange(current: number | null, suggested: number | null): number | null {
  return current === null || suggested === null ? null : suggested - current;
}
