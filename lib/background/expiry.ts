// CSM overrides end by themselves: an alarm fires at the earliest expiry, the expired overrides are removed and
// their accounts re-scored, and the alarm moves to the next expiry. Alarms outlive a stopped service worker, but
// may fire late (Chrome holds a packed extension's alarms to at least 30 s from when they were set), so whatever
// shows an override first expires what is due (expiryCheckFor): an expired override is never shown.
import { browser } from 'wxt/browser';
import { type HealthmarkDb, onTableWrites } from '../data/db';
import { setOverrideAndRescore } from '../data/rescore';

export const EXPIRY_ALARM = 'healthmark-override-expiry';

/** Removes every override that has expired by `now`, re-scoring its account; returns their account ids. */
export async function expireOverrides(db: HealthmarkDb, now = new Date()): Promise<string[]> {
  const expired = await db.overrides.where('expiresAt').belowOrEqual(now.toISOString()).primaryKeys();
  for (const accountId of expired) await setOverrideAndRescore(db, accountId, null, now);
  return expired;
}

/** Points the alarm at the earliest override expiry still to come (or clears it when there is none). */
export async function scheduleExpiry(db: HealthmarkDb, now = Date.now()): Promise<void> {
  const next = await db.overrides.orderBy('expiresAt').first();
  if (next) await browser.alarms.create(EXPIRY_ALARM, { when: Math.max(now + 1000, Date.parse(next.expiresAt)) });
  else await browser.alarms.clear(EXPIRY_ALARM);
}

/** Expires what is due, cheaply when nothing is: the earliest expiry is remembered until overrides change. */
export function createExpiryCheck(db: HealthmarkDb): (now?: Date) => Promise<string[]> {
  let next: number | null | undefined; // undefined: not read since overrides last changed
  let running: Promise<string[]> | null = null; // one expiry at a time: two would remove the same overrides twice
  onTableWrites(db.name, 'overrides', () => (next = undefined));
  return async (now = new Date()) => {
    if (next === undefined) {
      const first = await db.overrides.orderBy('expiresAt').first();
      next = first ? Date.parse(first.expiresAt) : null;
    }
    if (next === null || now.getTime() < next) return [];
    next = undefined;
    running ??= expireOverrides(db, now).finally(() => (running = null));
    return running;
  };
}

const checks = new WeakMap<HealthmarkDb, ReturnType<typeof createExpiryCheck>>();

/** The background's one expiry check per database (lookups and the pages' requests share it). */
export function expiryCheckFor(db: HealthmarkDb): ReturnType<typeof createExpiryCheck> {
  let check = checks.get(db);
  if (!check) checks.set(db, (check = createExpiryCheck(db)));
  return check;
}

/** Wires the alarm, and re-points it whenever overrides change (from the options page or anywhere else). */
export function watchOverrideExpiry(db: HealthmarkDb): void {
  const reschedule = () => void scheduleExpiry(db).catch((e) => console.error('Healthmark: scheduling override expiry failed:', e));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === EXPIRY_ALARM) void expiryCheckFor(db)().then(reschedule, (e) => console.error('Healthmark: expiring overrides failed:', e));
  });
  onTableWrites(db.name, 'overrides', reschedule);
  reschedule();
}
