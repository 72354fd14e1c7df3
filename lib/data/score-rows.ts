// Compact score rows from the bulk scoring path: what a data apply, a config apply and an override store per
// account (lib/data/summary explains a row on demand). No explanation is computed here, so 100k accounts score
// in a fraction of a second.
import { flagKeys, scoreMany, trend, type AccountEntry, type CompiledConfig } from '../scoring';
import type { HistoryPoint, MetricValues } from '../scoring/types';
import type { HistoryRow, ScoreRow } from './db';
import { isoDayOf } from '../dates';

export type RowStamp = Pick<ScoreRow, 'configId' | 'computedAt'>;

export interface ScoredRows {
  rows: ScoreRow[];
  /** Today's history point of each account, in the same order. */
  points: HistoryRow[];
}

const NO_TREND = () => ({ d7: null, d30: null });

/** Scores `entries` (overrides included) into score rows without trends (see setTrends) and today's points. */
export function scoreRows(compiled: CompiledConfig, entries: readonly AccountEntry[], now: Date, stamp: RowStamp): ScoredRows {
  const day = isoDayOf(now);
  // Few distinct flag combinations: one key list per bit mask.
  const flagsOf = new Map<number, string[]>();
  const rows: ScoreRow[] = [];
  const points: HistoryRow[] = [];
  const results = scoreMany(compiled, entries, { now });
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    let flags = flagsOf.get(r.flags);
    if (!flags) flagsOf.set(r.flags, (flags = flagKeys(compiled, r.flags)));
    rows.push({
      accountId: r.accountId,
      score: r.score,
      tier: r.tier,
      status: r.status,
      coverage: r.coverage,
      scorecard: compiled.config.scorecards[r.scorecard]?.key ?? '',
      flags,
      overridden: r.overridden,
      trend: NO_TREND(),
      dataAsOf: oldestAsOf(entries[i]!.metrics),
      ...stamp,
    });
    points.push({ accountId: r.accountId, day, score: r.score, tier: r.tier });
  }
  return { rows, points };
}

/** Sets each row's 7/30-day trend from the account's earlier history and its point of today. */
export function setTrends(scored: ScoredRows, history: ReadonlyMap<string, readonly HistoryPoint[]>, today: string): void {
  scored.rows.forEach((row, i) => {
    const earlier = history.get(row.accountId);
    if (earlier) row.trend = trend([...earlier, scored.points[i]!], today);
  });
}

export function oldestAsOf(metrics: MetricValues): string | null {
  let oldest: string | null = null;
  for (const key in metrics) {
    const asOf = metrics[key]?.asOf;
    if (asOf && (oldest === null || asOf < oldest)) oldest = asOf;
  }
  return oldest;
}
