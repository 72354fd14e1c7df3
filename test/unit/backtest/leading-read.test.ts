// The leading check's reduced history read: newest day first, stopping once every account with an outcome has
// its point, so it gives the same leading result as all the points while older days are never read.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isoDay, dayNumber } from '../../../lib/dates';
import type { OutcomeAccount } from '../../../lib/data/backtest/engine';
import { leadingAuc } from '../../../lib/data/backtest/leading';
import { readLeadingHistory } from '../../../lib/data/backtest/leading-read';
import { type HealthmarkDb, type HistoryRow, openDb } from '../../../lib/data/db';

const LAST_DAY = dayNumber('2026-06-30');
const DAYS = 120;
const LEAD = 14;

let db: HealthmarkDb;
beforeEach(() => {
  db = openDb('leading-read-test');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** 40 accounts: churned at various dates (some without one), retained, and some without an outcome. */
function accounts(): OutcomeAccount[] {
  return Array.from({ length: 40 }, (_, i): OutcomeAccount => {
    const base = { id: `a${i}`, name: `A ${i}`, attributes: {}, metrics: {} };
    if (i % 4 === 0) return { ...base, outcome: { churned: true, churnedAt: isoDay(LAST_DAY - 5 - i) } };
    if (i % 4 === 1) return { ...base, outcome: i % 8 === 1 ? { churned: true } : { churned: false } };
    if (i % 4 === 2) return { ...base, outcome: { churned: false } };
    return base;
  });
}

/** A point a day for every account, plus an unknown account's; every fifth recent day has no score. */
function history(): HistoryRow[] {
  const ids = [...accounts().map((a) => a.id), 'gone'];
  return ids.flatMap((accountId, i) =>
    Array.from({ length: DAYS }, (_, d): HistoryRow => {
      const score = (d + i) % 5 === 0 && d > DAYS - 60 ? null : (d * 7 + i * 13) % 100;
      return { accountId, day: isoDay(LAST_DAY - DAYS + 1 + d), score, tier: null };
    }),
  );
}

function outcomesOf(list: readonly OutcomeAccount[]) {
  return {
    rowOf: new Map(list.map((a, row) => [a.id, row])),
    churned: Uint8Array.from(list, (a) => (a.outcome ? (a.outcome.churned ? 1 : 0) : 2)),
    churnDay: Float64Array.from(list, (a) => (a.outcome?.churned && a.outcome.churnedAt ? dayNumber(a.outcome.churnedAt) : NaN)),
  };
}

describe('readLeadingHistory', () => {
  test('gives the same leading result as every point, without the unknown account counted', async () => {
    const all = history();
    await db.history.bulkPut(all);
    const list = accounts();
    const read = await readLeadingHistory(db, list, LEAD);
    if (!read) throw new Error('no history read');
    expect(read.referenceDate).toBe(isoDay(LAST_DAY));
    const full = leadingAuc(outcomesOf(list), all, LEAD);
    const reduced = leadingAuc(outcomesOf(list), read.points, LEAD, read.referenceDate);
    expect(full.ignoredPoints).toBe(DAYS);
    // ignoredPoints counts the points read: only the unknown account's on the days read.
    expect({ ...reduced, ignoredPoints: 0 }).toEqual({ ...full, ignoredPoints: 0 });
    expect(full.churnedWithPoint + full.retainedWithPoint).toBeGreaterThan(0);
  });

  test('never reads days older than the oldest point needed', async () => {
    await db.history.bulkPut(history());
    const list = accounts();
    const read = await readLeadingHistory(db, list, LEAD);
    const oldestChurn = LAST_DAY - 5 - 36; // a36 churned earliest
    const days = new Set(read!.points.map((p) => dayNumber(p.day)));
    expect(Math.max(...days)).toBe(LAST_DAY - LEAD); // the retained accounts' target: nothing newer is read
    // The oldest churned target's point, or a day or two before it when that day had no score.
    expect(Math.min(...days)).toBeGreaterThanOrEqual(oldestChurn - LEAD - 2);
    expect(read!.points.length).toBeLessThan((DAYS / 2) * 41);
  });

  test('an account never scored before its target: every older day is read, and it stays without a point', async () => {
    const list: OutcomeAccount[] = [{ id: 'late', name: 'Late', attributes: {}, metrics: {}, outcome: { churned: false } }];
    const all: HistoryRow[] = [
      { accountId: 'late', day: isoDay(LAST_DAY), score: 50, tier: null },
      { accountId: 'late', day: isoDay(LAST_DAY - 30), score: null, tier: null },
      { accountId: 'late', day: isoDay(LAST_DAY - 60), score: null, tier: null },
    ];
    await db.history.bulkPut(all);
    const read = await readLeadingHistory(db, list, LEAD);
    expect(read!.points).toHaveLength(2);
    expect(leadingAuc(outcomesOf(list), read!.points, LEAD, read!.referenceDate)).toEqual(leadingAuc(outcomesOf(list), all, LEAD));
  });

  test('hundreds of thousands of accounts with outcomes (more targets than a call takes arguments)', async () => {
    const list = Array.from({ length: 300_000 }, (_, i): OutcomeAccount => ({ id: `a${i}`, name: '', attributes: {}, metrics: {}, outcome: { churned: false } }));
    await db.history.bulkPut([
      { accountId: 'a1', day: isoDay(LAST_DAY), score: 70, tier: null },
      { accountId: 'a1', day: isoDay(LAST_DAY - LEAD), score: 60, tier: null },
    ]);
    const read = await readLeadingHistory(db, list, LEAD);
    expect(read).toEqual({ points: [{ accountId: 'a1', day: isoDay(LAST_DAY - LEAD), score: 60 }], referenceDate: isoDay(LAST_DAY) });
  });

  test('no point of a known account: undefined', async () => {
    await db.history.bulkPut([{ accountId: 'gone', day: isoDay(LAST_DAY), score: 1, tier: null }]);
    expect(await readLeadingHistory(db, accounts(), LEAD)).toBeUndefined();
  });
});
