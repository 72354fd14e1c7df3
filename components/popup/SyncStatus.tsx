// Sync in the popup: each source's last success, next attempt and last error in plain words, "Sync now" with
// progress, and the latest changes (drops, worse tiers), each opening the account in the options page.
import { useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { latestAlerts } from '../../lib/data/changes';
import { type ChangeRow, type SourceRow, openDb } from '../../lib/data/db';
import { t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messaging';

const db = openDb();
const SHOWN_CHANGES = 5;
const POLL_MS = 2000;

interface SyncView {
  sources: SourceRow[];
  changes: (ChangeRow & { name: string })[];
}

async function readSyncView(): Promise<SyncView> {
  const [sources, changes] = await Promise.all([db.sources.toArray(), latestAlerts(db, SHOWN_CHANGES)]);
  const accounts = await db.accounts.bulkGet(changes.map((c) => c.accountId));
  return { sources, changes: changes.map((c, i) => ({ ...c, name: accounts[i]?.name ?? c.accountId })) };
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : t('syncNever'));

function SourceLine({ source }: { source: SourceRow }) {
  return (
    <li data-testid={`sync-source-${source.id}`}>
      <strong>{source.kind === 'config' ? t('syncKindConfig') : t('syncKindMetrics')}</strong>
      <span class="sync-when">{t('syncLastSuccess', when(source.lastSuccessAt))}</span>
      <span class="sync-when">{t('syncNextAttempt', when(source.nextAttemptAt))}</span>
      {source.lastError ? (
        <span class="error" role="status" data-testid={`sync-error-${source.id}`}>
          {t('syncLastError', source.lastError)}
        </span>
      ) : null}
    </li>
  );
}

export function SyncStatus() {
  const view = useSignal<SyncView | null>(null);
  const busy = useSignal(false);
  const failure = useSignal<string | null>(null);
  // Plain reads, polled and after "Sync now": the sync writes from the background, whose change events do not
  // reach an extension page's live queries reliably (they kept serving a cached answer in Chromium).
  const read = () => readSyncView().then((v) => (view.value = v), (e: unknown) => (failure.value = String(e)));
  useSignalEffect(() => {
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => clearInterval(timer);
  });
  const syncNow = async () => {
    busy.value = true;
    failure.value = null;
    try {
      await sendToBackground('syncNow', {});
    } catch (error) {
      failure.value = error instanceof Error ? error.message : String(error);
    } finally {
      busy.value = false;
      await read();
    }
  };

  const v = view.value;
  if (!v) return null;
  const optionsUrl = (hash: string) => browser.runtime.getURL(`/options.html${hash}` as '/options.html');
  return (
    <section class="sync" aria-labelledby="sync-heading" data-testid="sync-status">
      <style>{SYNC_CSS}</style>
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      {v.sources.length === 0 ? (
        <p class="hint">
          <a href={optionsUrl('#/sources')} target="_blank" rel="noreferrer">
            {t('syncNoSources')}
          </a>
        </p>
      ) : (
        <>
          <ul class="sync-sources">
            {v.sources.map((s) => (
              <SourceLine key={s.id} source={s} />
            ))}
          </ul>
          <button type="button" class="sync-now" onClick={syncNow} disabled={busy.value} aria-busy={busy.value} data-testid="sync-now">
            {busy.value ? t('syncRunning') : t('syncNow')}
          </button>
        </>
      )}
      {failure.value ? <p class="error" role="alert">{failure.value}</p> : null}
      {v.changes.length > 0 ? (
        <>
          <h2>{t('syncChanges')}</h2>
          <ul class="sync-changes" data-testid="sync-changes">
            {v.changes.map((c) => (
              <li key={c.id}>
                <a href={optionsUrl(`#/accounts/${encodeURIComponent(c.accountId)}`)} target="_blank" rel="noreferrer">
                  {c.name}
                </a>{' '}
                <span>{c.text}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const SYNC_CSS = `
.sync { border-top: 1px solid var(--line); margin-top: 12px; }
.sync ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
.sync-sources li { display: grid; gap: 1px; }
.sync-when { color: var(--muted); font-size: 11px; }
.sync-now { margin-top: 8px; font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--line); background: transparent; color: var(--fg); cursor: pointer; }
.sync-now:disabled { cursor: progress; opacity: 0.7; }
.sync-changes a { color: inherit; font-weight: 600; }
.sync-changes span { color: var(--muted); }
`;
