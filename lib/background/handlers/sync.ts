// Sync sources from the options page and the popup: save (checked, then synced at once), remove, sync now, test
// a source without applying it, and the notification toggle. Secrets stay in the database: the options page
// sends an empty token to keep the stored one, and nothing here logs a source.
import { browser } from 'wxt/browser';
import { type HealthmarkDb, setMeta } from '../../data/db';
import { formatRowError } from '../../data/import';
import { activeConfig } from '../../data/status';
import { INITIAL_SOURCE_STATE, type SourceAuth, type SourceDefinition, parseSourceDefinition, syncSource } from '../../data/sync';
import { alarmName } from '../../data/sync/scheduler';
import { plural, t } from '../../i18n';
import type { SyncReport } from '../../messaging';
import type { ConfigIssue } from '../../scoring/types';
import { type SyncedSource, DEFAULT_TIMEOUT_SECONDS, REPORTED_ROW_ERRORS, syncServiceFor } from '../sync';
import { NOTIFY_META_KEY } from '../sync-notify';
import type { HandlerGroup } from './types';

const TIMEOUT_SECONDS = { min: 1, max: 300 };

/** The timeout as given (absent: the default), or why it cannot be used. */
function checkTimeout(value: unknown): { ok: true; seconds: number | undefined } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, seconds: undefined };
  const { min, max } = TIMEOUT_SECONDS;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? { ok: true, seconds: value } : { ok: false, message: t('sourceErrTimeout', min, max) };
}

/** An empty token or header value means "keep the stored one" (the page only ever shows it masked). */
function keepStoredSecret(auth: unknown, stored: SourceAuth | undefined): unknown {
  const a = auth as Partial<{ kind: string; token: string; name: string; value: string }> | null;
  if (!a || typeof a !== 'object' || !stored) return auth;
  if (a.kind === 'bearer' && a.token === '' && stored.kind === 'bearer') return { ...a, token: stored.token };
  if (a.kind === 'header' && a.value === '' && stored.kind === 'header') return { ...a, value: stored.value };
  return auth;
}

type Checked = { ok: true; source: SourceDefinition; timeoutSeconds: number | undefined } | { ok: false; issues: ConfigIssue[] };

async function checkSource(db: HealthmarkDb, input: unknown): Promise<Checked> {
  if (!input || typeof input !== 'object') return { ok: false, issues: [{ path: 'source', message: t('sourceErrObject') }] };
  const { timeoutSeconds, ...definition } = input as Record<string, unknown>;
  const stored = typeof definition.id === 'string' ? await db.sources.get(definition.id) : undefined;
  const timeout = checkTimeout(timeoutSeconds);
  const parsed = parseSourceDefinition({ ...definition, ...('auth' in definition ? { auth: keepStoredSecret(definition.auth, stored?.auth) } : {}) });
  const issues = [...(parsed.ok ? [] : parsed.issues), ...(timeout.ok ? [] : [{ path: 'timeoutSeconds', message: timeout.message }])];
  if (!parsed.ok || !timeout.ok) return { ok: false, issues };
  return { ok: true, source: parsed.source, timeoutSeconds: timeout.seconds };
}

type SyncHandlers = HandlerGroup<'saveSource' | 'removeSource' | 'syncNow' | 'getSyncProgress' | 'testSource' | 'setSyncNotifications'>;

export function syncHandlers(db: HealthmarkDb): SyncHandlers {
  const service = syncServiceFor(db);
  return {
    saveSource: async ({ source }) => {
      const checked = await checkSource(db, source);
      if (!checked.ok) return checked;
      const stored = await db.sources.get(checked.source.id);
      // A changed definition is fetched in full again: the validators of the old one say nothing about it.
      const row: SyncedSource = { ...checked.source, ...INITIAL_SOURCE_STATE, lastSuccessAt: stored?.lastSuccessAt ?? null };
      await db.sources.put(checked.timeoutSeconds === undefined ? row : { ...row, timeoutSeconds: checked.timeoutSeconds });
      const [report] = await service.sync(checked.source.id);
      return { ok: true, report: report! };
    },
    removeSource: async ({ id }) => {
      await db.sources.delete(id);
      await browser.alarms.clear(alarmName(id));
      return null;
    },
    syncNow: ({ id }) => service.sync(id),
    getSyncProgress: async () => service.progress(),
    testSource: async ({ source }) => {
      const checked = await checkSource(db, source);
      if (!checked.ok) return checked;
      const active = await activeConfig(db);
      const result = await syncSource(checked.source, INITIAL_SOURCE_STATE, {
        timeoutMs: (checked.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        ...(active ? { catalogue: active.config.metrics } : {}),
      });
      return { ok: true, report: testReport(checked.source.id, result) };
    },
    setSyncNotifications: async ({ enabled }) => {
      await setMeta(db, NOTIFY_META_KEY, enabled);
      return null;
    },
  };
}

function testReport(sourceId: string, result: Awaited<ReturnType<typeof syncSource>>): SyncReport & { totalRows: number | null } {
  const base = { sourceId, rowErrors: [] as string[], counts: null, totalRows: null };
  switch (result.outcome) {
    case 'error':
      return { ...base, outcome: 'error', message: result.error.message, rowErrors: result.rowErrors.slice(0, REPORTED_ROW_ERRORS).map(formatRowError) };
    case 'config':
      return { ...base, outcome: 'updated', message: t('syncTestConfig', result.config.name, result.config.version, plural(result.config.metrics.length, 'countMetricsOne', 'countMetrics')) };
    case 'metrics': {
      const { imported } = result;
      return {
        ...base,
        outcome: 'updated',
        message: t('syncTestMetrics', plural(imported.accounts.length, 'countAccountsOne', 'countAccounts'), plural(imported.totalRows, 'countRowsOne', 'countRows'), imported.rejectedRows.toLocaleString()),
        rowErrors: imported.errors.slice(0, REPORTED_ROW_ERRORS).map(formatRowError),
        counts: { accounts: imported.accounts.length, rejected: imported.rejectedRows },
        totalRows: imported.totalRows,
      };
    }
    default:
      return { ...base, outcome: 'not-modified', message: t('syncTestNotModified') };
  }
}
