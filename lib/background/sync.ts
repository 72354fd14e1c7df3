// Background sync of the admin's sources: one at a time (a queue), on each source's alarm, on "Sync now" and
// after a source is saved. Per attempt: fetch (lib/data/sync) → apply atomically (config: new version and every
// account re-scored; metrics: replaceDataset keeping history) → only then save the source's state, so a service
// worker stopped mid-way simply fetches again. Alarms persist; on startup missing ones are re-created.
import { browser } from 'wxt/browser';
import { applyAccountData, sha256Hex } from '../data/apply';
import { alertChanges, historyByAccount } from '../data/changes';
import type { ChangeRow, HealthmarkDb, SourceRow } from '../data/db';
import { isoDayOf } from '../dates';
import { formatRowError } from '../data/import';
import { applyConfigVersion } from '../data/rescore';
import { activeConfig, readStatus, setStatusAlerts } from '../data/status';
import { type SourceState, type SyncResult, syncSource } from '../data/sync';
import { alarmName, alarmTime, failedState, sourceIdOfAlarm, syncOrder } from '../data/sync/scheduler';
import { storedSnapshots } from '../data/whatif';
import { errorMessage } from '../errors';
import { plural, t } from '../i18n';
import { type SyncProgress, type SyncReport, broadcastToUi } from '../messaging';
import { notifyChanges } from './sync-notify';
import type { ScoringConfig } from '../scoring';

/** A stored source; the timeout is the sync's own setting (the definition schema belongs to lib/data/sync). */
export type SyncedSource = SourceRow & { timeoutSeconds?: number };

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const REPORTED_ROW_ERRORS = 20;

export interface SyncDeps {
  now?: () => Date;
  random?: () => number;
  fetch?: typeof fetch;
  /** Called with the alerts of an apply (the background shows a notification when the user turned them on). */
  onChanges?: (changes: ChangeRow[]) => void | Promise<void>;
  /** Called after anything was applied (the background tells open pages). */
  onApplied?: () => void | Promise<void>;
  /** Called as each step of a sync starts, and with null when a sync has ended. */
  onProgress?: (progress: SyncProgress | null) => void | Promise<void>;
}

export function stateOf(source: SourceRow): SourceState {
  const { etag, lastModified, lastSuccessAt, lastAttemptAt, nextAttemptAt, consecutiveFailures, lastError } = source;
  return { etag, lastModified, lastSuccessAt, lastAttemptAt, nextAttemptAt, consecutiveFailures, lastError };
}

type Applied = { outcome: 'updated' | 'not-modified'; message: string; counts: SyncReport['counts']; changes: ChangeRow[] };

async function applyConfig(db: HealthmarkDb, config: ScoringConfig, source: SyncedSource, now: Date): Promise<Applied> {
  const active = await activeConfig(db);
  const activeHash = active ? (await db.configs.get(active.id))?.hash : undefined;
  if (activeHash === (await sha256Hex(JSON.stringify(config))))
    return { outcome: 'not-modified', message: t('syncReportActive', config.name, config.version), counts: null, changes: [] };
  const previous = await storedSnapshots(db);
  const applied = await applyConfigVersion(db, config, `sync:${source.url}`, now);
  const changes = await recordConfigAlerts(db, config, previous, now);
  const message = t('syncReportConfigApplied', config.name, config.version, plural(applied.accounts, 'countAccountsOne', 'countAccounts'));
  return { outcome: 'updated', message, counts: { accounts: applied.accounts, rejected: 0 }, changes };
}

/** After a config change: alerts of the re-scored accounts against their results before it. */
async function recordConfigAlerts(db: HealthmarkDb, config: ScoringConfig, previous: Map<string, { score: number | null; tier: string | null }>, now: Date): Promise<ChangeRow[]> {
  const today = isoDayOf(now);
  return db.transaction('rw', [db.scores, db.history, db.changes, db.meta], async () => {
    const [scores, history] = await Promise.all([db.scores.toArray(), db.history.where('day').below(today).toArray()]);
    const changes = alertChanges(config, previous, scores, historyByAccount(history), today, now.toISOString());
    await db.changes.bulkAdd(changes);
    await setStatusAlerts(db, changes.length);
    return changes;
  });
}

async function applyResult(db: HealthmarkDb, result: Exclude<SyncResult, { outcome: 'error' | 'not-modified' }>, source: SyncedSource, now: Date): Promise<Applied> {
  if (result.outcome === 'config') return applyConfig(db, result.config, source, now);
  const { imported } = result;
  const summary = await applyAccountData(db, imported.accounts, `sync:${source.url}`, now);
  const parts = [t('syncReportImported', plural(summary.accounts, 'countAccountsOne', 'countAccounts'))];
  if (imported.rejectedRows > 0) parts.push(t('syncReportRejected', plural(imported.rejectedRows, 'countRowsOne', 'countRows'), imported.errors.slice(0, 3).map(formatRowError).join('; ')));
  return { outcome: 'updated', message: parts.join(', '), counts: { accounts: summary.accounts, rejected: imported.rejectedRows }, changes: summary.changes };
}

export interface SyncService {
  /** Syncs one source, or every source (config first) when no id is given. */
  sync: (sourceId?: string) => Promise<SyncReport[]>;
  /** The step the running sync has reached; null when none runs. */
  progress: () => SyncProgress | null;
  /** Re-creates the alarm of every stored source that has none, and clears alarms of removed sources. */
  ensureAlarms: () => Promise<void>;
  schedule: (source: SyncedSource) => Promise<void>;
  onAlarm: (alarm: { name: string }) => void;
}

export function createSyncService(db: HealthmarkDb, deps: SyncDeps = {}): SyncService {
  const clock = deps.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  let current: SyncProgress | null = null;
  const step = async (progress: SyncProgress | null) => {
    current = progress;
    // A closed popup is no reason for a sync to fail.
    await Promise.resolve(deps.onProgress?.(progress)).catch(() => undefined);
  };

  const schedule = async (source: SyncedSource) => {
    await browser.alarms.create(alarmName(source.id), { when: alarmTime(source, clock().getTime()) });
  };

  const syncOne = async (source: SyncedSource): Promise<SyncReport> => {
    const now = clock();
    await step({ sourceId: source.id, kind: source.kind, phase: 'fetching' });
    const active = await activeConfig(db);
    const result = await syncSource(source, stateOf(source), {
      now,
      timeoutMs: (source.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      ...(deps.random ? { random: deps.random } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(active ? { catalogue: active.config.metrics } : {}),
    });
    let report: SyncReport;
    let state = result.state;
    if (result.outcome === 'error') {
      report = { sourceId: source.id, outcome: 'error', message: result.error.message, rowErrors: result.rowErrors.slice(0, REPORTED_ROW_ERRORS).map(formatRowError), counts: null };
    } else if (result.outcome === 'not-modified') {
      report = { sourceId: source.id, outcome: 'not-modified', message: t('syncReportNotModified'), rowErrors: [], counts: null };
    } else {
      try {
        await step({ sourceId: source.id, kind: source.kind, phase: 'applying' });
        const applied = await applyResult(db, result, source, now);
        report = { sourceId: source.id, outcome: applied.outcome, message: applied.message, rowErrors: [], counts: applied.counts };
        if (applied.changes.length > 0) await deps.onChanges?.(applied.changes);
        if (applied.outcome === 'updated') await deps.onApplied?.();
      } catch (error) {
        // Nothing was written (one transaction); the fetch is retried with backoff.
        const message = t('syncReportApplyFailed', errorMessage(error));
        state = failedState(stateOf(source), source.scheduleMinutes, message, now, deps.random);
        report = { sourceId: source.id, outcome: 'error', message, rowErrors: [], counts: null };
      }
    }
    await db.sources.where('id').equals(source.id).modify({ ...state }); // the definition may have been edited meanwhile
    await db.syncLog.add({ sourceId: source.id, at: now.toISOString(), outcome: report.outcome, message: report.message, counts: report.counts });
    await schedule({ ...source, ...state });
    return report;
  };

  const run = async (sourceId?: string): Promise<SyncReport[]> => {
    const sources = (sourceId === undefined ? await db.sources.toArray() : [await db.sources.get(sourceId)].filter((s) => s !== undefined)) as SyncedSource[];
    const reports: SyncReport[] = [];
    try {
      for (const source of syncOrder(sources)) reports.push(await syncOne(source));
    } finally {
      await step(null);
    }
    return reports;
  };

  // Syncs queued or running, by source id (undefined: every source). An alarm of a source one of them covers is
  // skipped: that sync schedules the next alarm when it ends. Without this, a sync slower than a failure's retry
  // delay (a 100k-row apply takes minutes) ran a second time straight after itself.
  const pending = new Map<string | undefined, number>();
  const count = (sourceId: string | undefined, by: 1 | -1) => pending.set(sourceId, (pending.get(sourceId) ?? 0) + by);
  const covered = (sourceId: string) => !!(pending.get(undefined) || pending.get(sourceId));

  const sync = (sourceId?: string) => {
    count(sourceId, 1);
    const next = queue.then(() => run(sourceId)).finally(() => count(sourceId, -1));
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    sync,
    progress: () => current,
    schedule,
    ensureAlarms: async () => {
      const [sources, alarms] = await Promise.all([db.sources.toArray(), browser.alarms.getAll()]);
      const have = new Set(alarms.map((a) => a.name));
      const ids = new Set(sources.map((s) => s.id));
      for (const source of sources) if (!have.has(alarmName(source.id))) await schedule(source);
      for (const alarm of alarms) {
        const id = sourceIdOfAlarm(alarm.name);
        if (id !== null && !ids.has(id)) await browser.alarms.clear(alarm.name);
      }
    },
    onAlarm: (alarm) => {
      const id = sourceIdOfAlarm(alarm.name);
      if (id !== null && !covered(id)) void sync(id).catch((e) => console.error('Healthmark: scheduled sync failed:', e));
    },
  };
}

const services = new WeakMap<HealthmarkDb, SyncService>();

/** The background's one sync service per database: handlers and the alarm listener share its queue. */
export function syncServiceFor(db: HealthmarkDb): SyncService {
  let service = services.get(db);
  if (!service) {
    service = createSyncService(db, {
      onChanges: (changes) => notifyChanges(db, changes),
      onApplied: async () => broadcastToUi('statusChanged', await readStatus(db)),
      onProgress: (progress) => broadcastToUi('syncProgress', progress),
    });
    services.set(db, service);
  }
  return service;
}
