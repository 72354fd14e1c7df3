import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXPIRY_ALARM, expireOverrides, scheduleExpiry } from '../../lib/background/expiry';
import { replaceDataset } from '../../lib/data/apply';
import { type HealthmarkDb, openDb } from '../../lib/data/db';
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
