// The toolbar popup: which data Healthmark is using (demo or synced), how many accounts, which scoring config,
// how the accounts spread over tiers and what the last update changed. The status is one stored row (every write
// stores the status it leaves, lib/data/status.ts), read on open and again whenever the background announces new
// data: its writes do not reach a Dexie liveQuery in this page, and it broadcasts the status with its changes.
import { useSignal, useSignalEffect } from '@preact/signals';
import { type ChangesFeed as Feed, changesSinceLastApply } from '../../lib/data/changes';
import { errorMessage } from '../../lib/errors';
import { plural, t } from '../../lib/i18n';
import { type DataStatus, onBroadcast, sendToBackground } from '../../lib/messaging';
import { onDataChanged } from '../../lib/page/settings';
import { CardStyles } from '../CardStyles';
import { ModeChip } from '../ModeChip';
import { TierBar } from '../TierBar';
import { AccountSearch } from './AccountSearch';
import { ChangesFeed, SHOWN_CHANGES } from './ChangesFeed';
import { db, popupStatus } from './popup-db';
import { SyncStatus } from './SyncStatus';
import { ThisSite } from './ThisSite';

export function Popup() {
  const status = useSignal<DataStatus | null>(null);
  const feed = useSignal<Feed | null>(null);
  const error = useSignal<string | null>(null);
  useSignalEffect(() => {
    const fail = (e: unknown) => (error.value = errorMessage(e));
    const read = () =>
      popupStatus()
        .then((s) => {
          status.value = s;
          return changesSinceLastApply(db, SHOWN_CHANGES, s.alerts);
        })
        .then((f) => (feed.value = f), fail);
    read();
    // An override past its expiry goes before the popup's search shows it (its alarm may not have fired yet).
    sendToBackground('expireOverrides', {}).catch(fail);
    const stops = [onDataChanged(read), onBroadcast('statusChanged', read)];
    return () => stops.forEach((stop) => stop());
  });

  const s = status.value;
  return (
    <main class="popup">
      <CardStyles />
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
          <div class="facts">
            <p class="count" data-testid="account-count">{plural(s.accountCount, 'popupAccountsOne', 'popupAccounts')}</p>
            <p data-testid="config-name">{s.config ? t('popupConfig', s.config.name, s.config.version) : t('popupNoConfig')}</p>
            {s.updatedAt ? <p class="updated">{t('popupUpdated', new Date(s.updatedAt).toLocaleString())}</p> : null}
          </div>
          <h2>{t('popupTiers')}</h2>
          <TierBar tiers={s.tiers} insufficient={s.insufficient} insufficientLabel={t('popupInsufficient')} />
          {feed.value ? <ChangesFeed feed={feed.value} /> : null}
          {s.accountCount > 0 ? <AccountSearch /> : null}
        </>
      )}
      <SyncStatus />
      <ThisSite />
    </main>
  );
}
