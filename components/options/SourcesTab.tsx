// Options → Sources: the config URL and the metrics URL with their authentication, format, schedule, timeout and
// pinned key; "Test connection" (what a sync would import, nothing applied), "Save and sync", "Sync now", the
// notification switch and the sync log. The background checks every field: problems show next to the field and
// nothing stored changes until the source is valid. Stored secrets are never shown, only masked.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type SourceRow, getMeta } from '../../lib/data/db';
import { DEFAULT_SCHEDULE_MINUTES, type SourceAuth } from '../../lib/data/sync';
import { NOTIFY_META_KEY } from '../../lib/background/sync-notify';
import { t } from '../../lib/i18n';
import { type SyncReport, sendToBackground } from '../../lib/messaging';
import type { ConfigIssue } from '../../lib/scoring/types';
import { ImportPanel } from './import/ImportPanel';
import { type Live, db } from './live';

type Kind = SourceRow['kind'];
type Stored = SourceRow & { timeoutSeconds?: number };
const LOG_ROWS = 20;

const loadSources = async () => ({
  sources: new Map(((await db.sources.toArray()) as Stored[]).map((s) => [s.id, s])),
  log: await db.syncLog.orderBy('id').reverse().limit(LOG_ROWS).toArray(),
  notify: (await getMeta<boolean>(db, NOTIFY_META_KEY)) === true,
});

interface FormState {
  url: string;
  authKind: SourceAuth['kind'];
  secret: string;
  headerName: string;
  format: SourceRow['format'];
  scheduleMinutes: string;
  timeoutSeconds: string;
  publicKey: string;
}

function initialForm(stored: Stored | undefined): FormState {
  return {
    url: stored?.url ?? '',
    authKind: stored?.auth.kind ?? 'none',
    secret: '', // an empty secret keeps the stored one
    headerName: stored?.auth.kind === 'header' ? stored.auth.name : '',
    format: stored?.format ?? 'auto',
    scheduleMinutes: String(stored?.scheduleMinutes ?? DEFAULT_SCHEDULE_MINUTES),
    timeoutSeconds: stored?.timeoutSeconds === undefined ? '' : String(stored.timeoutSeconds),
    publicKey: stored?.publicKey ?? '',
  };
}

function sourceOf(kind: Kind, form: FormState, stored: Stored | undefined): Record<string, unknown> {
  const auth = form.authKind === 'bearer' ? { kind: 'bearer', token: form.secret } : form.authKind === 'header' ? { kind: 'header', name: form.headerName.trim(), value: form.secret } : { kind: 'none' };
  return {
    id: kind,
    kind,
    url: form.url.trim(),
    auth,
    format: form.format,
    mapping: stored?.mapping ?? {},
    scheduleMinutes: Number(form.scheduleMinutes),
    ...(form.timeoutSeconds.trim() ? { timeoutSeconds: Number(form.timeoutSeconds) } : {}),
    ...(form.publicKey.trim() ? { publicKey: form.publicKey.trim() } : {}),
  };
}

/** "••••abcd": enough to recognise a token, never enough to use it. */
function masked(auth: SourceAuth | undefined): string {
  const secret = auth?.kind === 'bearer' ? auth.token : auth?.kind === 'header' ? auth.value : '';
  return secret ? `••••${secret.slice(-4)}` : '';
}

/** Fetching from a host needs its permission; localhost is granted in the manifest. Asked during the click. */
async function allowOrigin(url: string): Promise<void> {
  try {
    const { protocol, hostname, origin } = new URL(url);
    if (protocol === 'https:' && hostname !== 'localhost' && hostname !== '127.0.0.1') await browser.permissions.request({ origins: [`${origin}/*`] });
  } catch {
    // A malformed URL: the background names the problem next to the field.
  }
}

function FieldError({ issues, path, id }: { issues: ConfigIssue[]; path: string; id: string }) {
  const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? <p id={id} class="field-error" role="alert">{issue.message}</p> : null;
}

function ReportView({ report }: { report: SyncReport & { totalRows?: number | null } }) {
  return (
    <div class={report.outcome === 'error' ? 'error' : 'hint'} data-testid="source-report" role="status">
      <p>{report.message}</p>
      {report.rowErrors.length > 0 ? (
        <ul class="row-errors">
          {report.rowErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SourceForm({ kind, stored, onDone }: { kind: Kind; stored: Stored | undefined; onDone: () => void }) {
  const [form, setForm] = useState(() => initialForm(stored));
  const [issues, setIssues] = useState<ConfigIssue[]>([]);
  const [report, setReport] = useState<(SyncReport & { totalRows?: number | null }) | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const set = (key: keyof FormState) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  const id = (field: string) => `source-${kind}-${field}`;

  const run = async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    try {
      await action();
    } catch (error) {
      setReport({ sourceId: kind, outcome: 'error', message: error instanceof Error ? error.message : String(error), rowErrors: [], counts: null });
    } finally {
      setBusy(null);
      onDone();
    }
  };
  const checked = async (type: 'saveSource' | 'testSource') => {
    await allowOrigin(form.url);
    const reply = await sendToBackground(type, { source: sourceOf(kind, form, stored) });
    setIssues(reply.ok ? [] : reply.issues);
    setReport(reply.ok ? reply.report : null);
  };
  const title = kind === 'config' ? t('sourcesConfigTitle') : t('sourcesMetricsTitle');
  const field = (name: keyof FormState, label: string, props: Record<string, unknown> = {}) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      <input id={id(name)} value={form[name]} onInput={set(name)} aria-describedby={`${id(name)}-error`} data-testid={id(name)} {...props} />
    </div>
  );

  return (
    <section class="panel source" aria-labelledby={id('title')} data-testid={`source-${kind}`}>
      <h2 id={id('title')}>{title}</h2>
      {field('url', t('sourcesUrl'), { type: 'url', placeholder: 'https://', class: 'wide' })}
      <FieldError issues={issues} path="url" id={`${id('url')}-error`} />
      <div class="field">
        <label for={id('authKind')}>{t('sourcesAuth')}</label>
        <select id={id('authKind')} value={form.authKind} onChange={set('authKind')}>
          <option value="none">{t('sourcesAuthNone')}</option>
          <option value="bearer">{t('sourcesAuthBearer')}</option>
          <option value="header">{t('sourcesAuthHeader')}</option>
        </select>
      </div>
      {form.authKind === 'header' ? field('headerName', t('sourcesHeaderName')) : null}
      {form.authKind !== 'none' ? field('secret', t('sourcesSecret'), { type: 'password', autocomplete: 'off', placeholder: masked(stored?.auth) }) : null}
      <FieldError issues={issues} path="auth" id={`${id('secret')}-error`} />
      {kind === 'metrics' ? (
        <div class="field">
          <label for={id('format')}>{t('sourcesFormat')}</label>
          <select id={id('format')} value={form.format} onChange={set('format')}>
            {(['auto', 'csv', 'json', 'ndjson'] as const).map((f) => (
              <option key={f} value={f}>{f === 'auto' ? t('sourcesFormatAuto') : f.toUpperCase()}</option>
            ))}
          </select>
        </div>
      ) : null}
      {field('scheduleMinutes', t('sourcesSchedule'), { type: 'number', min: 5 })}
      <FieldError issues={issues} path="scheduleMinutes" id={`${id('scheduleMinutes')}-error`} />
      {field('timeoutSeconds', t('sourcesTimeout'), { type: 'number', min: 1, placeholder: '30' })}
      <FieldError issues={issues} path="timeoutSeconds" id={`${id('timeoutSeconds')}-error`} />
      <div class="field">
        <label for={id('publicKey')}>{t('sourcesPublicKey')}</label>
        <textarea id={id('publicKey')} rows={3} value={form.publicKey} onInput={set('publicKey')} data-testid={id('publicKey')} />
      </div>
      <FieldError issues={issues} path="publicKey" id={`${id('publicKey')}-error`} />
      <div class="actions">
        <button type="button" disabled={busy !== null} onClick={() => run('test', () => checked('testSource'))} data-testid={id('test')}>
          {busy === 'test' ? t('sourcesTesting') : t('sourcesTest')}
        </button>
        <button type="button" class="primary" disabled={busy !== null} onClick={() => run('save', () => checked('saveSource'))} data-testid={id('save')}>
          {busy === 'save' ? t('syncRunning') : t('sourcesSave')}
        </button>
        {stored ? (
          <>
            <button type="button" disabled={busy !== null} onClick={() => run('sync', async () => setReport((await sendToBackground('syncNow', { id: kind }))[0] ?? null))} data-testid={id('sync')}>
              {busy === 'sync' ? t('syncRunning') : t('syncNow')}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => run('remove', async () => void (await sendToBackground('removeSource', { id: kind })))}>
              {t('sourcesRemove')}
            </button>
          </>
        ) : null}
      </div>
      {report ? <ReportView report={report} /> : null}
    </section>
  );
}

export function SourcesTab() {
  // Plain reads after each action: the background writes, and its change events do not reliably reach this
  // page's live queries (they kept serving a cached answer in Chromium).
  const [live, setLive] = useState<Live<Awaited<ReturnType<typeof loadSources>>>>({ state: 'loading' });
  const refresh = () =>
    void loadSources().then(
      (value) => setLive({ state: 'ready', value }),
      (e: unknown) => setLive({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  useEffect(refresh, []);
  if (live.state !== 'ready') return live.state === 'error' ? <p role="alert" class="error">{live.message}</p> : <p aria-busy="true">{t('popupLoading')}</p>;
  const { sources, log, notify } = live.value;
  return (
    <div class="sources">
      <p class="hint">{t('sourcesIntro')}</p>
      <SourceForm kind="config" stored={sources.get('config')} onDone={refresh} />
      <SourceForm kind="metrics" stored={sources.get('metrics')} onDone={refresh} />
      <ImportPanel />
      <section class="panel">
        <label class="switch">
          <input type="checkbox" checked={notify} onChange={(e) => void sendToBackground('setSyncNotifications', { enabled: e.currentTarget.checked }).then(refresh)} data-testid="sync-notify" />
          {t('sourcesNotify')}
        </label>
      </section>
      <section class="panel" aria-labelledby="sync-log-title">
        <h2 id="sync-log-title">{t('sourcesLog')}</h2>
        {log.length === 0 ? (
          <p class="hint">{t('sourcesLogEmpty')}</p>
        ) : (
          <table class="counts" data-testid="sync-log">
            <tbody>
              {log.map((row) => (
                <tr key={row.id}>
                  <td>{new Date(row.at).toLocaleString()}</td>
                  <td>{row.sourceId}</td>
                  <td>{row.outcome}</td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
