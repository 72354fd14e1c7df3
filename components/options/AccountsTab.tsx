// The accounts tab: every account in a virtualised table with search, filters and sorting; a row opens the
// account view (#/accounts/<id>).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { changedAccountIds } from '../../lib/data/changes';
import { getMeta } from '../../lib/data/db';
import { activeConfig } from '../../lib/data/status';
import { plural, t } from '../../lib/i18n';
import { ScorePill } from '../ScorePill';
import { type Column, VirtualTable } from '../VirtualTable';
import { AccountDetail } from './AccountDetail';
import { type AccountFilter, type AccountListRow, INSUFFICIENT, type LoadStage, NO_FILTER, type SortKey, type SortOrder, filterRows, loadAccountRows, sortRows } from './account-rows';
import { db, useLive } from './live';
import { routeHash } from './route';

/** `?changed` (the popup's "see all changes") starts the list filtered to the accounts the last sync changed. */
export function AccountsTab({ accountId, query }: { accountId: string | null; query: Record<string, string> }) {
  return accountId ? <AccountDetail accountId={accountId} /> : <AccountList changedOnly={'changed' in query} />;
}

/** Changes when scores may have changed (a data refresh, a config apply, an override), so the list reloads. */
const dataVersion = async () => JSON.stringify([await getMeta(db, 'updatedAt'), await getMeta(db, 'activeConfigId'), await db.overrides.toArray()]);

interface Loaded {
  key: string;
  rows: AccountListRow[];
  stage: LoadStage;
}

/** The last rows loaded, kept while the page is open: coming back from an account shows the list at once. */
let loaded: Loaded | null = null;

function useAccountRows(): { rows: AccountListRow[]; stage: LoadStage } {
  const version = useLive(dataVersion, []);
  const [state, setState] = useState<{ rows: AccountListRow[]; stage: LoadStage }>(() => loaded ?? { rows: [], stage: 'accounts' });
  const key = version.state === 'ready' ? version.value : null;
  useEffect(() => {
    if (key === null) return;
    if (loaded?.key === key && loaded.stage === 'done') return setState(loaded);
    const previous = loaded;
    const controller = new AbortController();
    const onRows = (rows: AccountListRow[], stage: LoadStage) => {
      loaded = { key, rows, stage };
      // A reload keeps the previous rows on screen until every account is listed again.
      if (!previous || stage !== 'accounts') setState(loaded);
    };
    loadAccountRows(db, onRows, controller.signal).catch((e: unknown) => console.error('Healthmark: loading accounts failed:', e));
    return () => controller.abort();
  }, [key]);
  return state;
}

function Trend({ d7 }: { d7: number | null }) {
  if (d7 === null) return <span class="muted">–</span>;
  if (d7 === 0) return <span class="muted">0</span>;
  return <span class={d7 > 0 ? 'delta-up' : 'delta-down'} aria-label={d7 > 0 ? t('badgeTrendUp', d7) : t('badgeTrendDown', -d7)}>{d7 > 0 ? `▲ ${d7}` : `▼ ${-d7}`}</span>;
}

function Flags({ row }: { row: AccountListRow }) {
  const labels = row.flags.map((f) => f.label);
  const [first, ...rest] = labels;
  // One row high: the first flag, then how many more (all of them in the tooltip and for screen readers).
  return (
    <span class="flag-cell" title={labels.join(', ') || undefined}>
      {row.overridden ? <span class="chip chip-override">{t('accountsOverridden')}</span> : null}
      {first ? <span class="chip">{first}</span> : null}
      {rest.length ? (
        <>
          <span class="chip chip-more" aria-hidden="true">+{rest.length}</span>
          <span class="visually-hidden">{rest.join(', ')}</span>
        </>
      ) : null}
    </span>
  );
}

function AccountList({ changedOnly }: { changedOnly: boolean }) {
  const { rows, stage } = useAccountRows();
  const config = useLive(() => activeConfig(db), []);
  const changed = useLive(() => changedAccountIds(db), []);
  const [filter, setFilter] = useState<AccountFilter>({ ...NO_FILTER, changedOnly });
  useEffect(() => setFilter((f) => ({ ...f, changedOnly })), [changedOnly]);
  const [order, setOrder] = useState<SortOrder>({ key: 'score', descending: false });
  const changedIds = changed.state === 'ready' ? changed.value : undefined;
  const shown = useMemo(() => sortRows(filterRows(rows, filter, changedIds), order), [rows, filter, order, changedIds]);
  const c = config.state === 'ready' ? config.value?.config : undefined;
  const set = (patch: Partial<AccountFilter>) => setFilter({ ...filter, ...patch });
  const sortable = (key: SortKey) => ({
    sort: order.key === key ? (order.descending ? 'descending' : 'ascending') : 'none',
    onSort: () => setOrder({ key, descending: order.key === key ? !order.descending : key === 'trend' }),
  }) as const;
  const open = (row: AccountListRow) => (location.hash = routeHash('accounts', row.id));

  // Memoised: the table's rows re-render only when the columns change (a new sort order), not on every keystroke.
  const columns = useMemo((): Column<AccountListRow>[] => [
    { key: 'name', label: t('accountsColName'), width: 'minmax(160px, 2.2fr)', render: (r) => <a href={routeHash('accounts', r.id)} tabIndex={-1}>{r.name}</a>, ...sortable('name') },
    { key: 'score', label: t('accountsColScore'), width: '76px', align: 'end', render: (r) => <ScorePill score={r.score} tier={r.tier} />, ...sortable('score') },
    { key: 'tier', label: t('accountsColTier'), width: 'minmax(110px, 1fr)', render: (r) => r.tier?.label ?? t('popupInsufficient') },
    { key: 'trend', label: t('accountsColTrend'), width: '116px', align: 'end', render: (r) => (r.details ? <Trend d7={r.d7} /> : <span class="muted">…</span>), ...sortable('trend') },
    { key: 'renewal', label: t('accountsColRenewal'), width: '112px', render: (r) => r.renewal ?? <span class="muted">–</span>, ...sortable('renewal') },
    { key: 'scorecard', label: t('accountsColScorecard'), width: 'minmax(100px, 1fr)', render: (r) => r.scorecard?.label ?? '' },
    { key: 'flags', label: t('accountsColFlags'), width: 'minmax(140px, 1.6fr)', render: (r) => <Flags row={r} /> },
  ], [order]);

  return (
    <section class="accounts" aria-labelledby="accounts-title">
      <h2 id="accounts-title" class="visually-hidden">{t('optionsTabAccounts')}</h2>
      <div class="toolbar" role="search">
        <label class="grow">
          <span>{t('accountsSearch')}</span>
          <input type="search" value={filter.query} placeholder={t('accountsSearchPlaceholder')} onInput={(e) => set({ query: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('accountsColTier')}</span>
          <select value={filter.tier} onChange={(e) => set({ tier: e.currentTarget.value })}>
            <option value="">{t('accountsAll')}</option>
            {c?.tiers.map((x) => <option key={x.key} value={x.key}>{x.label}</option>)}
            <option value={INSUFFICIENT}>{t('popupInsufficient')}</option>
          </select>
        </label>
        <label>
          <span>{t('accountsColScorecard')}</span>
          <select value={filter.scorecard} onChange={(e) => set({ scorecard: e.currentTarget.value })}>
            <option value="">{t('accountsAll')}</option>
            {c?.scorecards.map((x) => <option key={x.key} value={x.key}>{x.label}</option>)}
          </select>
        </label>
        <label>
          <span>{t('accountsFlag')}</span>
          <select value={filter.flag} onChange={(e) => set({ flag: e.currentTarget.value })}>
            <option value="">{t('accountsAll')}</option>
            {c?.flags.map((x) => <option key={x.key} value={x.key}>{x.label}</option>)}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={filter.overriddenOnly} onChange={(e) => set({ overriddenOnly: e.currentTarget.checked })} />
          <span>{t('accountsOverriddenOnly')}</span>
        </label>
        {filter.changedOnly || (changedIds?.size ?? 0) > 0 ? (
          <label class="check">
            <input type="checkbox" checked={filter.changedOnly} onChange={(e) => set({ changedOnly: e.currentTarget.checked })} data-testid="changed-only" />
            <span>{t('accountsChangedOnly')}</span>
          </label>
        ) : null}
      </div>
      <p class="count" role="status" data-testid="accounts-count" data-stage={stage}>
        {stage === 'accounts' ? t('accountsLoading', rows.length.toLocaleString()) : plural(rows.length, 'accountsShownOne', 'accountsShown', shown.length.toLocaleString())}
        {stage === 'details' ? <span class="muted"> · {t('accountsLoadingDetails', rows.filter((r) => r.details).length.toLocaleString())}</span> : null}
      </p>
      {stage !== 'accounts' && rows.length === 0 ? (
        <p class="empty">{t('accountsNone')}</p>
      ) : (
        <VirtualTable rows={shown} rowKey={(r) => r.id} columns={columns} label={t('optionsTabAccounts')} onOpen={open} />
      )}
    </section>
  );
}
