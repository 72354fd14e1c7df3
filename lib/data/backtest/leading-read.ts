// The history points the leading check can use, read newest day first from the `day` index: each account with an
// outcome needs only its latest scored point at or before its target day (churn or reference date minus the lead),
// so reading stops once every such account has one and older days are never read (each IndexedDB record costs).
import type { HealthmarkDb, HistoryRow } from '../db';
import { dayNumber, isoDay } from './dates';
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
  const referenceDay = await latestKnownDay(db, known);
  if (referenceDay === undefined) return undefined;
  const targetOf = new Map<string, number>();
  for (const { id, outcome } of accounts) {
    if (outcome?.churned === false) targetOf.set(id, referenceDay - leadDays);
    else if (outcome?.churned && outcome.churnedAt && !Number.isNaN(dayNumber(outcome.churnedAt))) targetOf.set(id, dayNumber(outcome.churnedAt) - leadDays);
  }
  const latestTarget = Math.max(...targetOf.values());
  const points: ScorePoint[] = [];
  let pending = targetOf.size;
  let day = Number.isFinite(latestTarget) ? await dayAtOrBefore(db, isoDay(latestTarget)) : undefined;
  while (day !== undefined && pending > 0) {
    const rows = await db.history.where('day').equals(day).toArray();
    const dayNo = dayNumber(day);
    for (const { accountId, score } of rows) {
      points.push({ accountId, day, score });
      const target = targetOf.get(accountId);
      if (target === undefined || !(dayNo <= target) || typeof score !== 'number' || !Number.isFinite(score)) continue;
      targetOf.delete(accountId); // its latest usable point: older ones cannot win
      pending--;
    }
    day = await dayBefore(db, day);
  }
  return { points, referenceDate: isoDay(referenceDay) };
}

/** Days that are no valid date (they sort after valid ones) or only name unknown accounts are skipped. */
async function latestKnownDay(db: HealthmarkDb, known: ReadonlySet<string>): Promise<number | undefined> {
  let day = await lastDay(db.history.orderBy('day'));
  while (day !== undefined) {
    const dayNo = dayNumber(day);
    if (!Number.isNaN(dayNo)) {
      const rows = await db.history.where('day').equals(day).toArray();
      if (rows.some((row) => known.has(row.accountId))) return dayNo;
    }
    day = await dayBefore(db, day);
  }
  return undefined;
}

const lastDay = async (collection: { last(): Promise<HistoryRow | undefined> }) => (await collection.last())?.day;
const dayBefore = (db: HealthmarkDb, day: string) => lastDay(db.history.where('day').below(day));
const dayAtOrBefore = (db: HealthmarkDb, day: string) => lastDay(db.history.where('day').belowOrEqual(day));
