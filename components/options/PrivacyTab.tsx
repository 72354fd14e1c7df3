// What Healthmark keeps and sends: its tables (with row counts on request: counting walks every row, seconds at
// 100k accounts and their history), the settings it keeps outside the database, the configured sources (the only
// places anything is fetched from), what pages send (identifiers only, to the extension itself), "Delete all data".
import { useEffect, useRef, useState } from 'preact/hooks';
import { type TableName, getMeta } from '../../lib/data/db';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { DataStatus } from '../../lib/messaging';
import { ask, db, useLive } from './live';

// Every table must be named here (the type says so): a new one is not listed by its bare key.
const TABLE_LABELS: Record<TableName, () => string> = {
  accounts: () => t('tableAccounts'),
  identities: () => t('tableIdentities'),
  metrics: () => t('tableMetrics'),
  configs: () => t('tableConfigs'),
  scores: () => t('tableScores'),
  history: () => t('tableHistory'),
  meta: () => t('tableMeta'),
  overrides: () => t('tableOverrides'),
  sources: () => t('tableSources'),
  syncLog: () => t('tableSyncLog'),
  changes: () => t('tableChanges'),
  outcomes: () => t('tableOutcomes'),
};

const loadPrivacy = async () => ({
  sources: await db.sources.toArray(),
  mode: (await getMeta<DataStatus['mode']>(db, 'dataMode')) ?? 'empty',
});

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function PrivacyTab() {
  const live = useLive(loadPrivacy, []);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<string, number> | 'counting' | null>(null);
  const countRows = async () => {
    setCounts('counting');
    setCounts(Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const))));
  };
  const cancel = useRef<HTMLButtonElement>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  // Keyboard focus follows the flow: to Cancel (the safe choice) when asked to confirm, then to the outcome.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (message) notice.current?.focus();
  }, [message]);
  const run = async (action: 'deleteAllData' | 'loadDemo', done: string) => {
    try {
      await ask(action, {});
      setMessage(done);
    } catch (error) {
      setMessage(t('privacyFailed', errorMessage(error)));
    }
    setConfirming(false);
    if (counts !== null) await countRows();
  };
  if (live.state !== 'ready') return live.state === 'error' ? <p role="alert" class="error">{live.message}</p> : <p aria-busy="true">{t('popupLoading')}</p>;
  const { sources, mode } = live.value;
  const shown = typeof counts === 'object' ? counts : null;
  return (
    <div class="privacy">
      <section class="panel" aria-labelledby="stored-title">
        <h2 id="stored-title">{t('privacyStoredTitle')}</h2>
        <p>{t('privacyStoredIntro')}</p>
        <table class="counts" data-testid="table-counts">
          <thead><tr><th scope="col">{t('privacyTable')}</th><th scope="col" class="num">{t('privacyRows')}</th></tr></thead>
          <tbody>
            {db.tables.map(({ name }) => (
              <tr key={name} data-table={name}><th scope="row">{TABLE_LABELS[name as TableName]?.() ?? name}</th><td class="num">{shown ? (shown[name] ?? 0).toLocaleString() : '–'}</td></tr>
            ))}
          </tbody>
        </table>
        <p class="counts-action">
          <button type="button" onClick={() => void countRows()} disabled={counts === 'counting'} aria-busy={counts === 'counting'}>
            {counts === 'counting' ? t('privacyCounting') : shown ? t('privacyRecount') : t('privacyCount')}
          </button>
          <span class="visually-hidden" role="status">{shown ? t('privacyCounted') : ''}</span>
        </p>
        <p class="muted">{t('privacySettingsNote')}</p>
      </section>
      <section class="panel" aria-labelledby="sent-title">
        <h2 id="sent-title">{t('privacySentTitle')}</h2>
        <p>{t('privacyPages')}</p>
        {sources.length ? (
          <>
            <p>{t('privacySources')}</p>
            <ul>
              {sources.map((s) => <li key={s.id}><code>{hostOf(s.url)}</code> · {s.kind === 'config' ? t('privacySourceConfig') : t('privacySourceMetrics')}</li>)}
            </ul>
          </>
        ) : (
          <p data-testid="no-sources">{t('privacyNoSources')}</p>
        )}
        <p class="muted">{t('privacyNothingElse')}</p>
      </section>
      <section class="panel danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('privacyDeleteTitle')}</h2>
        {message ? <p role="status" class="notice" tabIndex={-1} ref={notice}>{message}</p> : null}
        {confirming ? (
          <div role="group" aria-labelledby="delete-confirm-text" class="confirm">
            <p id="delete-confirm-text"><strong>{t('privacyDeleteConfirm')}</strong></p>
            <button type="button" class="danger" onClick={() => run('deleteAllData', t('privacyDeleted'))}>{t('privacyDeleteYes')}</button>
            <button type="button" ref={cancel} onClick={() => setConfirming(false)}>{t('privacyCancel')}</button>
          </div>
        ) : (
          <>
            <p>{t('privacyDeleteIntro')}</p>
            <button type="button" class="danger" onClick={() => setConfirming(true)}>{t('privacyDelete')}</button>
          </>
        )}
        {mode === 'empty' ? (
          <p>
            <button type="button" onClick={() => run('loadDemo', t('privacyDemoLoaded'))}>{t('privacyLoadDemo')}</button>
          </p>
        ) : null}
      </section>
    </div>
  );
}
