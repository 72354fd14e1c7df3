// One account: the same card as in pages, 90 days of score history, the attributes and the metric values with
// their dates (stale ones marked), and the override form or the override in force with a way to remove it.
// An override never shows past its expiry: one found expired is expired by the background before it is shown,
// and one that expires while the view is open is expired at that moment.
import { useEffect, useState } from 'preact/hooks';
import { isoDayBefore, isoDayOf } from '../../lib/dates';
import { activeConfig } from '../../lib/data/status';
import { readSummaries } from '../../lib/data/summary';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messaging';
import { HistoryChart } from '../HistoryChart';
import { ScoreCard } from '../ScoreCard';
import { attributeLabel, attributeValue } from './attributes';
import { ask, db, useLive } from './live';
import { MetricsTable } from './MetricsTable';
import { OverrideForm } from './OverrideForm';
import { routeHash } from './route';

const HISTORY_DAYS = 90;
/** Longer waits are left to the background's alarm (a timer this long would only drift). */
const LONGEST_EXPIRY_WAIT_MS = 24 * 3_600_000;

const expired = (override: { expiresAt: string } | null | undefined, now = Date.now()) => !!override && Date.parse(override.expiresAt) <= now;

async function loadAccount(accountId: string, retry = true): Promise<Awaited<ReturnType<typeof readAccount>>> {
  const loaded = await readAccount(accountId);
  if (retry && expired(loaded.summary?.override)) {
    await sendToBackground('expireOverrides', {});
    return loadAccount(accountId, false);
  }
  return loaded;
}

async function readAccount(accountId: string) {
  const today = isoDayOf(new Date());
  const since = isoDayBefore(new Date(), HISTORY_DAYS);
  const [account, [summary], metrics, active, history] = await Promise.all([
    db.accounts.get(accountId),
    readSummaries(db, [accountId]),
    db.metrics.get(accountId),
    activeConfig(db),
    db.history.where('[accountId+day]').between([accountId, since], [accountId, today], true, true).toArray(),
  ]);
  return { account, summary, metrics: metrics?.values ?? {}, config: active?.config ?? null, history, today };
}

export function AccountDetail({ accountId }: { accountId: string }) {
  const live = useLive(() => loadAccount(accountId), [accountId]);
  const [message, setMessage] = useState<string | null>(null);
  const override = live.state === 'ready' ? live.value.summary?.override : null;
  useEffect(() => {
    const wait = override ? Date.parse(override.expiresAt) - Date.now() : Infinity;
    if (!(wait < LONGEST_EXPIRY_WAIT_MS)) return;
    const timer = setTimeout(() => void ask('expireOverrides', {}), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [override?.expiresAt]);

  const back = <a class="back" href={routeHash('accounts')}>{t('accountBack')}</a>;
  if (live.state === 'loading') return <p aria-busy="true">{t('popupLoading')}</p>;
  if (live.state === 'error') return <p role="alert" class="error">{live.message}</p>;
  const { account, summary, metrics, config, history, today } = live.value;
  if (!account || !summary) return <section>{back}<p role="alert">{t('accountMissing', accountId)}</p></section>;

  const remove = async () => {
    try {
      await ask('removeOverride', { accountId });
      setMessage(t('overrideRemoved'));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const current = summary.override;

  return (
    <section class="account" aria-labelledby="account-title">
      {back}
      <h2 id="account-title">{account.name}</h2>
      <p class="muted">{[...account.domains, ...account.contacts].join(' · ')}</p>
      <div class="account-grid">
        <div class="card-slot">
          <ScoreCard summary={summary} full={false} />
        </div>
        <div>
          <h3>{t('accountHistory')}</h3>
          <HistoryChart
            points={history}
            today={today}
            days={HISTORY_DAYS}
            bands={(config?.tiers ?? []).map((x) => ({ min: x.min, max: x.max, color: x.color, label: x.label }))}
          />
          <h3>{t('accountAttributes')}</h3>
          <dl class="attributes">
            {Object.entries(account.attributes).map(([key, value]) => (
              <div key={key}><dt title={key}>{attributeLabel(key)}</dt><dd>{attributeValue(value)}</dd></div>
            ))}
          </dl>
        </div>
      </div>
      <h3>{t('accountMetrics')}</h3>
      <MetricsTable metrics={metrics} config={config} today={today} />
      <div class="override-box">
        {message ? <p role="status" class="notice">{message}</p> : null}
        {current ? (
          <div data-testid="override-current">
            <h3>{t('overrideCurrentTitle')}</h3>
            <p>{t('cardOverride', current.author, current.reason, new Date(current.expiresAt).toLocaleDateString())}</p>
            {current.computedScore !== undefined ? (
              <p class="muted" data-testid="override-computed">
                {current.computedScore === null || !current.computedTier
                  ? t('overrideComputedNone')
                  : t('overrideComputed', current.computedScore, current.computedTier.label)}
              </p>
            ) : null}
            <button type="button" onClick={remove}>{t('overrideRemove')}</button>
          </div>
        ) : config ? (
          <OverrideForm accountId={accountId} tiers={config.tiers} onSaved={() => setMessage(t('overrideSaved'))} />
        ) : null}
      </div>
    </section>
  );
}
