// Numbers of the backtest report as the view shows them.
import type { TierChurn } from '../../../lib/data/backtest';

export { decimal, percent, weightColumn, weightColumns } from '../../../lib/data/backtest/format';

const AXIS_TOPS = [0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.8, 1];

/**
 * The tier chart's churn-rate axis: a round top at or above the highest rate (and the overall one), gridlines at
 * 0, half and the top, and each tier's bar as a share of the top (0 without a rate).
 */
export function churnAxis(tiers: readonly TierChurn[], overall: number | null): { top: number; ticks: number[]; bars: number[] } {
  const highest = Math.max(overall ?? 0, ...tiers.map((tier) => tier.churnRate ?? 0));
  const top = AXIS_TOPS.find((candidate) => candidate >= highest) ?? 1;
  return { top, ticks: [0, top / 2, top], bars: tiers.map((tier) => (tier.churnRate ?? 0) / top) };
}

/** Churned share of every account with a tier and an outcome; null when there are none. */
export function overallChurnRate(tiers: readonly TierChurn[]): number | null {
  const accounts = tiers.reduce((n, tier) => n + tier.accounts, 0);
  return accounts ? tiers.reduce((n, tier) => n + tier.churned, 0) / accounts : null;
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
