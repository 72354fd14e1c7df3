// The history points the leading check can use, read newest day first along the `day` index: each account with an
// outcome needs only its latest scored point at or before its target day (churn or reference date minus the lead),
// so reading stops once every such account has one and older days are never read (each IndexedDB record costs).
import type { HealthmarkDb, HistoryRow } from '../db';
import { dayNumber, isoDay } from '../../dates';
import type { OutcomeAccount } from './engine';
import type { ScorePoint } from './leading';

export interface LeadingHistory {
  points: ScorePoint[];
  /** The latest valid day with a point of a known account: what `leadingAuc` defaults to over all points. */
  referenceDate: string;
}

/** Undefined when no point names a known account on a valid day (the leading check is then skipped). */
export async function readLeadingHistory(db: HealthmarkDb, accounts: readonly OutcomeAccount[], leadDays: number): Promise<LeadingHistory | undefined> {
  const known = new Set(accounts.map((a) => a.id));
  // Days that are no valid date sort after valid ones: the newest row is usually the answer.
  const newest = await db.history
    .orderBy('day')
    .reverse()
    .filter((row) => known.has(row.accountId) && !Number.isNaN(dayNumber(row.day)))
    .first();
  if (!newest) return undefined;
  const referenceDay = dayNumber(newest.day);
  const targetOf = new Map<string, number>();
  for (const { id, outcome } of accounts) {
    if (outcome?.churned === false) targetOf.set(id, referenceDay - leadDays);
    else if (outcome?.churned && outcome.churnedAt && !Number.isNaN(dayNumber(outcome.churnedAt))) targetOf.set(id, dayNumber(outcome.churnedAt) - leadDays);
  }
  const points: ScorePoint[] = [];
  const referenceDate = isoDay(referenceDay);
  if (!targetOf.size) return { points, referenceDate };
  let pending = targetOf.size;
  // A day at a time through getAll: a cursor would cost a round trip per record, a whole read per day costs one.
  let latestTarget = -Infinity; // a loop, not Math.max(...): 100k arguments overflow a worker's stack
  for (const target of targetOf.values()) if (target > latestTarget) latestTarget = target;
  let day = await lastDay(db.history.where('day').belowOrEqual(isoDay(latestTarget)));
  while (day !== undefined && pending > 0) {
    const dayNo = dayNumber(day);
    for (const { accountId, score } of await db.history.where('day').equals(day).toArray()) {
      points.push({ accountId, day, score });
      const target = targetOf.get(accountId);
      if (target === undefined || !(dayNo <= target) || typeof score !== 'number' || !Number.isFinite(score)) continue;
      targetOf.delete(accountId); // its latest usable point: older ones cannot win
      pending--;
    }
    day = await lastDay(db.history.where('day').below(day));
  }
  return { points, referenceDate };
}

const lastDay = async (days: { last(): Promise<HistoryRow | undefined> }) => (await days.last())?.day;
