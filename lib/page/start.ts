// What every content script runs: the page runner wired to the background, the badge renderer, per-site on/off,
// data-change refreshes, single-page-app navigation and the popup's "this site" questions.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountBadge } from '../../components/Badge';
import { type PageInfo, sendToBackground } from '../messaging';
import { missingRequiredSelectors, resetSelectorReport } from '../sites/select';
import type { SiteAdapter } from '../sites/types';
import { type Runner, startRunner } from './runner';
import { isSiteEnabled, onDataChanged, onSiteToggled } from './settings';
import { pageTheme } from './theme';

export interface PageSetup {
  /** The host app's adapter, or null on pages where only the generic scan runs. */
  site: SiteAdapter | null;
  fallback: SiteAdapter;
}

function reportMissingSelectors(site: SiteAdapter) {
  const missing = missingRequiredSelectors();
  // Names only: never page content.
  if (missing.length) console.warn(`Healthmark (${site.label}): required selectors matched nothing on this view: ${missing.join(', ')}`);
}

export async function startOnPage(ctx: ContentScriptContext, setup: PageSetup): Promise<void> {
  const hostname = location.hostname;
  let runner: Runner | null = null;
  let enabled = await isSiteEnabled(hostname, setup.site?.id);
  let theme: 'light' | 'dark' | null = null;

  const start = () => {
    if (runner || ctx.isInvalid) return;
    runner = startRunner({
      adapters: setup.site ? [setup.site] : [],
      fallback: setup.fallback,
      lookup: (request) => sendToBackground('lookup', request),
      render: (host, summary) => {
        // Read once per view: reading styles between badge insertions would force a style pass each time.
        theme ??= pageTheme(document);
        mountBadge(host, { summary, theme, onOpenAccount: (accountId) => void sendToBackground('openAccount', { accountId }) });
      },
      onMissingSelectors: setup.site ? () => reportMissingSelectors(setup.site!) : undefined,
      signal: ctx.signal,
    });
  };
  const stop = () => {
    runner?.stop();
    runner = null;
  };

  ctx.onInvalidated(onSiteToggled(hostname, setup.site?.id, (on) => ((enabled = on) ? start() : stop())));
  ctx.onInvalidated(onDataChanged(() => runner?.refresh()));
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    theme = null;
    resetSelectorReport();
    runner?.navigated();
  });
  const answer = (message: unknown): Promise<PageInfo> | undefined => {
    if ((message as { type?: string } | null)?.type !== 'pageInfo') return undefined;
    return Promise.resolve({ hostname, site: setup.site?.label ?? null, enabled, badges: runner?.count() ?? 0 });
  };
  browser.runtime.onMessage.addListener(answer);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answer));
  if (enabled) start();
}
