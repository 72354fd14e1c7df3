// Trend and alerts from an account's daily history.
import type { ScoringConfig } from './schema';
import type { HistoryPoint, ScoreAlert, ScoreSnapshot, Trend } from './types';
import { isoDay } from './values';

/** Score of the closest scored point on or before `day`, or null when history does not reach that far. */
function scoreAtOrBefore(history: readonly HistoryPoint[], day: number): number | null {
  let bestDay = -Infinity;
  let score: number | null = null;
  for (const point of history) {
    const d = typeof point?.day === 'string' ? isoDay(point.day) : NaN;
    if (d <= day && d > bestDay && typeof point.score === 'number' && Number.isFinite(point.score)) {
      bestDay = d;
      score = point.score;
    }
  }
  return score;
}

/** Change of the score over 7 and 30 days, from the closest scored points on or before each day. */
export function trend(history: readonly HistoryPoint[], today: string): Trend {
  const day = isoDay(today);
  const list = Array.isArray(history) ? history : [];
  const now = Number.isNaN(day) ? null : scoreAtOrBefore(list, day);
  const delta = (days: number) => {
    const then = now === null ? null : scoreAtOrBefore(list, day - days);
    return now === null || then === null ? null : now - then;
  };
  return { d7: delta(7), d30: delta(30) };
}

/**
 * Alerts for a new result: a drop of at least `alerts.drop.points` from the highest score of the last
 * `alerts.drop.days` days (history and the previous result), and a move to a worse (lower) tier.
 */
export function detectAlerts(
  config: ScoringConfig,
  previous: ScoreSnapshot | null,
  current: ScoreSnapshot,
  history: readonly HistoryPoint[],
  today: string,
): ScoreAlert[] {
  const alerts: ScoreAlert[] = [];
  const drop = config.alerts.drop;
  const day = isoDay(today);
  if (drop && typeof current.score === 'number' && !Number.isNaN(day)) {
    const recent = (Array.isArray(history) ? history : [])
      .filter((p) => isoDay(p?.day) >= day - drop.days && isoDay(p.day) < day)
      .map((p) => p.score);
    const peak = Math.max(...[...recent, previous?.score].filter((s): s is number => typeof s === 'number' && Number.isFinite(s)));
    const points = peak - current.score;
    if (points >= drop.points)
      alerts.push({ kind: 'drop', text: `Score dropped ${points} points within ${drop.days} days (from ${peak} to ${current.score})`, points, days: drop.days, from: peak, to: current.score });
  }
  const rank = (key: string | null | undefined) => config.tiers.findIndex((t) => t.key === key);
  const from = rank(previous?.tier);
  const to = rank(current.tier);
  if (config.alerts.tierChange && from >= 0 && to >= 0 && to < from) {
    const [before, after] = [config.tiers[from]!, config.tiers[to]!];
    const tier = (t: typeof before) => ({ key: t.key, label: t.label, color: t.color });
    alerts.push({ kind: 'tier-worse', text: `Tier fell from ${before.label} to ${after.label}`, from: tier(before), to: tier(after) });
  }
  return alerts;
}
