// The backtest's input: plain columns (typed arrays and strings), cheap to build once, cheap to post to a
// Web Worker, and read by the loops without any per-row objects.
import type { MeasureInfo } from './measures';
import type { TierRef } from './tiers';

/** `outcome` codes. */
export const RETAINED = 0;
export const CHURNED = 1;
export const NO_OUTCOME = 255;

export interface BacktestDataset {
  accountIds: string[];
  /** Score 0–100 (higher = healthier), NaN when the account had insufficient data. */
  scores: Float64Array;
  /** Tiers in the config's order. */
  tiers: TierRef[];
  /** Index into `tiers`, −1 without a tier. */
  tierIndex: Int16Array;
  /** CHURNED, RETAINED or NO_OUTCOME by row. */
  outcome: Uint8Array;
  /** Day number (days since 1970-01-01) of the churn; NaN when unknown or not churned. */
  churnDay: Float64Array;
  /** The measures of the scorecard whose weights are checked and fitted. */
  scorecard: { key: string; label: string };
  measures: MeasureInfo[];
  /** Row-major rows × measures: action value 0–100 (higher = healthier), NaN when missing or in another scorecard. */
  actionValues: Float64Array;
  /** 1 where the row was scored with `scorecard`. */
  inScorecard: Uint8Array;
}

/** Problems that make a dataset unusable, as sentences; empty when it is consistent. */
export function datasetProblems(data: BacktestDataset): string[] {
  const rows = data.accountIds.length;
  const problems: string[] = [];
  const lengths: [string, number][] = [
    ['scores', data.scores.length],
    ['tierIndex', data.tierIndex.length],
    ['outcome', data.outcome.length],
    ['churnDay', data.churnDay.length],
    ['inScorecard', data.inScorecard.length],
    ['actionValues / measures', data.measures.length ? data.actionValues.length / data.measures.length : rows],
  ];
  for (const [name, length] of lengths) {
    if (length !== rows) problems.push(`${name} has ${length} rows, expected ${rows} (one per account)`);
  }
  return problems;
}
