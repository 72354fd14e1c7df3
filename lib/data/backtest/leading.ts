// Leading, not lagging: how well did the score N days before churn rank the accounts? A score that only turns
// red the week the customer leaves explains churn, it does not predict it.
import { type AucResult, healthAuc } from './auc';
import { cachedDayNumber, dayNumber, isoDay } from '../../dates';

export interface ScorePoint {
  accountId: string;
  /** YYYY-MM-DD */
  day: string;
  score: number | null;
}

export interface LeadingOutcomes {
  /** Row of each account id in `churned` and `churnDay`. */
  rowOf: ReadonlyMap<string, number>;
  /** 1 churned, 0 retained, other: no outcome. */
  churned: Uint8Array;
  /** Day number of the churn, NaN when unknown. */
  churnDay: Float64Array;
}

export interface LeadingResult {
  leadDays: number;
  /** Retained accounts are judged at this date minus the lead. */
  referenceDate: string;
  auc: AucResult;
  /** Accounts with an outcome and a history point at least `leadDays` before their churn / the reference date. */
  churnedWithPoint: number;
  retainedWithPoint: number;
  churnedWithoutPoint: number;
  retainedWithoutPoint: number;
  /** Churned accounts without a churn date cannot be placed in time and are left out. */
  churnedWithoutDate: number;
  /** Points that name no known account or carry no valid day. */
  ignoredPoints: number;
}

/**
 * For a churned account the point at or before (churn date − leadDays), for a retained account the point at or
 * before (reference date − leadDays); the latest such point with a score wins. One pass over the points, no sorting.
 * The points are scores as they were stored or recorded: this check never re-scores anything.
 * `referenceDate` defaults to the latest day in the history.
 */
export function leadingAuc(
  outcomes: LeadingOutcomes,
  points: readonly ScorePoint[],
  leadDays: number,
  referenceDate?: string,
): LeadingResult {
  const rows = outcomes.churned.length;
  const pointDays = new Float64Array(points.length);
  const pointRows = new Int32Array(points.length);
  let ignoredPoints = 0;
  let latestDay = -Infinity;
  const dayOf = cachedDayNumber();
  for (let p = 0; p < points.length; p++) {
    const day = dayOf(points[p]!.day);
    const row = outcomes.rowOf.get(points[p]!.accountId) ?? -1;
    pointDays[p] = day;
    pointRows[p] = row;
    if (Number.isNaN(day) || row < 0) ignoredPoints++;
    else if (day > latestDay) latestDay = day;
  }
  const referenceDay = referenceDate === undefined ? latestDay : dayNumber(referenceDate);

  const targetDay = new Float64Array(rows).fill(NaN);
  let churnedWithoutDate = 0;
  for (let i = 0; i < rows; i++) {
    if (outcomes.churned[i] === 0) targetDay[i] = referenceDay - leadDays;
    else if (outcomes.churned[i] === 1) {
      if (Number.isNaN(outcomes.churnDay[i]!)) churnedWithoutDate++;
      else targetDay[i] = outcomes.churnDay[i]! - leadDays;
    }
  }

  const bestDay = new Float64Array(rows).fill(-Infinity);
  const scoreThen = new Float64Array(rows).fill(NaN);
  for (let p = 0; p < points.length; p++) {
    const day = pointDays[p]!;
    const row = pointRows[p]!;
    const score = points[p]!.score;
    // A day without a score (insufficient data then) is no point at all: an older scored day still counts.
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    if (row < 0 || !(day <= targetDay[row]!) || day <= bestDay[row]!) continue;
    bestDay[row] = day;
    scoreThen[row] = score;
  }

  const counts = countPoints(outcomes.churned, targetDay, scoreThen);
  return {
    leadDays,
    referenceDate: Number.isFinite(referenceDay) ? isoDay(referenceDay) : '',
    auc: healthAuc(scoreThen, outcomes.churned),
    ...counts,
    churnedWithoutPoint: counts.churnedWithoutPoint - churnedWithoutDate,
    churnedWithoutDate,
    ignoredPoints,
  };
}

function countPoints(churned: Uint8Array, targetDay: Float64Array, scoreThen: Float64Array) {
  let churnedWithPoint = 0;
  let retainedWithPoint = 0;
  let churnedWithoutPoint = 0;
  let retainedWithoutPoint = 0;
  for (let i = 0; i < churned.length; i++) {
    const has = !Number.isNaN(scoreThen[i]!);
    if (churned[i] === 1) has ? churnedWithPoint++ : churnedWithoutPoint++;
    else if (churned[i] === 0) has ? retainedWithPoint++ : retainedWithoutPoint++;
  }
  return { churnedWithPoint, retainedWithPoint, churnedWithoutPoint, retainedWithoutPoint };
}
