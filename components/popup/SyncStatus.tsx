// Sync in the popup: each source's last success, next attempt and last error in plain words, and "Sync now"
// with the step the sync has reached (also for a scheduled sync already running when the popup opens). The
// popup's changes feed (ChangesFeed) shows what a sync changed.
import { useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { SourceRow } from '../../lib/data/db';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { type SyncProgress, onBroadcast, sendToBackground } from '../../lib/messaging';
import { onDataChanged } from '../../lib/page/settings';
import { db } from './popup-db';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : t('syncNever'));
const kindLabel = (kind: SourceRow['kind']) => (kind === 'config' ? t('syncKindConfig') : t('syncKindMetrics'));

function SourceLine({ source }: { source: SourceRow }) {
  return (
    <li data-testid={`sync-source-${source.id}`}>
      <strong>{kindLabel(source.kind)}</strong>
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

const progressText = (p: SyncProgress) => t(p.phase === 'fetching' ? 'syncProgressFetching' : 'syncProgressApplying', kindLabel(p.kind));

export function SyncStatus() {
  const sources = useSignal<SourceRow[] | null>(null);
  const progress = useSignal<SyncProgress | null>(null);
  const asked = useSignal(false); // "Sync now" pressed and not answered yet
  const failure = useSignal<string | null>(null);
  const fail = (e: unknown) => (failure.value = errorMessage(e));
  // Re-read when the background says something changed: its writes do not reach a liveQuery in this page.
  const read = () => db.sources.toArray().then((s) => (sources.value = s), fail);
  useSignalEffect(() => {
    void read();
    sendToBackground('getSyncProgress', {}).then((p) => (progress.value = p), fail);
    const stops = [
      onDataChanged(read),
      onBroadcast('statusChanged', read),
      onBroadcast('syncProgress', (p) => {
        progress.value = p;
        if (!p) void read(); // the attempt's outcome is stored by the time the sync says it has ended
      }),
    ];
    return () => stops.forEach((stop) => stop());
  });
  const syncNow = async () => {
    asked.value = true;
    failure.value = null;
    try {
      await sendToBackground('syncNow', {});
    } catch (error) {
      fail(error);
    } finally {
      asked.value = false;
      await read();
    }
  };

  const list = sources.value;
  if (!list) return null;
  const running = progress.value;
  const busy = asked.value || running !== null;
  const optionsUrl = (hash: string) => browser.runtime.getURL(`/options.html${hash}` as '/options.html');
  return (
    <section class="sync" aria-labelledby="sync-heading" data-testid="sync-status">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      {list.length === 0 ? (
        <p class="hint">
          <a href={optionsUrl('#/sources')} target="_blank" rel="noreferrer">
            {t('syncNoSources')}
          </a>
        </p>
      ) : (
        <>
          <ul class="sync-sources">
            {list.map((s) => (
              <SourceLine key={s.id} source={s} />
            ))}
          </ul>
          <button type="button" class="sync-now" onClick={syncNow} disabled={busy} aria-busy={busy} data-testid="sync-now">
            {busy ? t('syncRunning') : t('syncNow')}
          </button>
          <p class="sync-progress" role="status" data-testid="sync-progress">
            {running ? progressText(running) : ''}
          </p>
        </>
      )}
      {failure.value ? <p class="error" role="alert">{failure.value}</p> : null}
    </section>
  );
}
