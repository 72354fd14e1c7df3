// The toolbar popup: which data Healthmark is using (demo or synced), how many accounts, which scoring config,
// and how the accounts spread over tiers. Reads the status once (remembered while the data is unchanged, see
// status-cache.ts), then again whenever the background announces new data: its writes do not reach a Dexie
// liveQuery in this page (a popup opened during the first seeding kept showing 0 accounts), and it broadcasts the
// status with every change it makes.
import { useSignal, useSignalEffect } from '@preact/signals';
import { openDb } from '../../lib/data/db';
import { t } from '../../lib/i18n';
import { type DataStatus, onBroadcast } from '../../lib/messaging';
import { onDataChanged } from '../../lib/page/settings';
import { TierBar } from '../TierBar';
import { AccountSearch } from './AccountSearch';
import { popupStatus } from './status-cache';
import { SyncStatus } from './SyncStatus';
import { ThisSite } from './ThisSite';

const db = openDb();

function ModeChip({ mode }: { mode: DataStatus['mode'] }) {
  const text = mode === 'demo' ? t('popupModeDemo') : mode === 'synced' ? t('popupModeSynced') : t('popupModeEmpty');
  return <span class={`chip chip-${mode}`} data-mode={mode}>{text}</span>;
}

export function Popup() {
  const status = useSignal<DataStatus | null>(null);
  const error = useSignal<string | null>(null);
  useSignalEffect(() => {
    const read = () =>
      popupStatus(db).then(
        (s) => (status.value = s),
        (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
      );
    void read();
    const stops = [onDataChanged(() => void read()), onBroadcast('statusChanged', (s) => (status.value = s))];
    return () => stops.forEach((stop) => stop());
  });

  const s = status.value;
  return (
    <main class="popup">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('popupTitle')}</h1>
        {s ? <ModeChip mode={s.mode} /> : null}
      </header>
      {error.value ? <p role="alert" class="error">{t('popupError', error.value)}</p> : null}
      {!s ? (
        <p aria-busy="true">{t('popupLoading')}</p>
      ) : (
        <>
          {s.mode === 'demo' ? <p class="hint">{t('popupDemoHint')}</p> : null}
          <dl class="facts">
            <div>
              <dt class="visually-hidden">{t('popupAccounts', '')}</dt>
              <dd data-testid="account-count">{t('popupAccounts', s.accountCount.toLocaleString())}</dd>
            </div>
            <div>
              <dd data-testid="config-name">{s.config ? t('popupConfig', s.config.name, s.config.version) : t('popupNoConfig')}</dd>
            </div>
          </dl>
          <h2>{t('popupTiers')}</h2>
          <TierBar tiers={s.tiers} insufficient={s.insufficient} insufficientLabel={t('popupInsufficient')} />
          {s.accountCount > 0 ? <AccountSearch /> : null}
          {s.updatedAt ? <p class="updated">{t('popupUpdated', new Date(s.updatedAt).toLocaleString())}</p> : null}
        </>
      )}
      <SyncStatus />
      <ThisSite />
    </main>
  );
}
