import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXPIRY_ALARM, createExpiryCheck, expireOverrides, scheduleExpiry, watchOverrideExpiry } from '../../lib/background/expiry';
import { dataHandlers } from '../../lib/background/handlers/data';
import { replaceDataset } from '../../lib/data/apply';
import { type HealthmarkDb, onTableWrites, openDb } from '../../lib/data/db';
import { type DemoDataset, rebaseDemo } from '../../lib/data/demo';
import { setOverrideAndRescore } from '../../lib/data/rescore';
import { validateConfig } from '../../lib/scoring';

const now = new Date('2026-11-25T10:00:00Z');
let db: HealthmarkDb;
beforeEach(async () => {
  db = openDb(`expiry-${Math.random()}`);
  const checked = validateConfig(JSON.parse(readFileSync('public/presets/default.json', 'utf8')));
  if (!checked.ok) throw new Error('preset');
  const { accounts } = rebaseDemo(JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset, now);
  await replaceDataset(db, { config: checked.config, configSource: 'test', accounts, mode: 'demo' }, now);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('an expired override is removed and the computed score comes back; the alarm moves to the next expiry', async () => {
  const computed = (await db.scores.get('acc-002'))!.score;
  const base = { reason: 'Exec sponsor confirmed renewal', author: 'Priya', createdAt: now.toISOString() };
  await setOverrideAndRescore(db, 'acc-002', { ...base, value: 90, expiresAt: '2026-11-26T00:00:00Z' }, now);
  await setOverrideAndRescore(db, 'acc-003', { ...base, value: 10, expiresAt: '2026-12-31T00:00:00Z' }, now);
  expect((await db.scores.get('acc-002'))!.score).toBe(90);

  await scheduleExpiry(db, now.getTime());
  expect((await fakeBrowser.alarms.get(EXPIRY_ALARM))?.scheduledTime).toBe(Date.parse('2026-11-26T00:00:00Z'));

  expect(await expireOverrides(db, new Date('2026-11-26T00:00:01Z'))).toEqual(['acc-002']);
  expect((await db.scores.get('acc-002'))!.score).toBe(computed);
  expect((await db.scores.get('acc-002'))!.overridden).toBe(false);
  expect((await db.scores.get('acc-003'))!.score).toBe(10);
  await scheduleExpiry(db, now.getTime());
  expect((await fakeBrowser.alarms.get(EXPIRY_ALARM))?.scheduledTime).toBe(Date.parse('2026-12-31T00:00:00Z'));
});

test('the expiry check reads the earliest expiry once, and again only after overrides change', async () => {
  const check = createExpiryCheck(db);
  const reads = vi.spyOn(db.overrides, 'orderBy');
  const base = { reason: 'Exec sponsor confirmed renewal', author: 'Priya', createdAt: now.toISOString(), value: 90 };
  await setOverrideAndRescore(db, 'acc-002', { ...base, expiresAt: '2026-11-26T00:00:00Z' }, now);
  expect(await check(now)).toEqual([]);
  expect(await check(now)).toEqual([]);
  expect(reads).toHaveBeenCalledTimes(1);
  await setOverrideAndRescore(db, 'acc-003', { ...base, expiresAt: '2026-11-25T12:00:00Z' }, now);
  await new Promise((resolve) => setTimeout(resolve, 10)); // Dexie reports the write after its transaction
  // Two checks at once when it is due: one expiry (the account is re-scored once).
  const due = new Date('2026-11-25T12:00:01Z');
  expect(await check(now)).toEqual([]);
  expect(reads).toHaveBeenCalledTimes(2);
  expect(await Promise.all([check(due), check(due)])).toEqual([['acc-003'], ['acc-003']]);
  expect((await db.changes.where('accountId').equals('acc-003').toArray()).map((c) => c.detail?.author ?? 'removed')).toEqual(['Priya', 'removed']);
  expect((await db.scores.get('acc-002'))!.score).toBe(90);
});

test('a lookup never answers with an override past its expiry, though its alarm has not fired', async () => {
  const lookup = dataHandlers(db).lookup;
  const request = { emails: ['dana.wu@acme-analytics.example'], domains: [], names: [] };
  const soon = new Date(Date.now() + 300);
  await setOverrideAndRescore(db, 'acc-001', { value: 99, reason: 'Renewal signed', author: 'Robin', createdAt: new Date().toISOString(), expiresAt: soon.toISOString() });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect((await lookup(request)).accounts['acc-001']).toMatchObject({ score: 99, override: { author: 'Robin' } });
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect((await lookup(request)).accounts['acc-001']).toMatchObject({ override: null });
  expect((await db.scores.get('acc-001'))!.overridden).toBe(false);
  expect(await db.overrides.count()).toBe(0);
});

test('watching overrides does not cut off the other listeners of database writes (Dexie stops at a listener returning false)', async () => {
  watchOverrideExpiry(db);
  let heard = 0;
  onTableWrites(db.name, 'scores', () => heard++); // added first: called last
  const check = createExpiryCheck(db); // added after: called before it
  await db.scores.update('acc-001', { score: 1 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(heard).toBe(1);
  expect(await check(now)).toEqual([]);
});
