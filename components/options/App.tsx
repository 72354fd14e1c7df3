// The options page shell: a header with the data state, a tab list (arrow keys, Home/End) and one panel per
// tab, routed by the URL hash (#/scoring, #/accounts/<id>, …) so links open a tab or an account.
// A new tab registers with one line in TABS.
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { getMeta } from '../../lib/data/db';
import { activeConfig } from '../../lib/data/status';
import { t } from '../../lib/i18n';
import type { DataStatus } from '../../lib/messaging';
import { CardStyles } from '../CardStyles';
import { ModeChip } from '../ModeChip';
import { AccountsTab } from './AccountsTab';
import { ask, db, useLive } from './live';
import { PrivacyTab } from './PrivacyTab';
import { type Route, routeHash, useRoute } from './route';
import { BACKTEST, ScoringTab } from './ScoringTab';
import { SitesTab } from './SitesTab';
import { SourcesTab } from './SourcesTab';

export interface OptionsTab {
  key: string;
  label: () => string;
  render: (route: Route) => JSX.Element;
}

export const TABS: OptionsTab[] = [
  { key: 'scoring', label: () => t('optionsTabScoring'), render: (route) => <ScoringTab backtest={route.id === BACKTEST} /> },
  { key: 'accounts', label: () => t('optionsTabAccounts'), render: (route) => <AccountsTab accountId={route.id} query={route.query} /> },
  { key: 'sources', label: () => t('optionsTabSources'), render: () => <SourcesTab /> },
  { key: 'sites', label: () => t('optionsTabSites'), render: () => <SitesTab /> },
  { key: 'privacy', label: () => t('optionsTabPrivacy'), render: () => <PrivacyTab /> },
];

const TAB_KEYS = TABS.map((tab) => tab.key);

/** Data mode and active config: cheap reads only (counting 100k rows would hold up the tabs' own queries). */
const loadHeader = async () => ({ mode: (await getMeta<DataStatus['mode']>(db, 'dataMode')) ?? 'empty', config: (await activeConfig(db))?.config ?? null });

function StatusLine() {
  const live = useLive(loadHeader, []);
  if (live.state !== 'ready') return null;
  const { mode, config } = live.value;
  return (
    <p class="status-line" data-testid="options-status">
      <ModeChip mode={mode} /> {config ? t('popupConfig', config.name, config.version) : t('popupNoConfig')}
    </p>
  );
}

export function App() {
  const route = useRoute(TAB_KEYS);
  const tabList = useRef<HTMLDivElement>(null);
  const index = Math.max(0, TABS.findIndex((tab) => tab.key === route.tab));
  const current = TABS[index]!;
  useEffect(() => {
    document.title = `${current.label()} · ${t('extName')}`;
  }, [current]);
  // Overrides past their expiry go before the tabs show them (the background's alarm may not have fired yet).
  useEffect(() => void ask('expireOverrides', {}).catch((e: unknown) => console.error('Healthmark: expiring overrides failed:', e)), []);

  const select = (i: number) => {
    const tab = TABS[(i + TABS.length) % TABS.length]!;
    location.hash = routeHash(tab.key);
    tabList.current?.querySelector<HTMLElement>(`#tab-${tab.key}`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // From the tab that has focus (select() moves it at once), not the rendered route: keys pressed in quick
    // succession arrive before the hash change has re-rendered the tabs.
    const from = TABS.findIndex((tab) => `tab-${tab.key}` === (e.target as HTMLElement).id);
    const at = from >= 0 ? from : index;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    select(moves[e.key]!);
  };

  return (
    <div class="options">
      <CardStyles />
      <header class="top">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{t('optionsTitle')}</h1>
        <StatusLine />
      </header>
      <div role="tablist" aria-label={t('optionsTabs')} class="tabs" ref={tabList} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <a
            key={tab.key}
            id={`tab-${tab.key}`}
            role="tab"
            href={routeHash(tab.key)}
            aria-selected={tab.key === current.key}
            aria-controls={`panel-${tab.key}`}
            tabIndex={tab.key === current.key ? 0 : -1}
          >
            {tab.label()}
          </a>
        ))}
      </div>
      <main role="tabpanel" id={`panel-${current.key}`} aria-labelledby={`tab-${current.key}`} class="panel-host">
        {current.render(route)}
      </main>
    </div>
  );
}
