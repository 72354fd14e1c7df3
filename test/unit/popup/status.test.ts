// The popup's status is one stored row that every score write keeps exact (lib/data/status.ts): checked against a
// full count after each kind of write.
import { expect, test, vi } from 'vitest';
import { expireOverrides } from '../../../lib/background/expiry';
import { createSyncService } from '../../../lib/background/sync';
import { getMeta } from '../../../lib/data/db';
import { INITIAL_SOURCE_STATE } from '../../../lib/data/sync';
import { applyConfigVersion, setOverrideAndRescore } from '../../../lib/data/rescore';
import { EMPTY_STATUS, STATUS_KEY, countStatus, ensureStoredStatus, movedStatus, readStatus } from '../../../lib/data/status';
import { now, shiftedTiers, useDemoDb } from '../options/fixtures';

const { db } = useDemoDb();
const override = (patch: { value?: number; tier?: string }, expiresAt = new Date(now.getTime() + 86_400_000)) => ({
  ...patch, reason: 'checked with the customer', author: 'Robin', createdAt: now.toISOString(), expiresAt: expiresAt.toISOString(),
});

test('a data apply stores the status it leaves; reading it costs one row, no count', async () => {
  const counted = await countStatus(db());
  expect(counted.accountCount).toBe(40);
  expect(await getMeta(db(), STATUS_KEY)).toEqual(counted);
  const counts = vi.spyOn(db().scores, 'count');
  const where = vi.spyOn(db().scores, 'where');
  expect(await readStatus(db())).toEqual(counted);
  expect(counts).not.toHaveBeenCalled();
  expect(where).not.toHaveBeenCalled();
});

test('overrides (set, changed, removed, expired) and config applies keep the stored status exact', async () => {
  const steps: [string, () => Promise<unknown>][] = [
    ['score override', () => setOverrideAndRescore(db(), 'acc-001', override({ value: 5 }), now)],
    ['tier override', () => setOverrideAndRescore(db(), 'acc-002', override({ tier: 'champion' }), now)],
    ['override changed', () => setOverrideAndRescore(db(), 'acc-001', override({ value: 99 }), now)],
    ['override on an account without data', () => setOverrideAndRescore(db(), 'acc-040', override({ value: 70 }, new Date(now.getTime() + 3600_000)), now)],
    ['override removed', () => setOverrideAndRescore(db(), 'acc-002', null, now)],
    ['override expired', () => expireOverrides(db(), new Date(now.getTime() + 7200_000))],
    ['config with other tier boundaries', () => applyConfigVersion(db(), shiftedTiers(15), 'test', now)],
  ];
  for (const [step, write] of steps) {
    await write();
    expect(await readStatus(db()), step).toEqual(await countStatus(db()));
  }
});

test('a database no write has stored a status in is counted once, then read', async () => {
  await db().meta.delete(STATUS_KEY);
  expect(await readStatus(db())).toEqual(await countStatus(db())); // counted
  await ensureStoredStatus(db());
  expect(await getMeta(db(), STATUS_KEY)).toEqual(await countStatus(db()));
});

test('a moved row shifts one count: between tiers, into and out of "not enough data", or a new row', () => {
  const status = { ...EMPTY_STATUS, tiers: [{ key: 'a', label: 'A', color: '#000', count: 2 }, { key: 'b', label: 'B', color: '#fff', count: 1 }], insufficient: 1 };
  const counts = (s: typeof status) => [...s.tiers.map((t) => t.count), s.insufficient];
  expect(counts(movedStatus(status, 'a', 'b'))).toEqual([1, 2, 1]);
  expect(counts(movedStatus(status, null, 'a'))).toEqual([3, 1, 0]);
  expect(counts(movedStatus(status, 'b', null))).toEqual([2, 0, 2]);
  expect(counts(movedStatus(status, undefined, 'a'))).toEqual([3, 1, 1]);
  expect(counts(movedStatus(status, 'gone', 'a'))).toEqual([3, 1, 0]); // a tier the config no longer has counted as none
});

test('a synced config counts the alerts it records in the stored status', async () => {
  const source = { id: 'config', kind: 'config' as const, url: 'https://config.example/health.json', auth: { kind: 'none' as const }, format: 'auto' as const, mapping: {}, scheduleMinutes: 60, ...INITIAL_SOURCE_STATE };
  await db().sources.put(source);
  // Tier boundaries 15 points higher: accounts near a boundary fall a tier.
  const stricter = shiftedTiers(-15);
  const fetch = async () => new Response(JSON.stringify(stricter), { status: 200, headers: { 'Content-Type': 'application/json' } });
  const [report] = await createSyncService(db(), { now: () => now, fetch: fetch as typeof globalThis.fetch }).sync('config');
  expect(report?.outcome).toBe('updated');
  const status = await readStatus(db());
  expect(status.alerts).toBeGreaterThan(0);
  expect(status).toEqual(await countStatus(db()));
});
