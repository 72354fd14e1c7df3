import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { replaceDataset, type IncomingAccount } from '../../../lib/data/apply';
import { openDb, type HealthmarkDb } from '../../../lib/data/db';
import { rebaseDemo, type DemoDataset } from '../../../lib/data/demo';
import { createCachedLookup, lookup } from '../../../lib/data/lookup';
import { readStatus } from '../../../lib/data/status';
import { scoreAccount, validateConfig, type ScoringConfig } from '../../../lib/scoring';

const now = new Date('2026-11-25T10:00:00Z');
const preset = validateConfig(JSON.parse(readFileSync('public/presets/default.json', 'utf8')));
if (!preset.ok) throw new Error('default preset must be valid');
const config: ScoringConfig = preset.config;
const demo = JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset;

let db: HealthmarkDb;
let name = 0;
beforeEach(() => {
  db = openDb(`test-${++name}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function loadDemo() {
  const { accounts, snapshots } = rebaseDemo(demo, now);
  await replaceDataset(db, { config, configSource: 'preset:default', accounts, snapshots, mode: 'demo' }, now);
  return accounts;
}

describe('replaceDataset + lookup', () => {
  test('stores every account with the score the engine computes, and trends from the snapshots', async () => {
    const accounts = await loadDemo();
    expect(await db.accounts.count()).toBe(accounts.length);
    for (const a of accounts) {
      const row = await db.scores.get(a.id);
      expect(row?.score).toBe(scoreAccount(config, a, a.metrics, { now }).score);
    }
    // Borealis Logistics slides over the month in the demo: its 30-day trend is negative.
    const borealis = await db.scores.get('acc-002');
    expect(borealis?.trend.d30).toBeLessThan(0);
    expect(await db.history.where('accountId').equals('acc-002').count()).toBe(5);
  });

  test('resolves emails exactly, then by company domain; free-mail and unknown addresses stay unmatched', async () => {
    await loadDemo();
    const res = await lookup(db, {
      emails: ['Dana.Wu@acme-analytics.example', 'new.person@cobalt-health.example', 'kestrel.bakery.owner@gmail.com', 'someone.else@gmail.com', 'x@unknown-co.example'],
      domains: ['https://www.helios-solar.example/about'],
      names: ['Granite Insurance, Inc.', '__proto__'],
    });
    expect(res.matches['dana.wu@acme-analytics.example']).toBe('acc-001');
    expect(res.matches['new.person@cobalt-health.example']).toBe('acc-003');
    expect(res.matches['kestrel.bakery.owner@gmail.com']).toBe('acc-011');
    expect(res.matches['someone.else@gmail.com']).toBeUndefined();
    expect(res.matches['x@unknown-co.example']).toBeUndefined();
    expect(res.matches['https://www.helios-solar.example/about']).toBe('acc-008');
    expect(res.matches['granite insurance, inc.']).toBe('acc-007');
    expect(Object.keys(res.matches)).not.toContain('__proto__');
    const acme = res.accounts['acc-001']!;
    expect(acme.name).toBe('Acme Analytics');
    expect(acme.demo).toBe(true);
    expect(acme.tier?.label).toBeTruthy();
    expect(Object.keys(res.accounts).sort()).toEqual(['acc-001', 'acc-003', 'acc-007', 'acc-008', 'acc-011']);
  });

  test('status reports mode, count, config and a tier distribution that adds up', async () => {
    const accounts = await loadDemo();
    const status = await readStatus(db);
    expect(status.mode).toBe('demo');
    expect(status.accountCount).toBe(accounts.length);
    expect(status.config).toEqual({ name: config.name, version: config.version });
    expect(status.tiers.reduce((n, t) => n + t.count, 0) + status.insufficient).toBe(accounts.length);
  });

  test('a second dataset replaces the first completely', async () => {
    await loadDemo();
    const one: IncomingAccount = { id: 'x1', name: 'Solo Corp', domains: ['solo.example'], contacts: [], attributes: {}, metrics: {} };
    await replaceDataset(db, { config, configSource: 'test', accounts: [one], mode: 'synced' }, now);
    expect(await db.accounts.count()).toBe(1);
    expect((await lookup(db, { emails: ['dana.wu@acme-analytics.example'], domains: [], names: [] })).matches).toEqual({});
    expect((await readStatus(db)).mode).toBe('synced');
  });
});

test('the cached lookup answers repeats from memory and forgets everything on any write', async () => {
  await loadDemo();
  const cached = createCachedLookup(db);
  const request = { emails: ['dana.wu@acme-analytics.example', 'x@unknown-co.example'], domains: [], names: [] };
  const reads = vi.spyOn(db.identities, 'bulkGet');
  const first = await cached(request);
  expect(first.matches['dana.wu@acme-analytics.example']).toBe('acc-001');
  expect(await cached(request)).toEqual(first);
  expect(reads).toHaveBeenCalledTimes(1); // the repeat, unknown address included, came from memory
  await db.identities.delete('email:dana.wu@acme-analytics.example');
  await db.identities.delete('domain:acme-analytics.example');
  await vi.waitFor(async () => expect((await cached(request)).matches['dana.wu@acme-analytics.example']).toBeUndefined());
  expect(reads.mock.calls.length).toBeGreaterThan(1);
});

test('rebaseDemo moves every date so the reference day becomes today', () => {
  const { accounts, snapshots } = rebaseDemo(demo, now);
  const acme = accounts.find((a) => a.id === 'acc-001')!;
  expect(acme.metrics.logins_per_week!.asOf).toBe('2026-11-24');
  const shift = (Date.parse('2026-11-25') - Date.parse(demo.referenceDate)) / 86_400_000;
  const original = demo.accounts[0]!.attributes.renewal_date as string;
  expect(Date.parse(acme.attributes.renewal_date as string) - Date.parse(original)).toBe(shift * 86_400_000);
  expect(snapshots.filter((s) => s.accountId === 'acc-001').map((s) => s.day)).toEqual(['2026-10-26', '2026-11-04', '2026-11-11', '2026-11-18']);
});
