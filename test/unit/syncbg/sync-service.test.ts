// The background sync against a real HTTP server on 127.0.0.1: first sync, 304, changed data (history kept,
// changes feed), and every failure kind leaving the previous data exactly as it was.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type SyncedSource, createSyncService } from '../../../lib/background/sync';
import { type HealthmarkDb, getMeta, openDb } from '../../../lib/data/db';
import { INITIAL_SOURCE_STATE } from '../../../lib/data/sync';
import { alarmName } from '../../../lib/data/sync/scheduler';
import { DROPPED_ACCOUNTS, SYNC_ACCOUNTS, SYNC_CONFIG_TEXT, accountsCsv, expectedScores } from '../../fixtures/sync/dataset';
import { type TestServer, startServer } from '../sync/server';

const DAY = 86_400_000;
const start = new Date('2024-10-16T12:00:00Z');
let server: TestServer;
let db: HealthmarkDb;
let clock: Date;
let dbCount = 0;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.routes.clear();
  server.requests.length = 0;
  db = openDb(`syncbg-${++dbCount}`);
  clock = start;
});

/** Serves `body` with an ETag, answering 304 to a matching If-None-Match. */
function serve(path: string, body: string, etag: string) {
  server.routes.set(path, (req, res) => {
    if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
    res.writeHead(200, { ETag: etag, 'Content-Type': path.endsWith('.csv') ? 'text/csv' : 'application/json' }).end(body);
  });
}

async function addSources(extra: Partial<SyncedSource> = {}) {
  const common = { auth: { kind: 'none' as const }, format: 'auto' as const, mapping: {}, scheduleMinutes: 60, ...INITIAL_SOURCE_STATE, ...extra };
  await db.sources.bulkPut([
    { id: 'config', kind: 'config', url: server.url('/config.json'), ...common },
    { id: 'metrics', kind: 'metrics', url: server.url('/accounts.csv'), ...common },
  ]);
}

const service = () => createSyncService(db, { now: () => clock, random: () => 0 });

async function scoresNow() {
  return new Map((await db.scores.toArray()).map((s) => [s.accountId, { score: s.score, tier: s.tier }]));
}

async function firstSync() {
  serve('/config.json', SYNC_CONFIG_TEXT, '"c1"');
  serve('/accounts.csv', accountsCsv(SYNC_ACCOUNTS), '"a1"');
  await addSources({ timeoutSeconds: 1 });
  return service().sync();
}

describe('background sync', () => {
  it('first sync applies the config then the data, marks it synced and schedules the next run', async () => {
    const reports = await firstSync();
    expect(reports.map((r) => [r.sourceId, r.outcome])).toEqual([['config', 'updated'], ['metrics', 'updated']]);
    expect(await getMeta(db, 'dataMode')).toBe('synced');
    expect(await scoresNow()).toEqual(expectedScores(SYNC_ACCOUNTS, start));
    const metrics = await db.sources.get('metrics');
    expect(metrics).toMatchObject({ etag: '"a1"', lastSuccessAt: start.toISOString(), consecutiveFailures: 0, lastError: null });
    const alarm = await fakeBrowser.alarms.get(alarmName('metrics'));
    expect(alarm?.scheduledTime).toBe(start.getTime() + 60 * 60_000);
    expect((await db.syncLog.toArray()).map((l) => l.outcome)).toEqual(['updated', 'updated']);
  });

  it('an unchanged source costs a conditional request answered 304, and nothing is rewritten', async () => {
    await firstSync();
    const updatedAt = await getMeta(db, 'updatedAt');
    server.requests.length = 0;
    clock = new Date(start.getTime() + 3_600_000);
    const reports = await service().sync();
    expect(reports.map((r) => r.outcome)).toEqual(['not-modified', 'not-modified']);
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual(['"c1"', '"a1"']);
    expect(await getMeta(db, 'updatedAt')).toBe(updatedAt);
    expect((await db.sources.get('config'))?.lastSuccessAt).toBe(clock.toISOString());
  });

  it('changed data the next day keeps yesterday in history, appends today and feeds the drop into changes', async () => {
    await firstSync();
    clock = new Date(start.getTime() + DAY);
    serve('/accounts.csv', accountsCsv(DROPPED_ACCOUNTS), '"a2"');
    const [, metrics] = await service().sync();
    expect(metrics?.outcome).toBe('updated');
    const history = await db.history.where('accountId').equals('S-1').sortBy('day');
    expect(history.map((h) => h.day)).toEqual(['2024-10-16', '2024-10-17']);
    const before = expectedScores(SYNC_ACCOUNTS, start).get('S-1')!;
    const after = expectedScores(DROPPED_ACCOUNTS, clock).get('S-1')!;
    expect(history.map((h) => h.score)).toEqual([before.score, after.score]);
    const changes = await db.changes.where('accountId').equals('S-1').toArray();
    expect(changes.map((c) => c.kind).sort()).toEqual(['drop', 'tier']);
    expect(changes.find((c) => c.kind === 'drop')).toMatchObject({ from: before.score, to: after.score });
    expect(await db.changes.where('accountId').equals('S-2').count()).toBe(0);
    expect((await db.scores.get('S-1'))?.trend.d7).toBeNull(); // one day of history: no 7-day point yet
  });

  const faults: [string, () => void, RegExp][] = [
    ['HTTP 500', () => server.routes.set('/accounts.csv', (_q, res) => res.writeHead(500).end('boom')), /500/],
    ['a timeout', () => server.routes.set('/accounts.csv', () => undefined), /time/i],
    ['a truncated body', () => server.routes.set('/accounts.csv', (_q, res: ServerResponse) => {
      res.writeHead(200, { 'Content-Length': '5000', 'Content-Type': 'text/csv' });
      res.write(accountsCsv(DROPPED_ACCOUNTS).slice(0, 100));
      setTimeout(() => res.destroy(), 50);
    }), /truncat|incomplete|ended/i],
    ['too many bad rows', () => serve('/accounts.csv', accountsCsv(DROPPED_ACCOUNTS).replace(/,(\d+),(-?\d+),/g, ',lots,$2,'), '"bad"'), /row \d+/],
  ];
  it.each(faults)('%s leaves the previous data, scores and history untouched and stores the specific error', async (_name, fault, message) => {
    await firstSync();
    const [scores, history, configs] = [await scoresNow(), await db.history.count(), await db.configs.count()];
    clock = new Date(start.getTime() + DAY);
    fault();
    const [, report] = await service().sync();
    expect(report?.outcome).toBe('error');
    expect(report?.message).toMatch(message);
    expect(await scoresNow()).toEqual(scores);
    expect([await db.history.count(), await db.configs.count(), await db.accounts.count()]).toEqual([history, configs, SYNC_ACCOUNTS.length]);
    const state = await db.sources.get('metrics');
    expect(state).toMatchObject({ etag: '"a1"', consecutiveFailures: 1, lastError: report?.message, lastSuccessAt: start.toISOString() });
    // First retry after 1 minute × jitter 0.5 (random() = 0), not the hourly schedule.
    expect(state?.nextAttemptAt).toBe(new Date(clock.getTime() + 30_000).toISOString());
  });

  it('an invalid JSON config keeps the active config and names the problem', async () => {
    await firstSync();
    const active = await getMeta(db, 'activeConfigId');
    serve('/config.json', '{ "schemaVersion": 1, ', '"c2"');
    const [config] = await service().sync('config');
    expect(config).toMatchObject({ outcome: 'error' });
    expect(config?.message).toMatch(/not JSON/);
    expect(await getMeta(db, 'activeConfigId')).toBe(active);
    expect((await db.sources.get('config'))?.lastError).toBe(config?.message);
  });

  it('a changed config alone re-scores the stored accounts with it', async () => {
    await firstSync();
    const changed = JSON.parse(SYNC_CONFIG_TEXT) as { version: string; tiers: { min: number; max: number }[] };
    changed.version = '2.0';
    serve('/config.json', JSON.stringify(changed), '"c2"');
    const [report] = await service().sync('config');
    expect(report?.message).toMatch(/2\.0 applied, 5 accounts re-scored/);
    const scores = await db.scores.toArray();
    const active = await getMeta<number>(db, 'activeConfigId');
    expect(scores.every((s) => s.configId === active)).toBe(true);
  });

  it('tells each step as it starts (what the popup shows), then that the sync has ended', async () => {
    serve('/config.json', SYNC_CONFIG_TEXT, '"c1"');
    serve('/accounts.csv', accountsCsv(SYNC_ACCOUNTS), '"a1"');
    await addSources();
    const seen: unknown[] = [];
    const sync = createSyncService(db, { now: () => clock, random: () => 0, onProgress: (p) => void seen.push(p && { ...p, now: sync.progress() === p }) });
    expect(sync.progress()).toBeNull();
    await sync.sync();
    expect(seen).toEqual([
      { sourceId: 'config', kind: 'config', phase: 'fetching', now: true },
      { sourceId: 'config', kind: 'config', phase: 'applying', now: true },
      { sourceId: 'metrics', kind: 'metrics', phase: 'fetching', now: true },
      { sourceId: 'metrics', kind: 'metrics', phase: 'applying', now: true },
      null,
    ]);
    expect(sync.progress()).toBeNull();
    // A failed fetch has no apply step, and the end is told all the same.
    seen.length = 0;
    server.routes.set('/accounts.csv', (_q, res) => res.writeHead(500).end());
    await sync.sync('metrics');
    expect(seen).toEqual([{ sourceId: 'metrics', kind: 'metrics', phase: 'fetching', now: true }, null]);
  });
});

describe('alarms', () => {
  it('re-creates missing alarms from the stored sources and clears those of removed sources', async () => {
    await addSources({ nextAttemptAt: new Date(start.getTime() + 5 * 60_000).toISOString() });
    await fakeBrowser.alarms.create(alarmName('gone'), { when: start.getTime() + 1000 });
    await service().ensureAlarms();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name).sort()).toEqual([alarmName('config'), alarmName('metrics')]);
    expect(alarms.every((a) => a.scheduledTime === start.getTime() + 5 * 60_000)).toBe(true);
  });

  /** Both sources defined; the metrics URL answers only once `release` is called. */
  async function heldMetrics() {
    serve('/config.json', SYNC_CONFIG_TEXT, '"c1"');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.routes.set('/accounts.csv', (_q, res) => void held.then(() => res.writeHead(200, { 'Content-Type': 'text/csv' }).end(accountsCsv(SYNC_ACCOUNTS))));
    await addSources();
    const fetched = (path: string) => server.requests.filter((r) => r.path === path).length;
    return { sync: service(), fetched, release };
  }

  it('skips the alarm of a source whose sync is queued or running, and runs the alarms of other sources', async () => {
    const { sync, fetched, release } = await heldMetrics();
    await sync.sync('config'); // the metrics are scored with it
    const running = sync.sync('metrics');
    await vi.waitFor(() => expect(fetched('/accounts.csv')).toBe(1));
    sync.onAlarm({ name: alarmName('metrics') }); // e.g. the retry of an earlier failure, due while this sync runs
    sync.onAlarm({ name: alarmName('config') });
    release();
    expect((await running).map((r) => r.outcome)).toEqual(['updated']);
    await sync.sync('none'); // an unknown source: resolves once the queue before it has run
    expect([fetched('/accounts.csv'), fetched('/config.json')]).toEqual([1, 2]);
    sync.onAlarm({ name: alarmName('metrics') }); // nothing pending any more: the alarm syncs
    await sync.sync('none');
    expect(fetched('/accounts.csv')).toBe(2);
  });

  it('skips the alarms of every source while a sync of all sources is queued or running', async () => {
    const { sync, fetched, release } = await heldMetrics();
    const all = sync.sync();
    await vi.waitFor(() => expect(fetched('/accounts.csv')).toBe(1));
    sync.onAlarm({ name: alarmName('config') });
    sync.onAlarm({ name: alarmName('metrics') });
    release();
    expect((await all).map((r) => r.outcome)).toEqual(['updated', 'updated']);
    await sync.sync('none');
    expect([fetched('/config.json'), fetched('/accounts.csv')]).toEqual([1, 1]);
  });
});
