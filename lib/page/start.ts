// What every content script runs: the page runner wired to the background, the badges, per-site on/off,
// data-change refreshes, single-page-app navigation, theme changes, the popup's "this site" questions, and a
// clean exit when the extension is updated, disabled or removed under a page that stays open.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type BadgeLayer, createBadgeLayer } from '../../components/Badge';
import { type LookupRequest, type PageInfo, sendToBackground } from '../messaging';
import { missingRequiredSelectors, resetSelectorReport } from '../sites/select';
import type { SiteAdapter } from '../sites/types';
import { MARKS, type Runner, startRunner } from './runner';
import { isSiteEnabled, onDataChanged, onSiteToggled, onWholePageScanChanged, wholePageScanOnApps } from './settings';
import { pageTheme, watchTheme } from './theme';
import { intersectionViewport } from './viewport';

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

/** What Chrome says to a content script whose extension was reloaded, updated or removed. */
const CONTEXT_GONE = /context invalidated/i;

export async function startOnPage(ctx: ContentScriptContext, setup: PageSetup): Promise<void> {
  performance.mark(MARKS.inject);
  const hostname = location.hostname;
  let runner: Runner | null = null;
  let badges: BadgeLayer | null = null;
  let themeWatch: AbortController | null = null;
  // On a site the user added the whole-page scan is the point; on a built-in app it is the fallback (a setting).
  let [enabled, fallback] = await Promise.all([isSiteEnabled(hostname, setup.site?.id), setup.site ? wholePageScanOnApps() : true]);
  // WXT notices a vanished extension only when asked: ask before every scan, and after every failed lookup.
  const alive = () => ctx.isValid;

  const lookup = async (request: LookupRequest) => {
    try {
      return await sendToBackground('lookup', request);
    } catch (error) {
      if (CONTEXT_GONE.test(error instanceof Error ? error.message : String(error))) ctx.abort('extension context invalidated');
      throw error;
    }
  };

  const start = () => {
    if (runner || !alive()) return;
    // Read before the first badge goes in: after a DOM write, reading a style forces a style pass.
    const theme = pageTheme(document);
    const layer = createBadgeLayer(document, { theme, onOpenAccount: (accountId) => void sendToBackground('openAccount', { accountId }) });
    themeWatch = new AbortController();
    watchTheme(document, theme, (next) => layer.setTheme(next), themeWatch.signal);
    badges = layer;
    runner = startRunner({
      adapters: setup.site ? [setup.site] : [],
      fallback: fallback ? setup.fallback : undefined,
      lookup,
      render: layer.render,
      onMissingSelectors: setup.site ? () => reportMissingSelectors(setup.site!) : undefined,
      signal: ctx.signal,
      alive,
      viewport: intersectionViewport,
    });
  };
  const stop = () => {
    runner?.stop();
    runner = null;
    badges?.destroy();
    badges = null;
    themeWatch?.abort();
    themeWatch = null;
  };

  ctx.onInvalidated(stop);
  ctx.onInvalidated(onSiteToggled(hostname, setup.site?.id, (on) => ((enabled = on) ? start() : stop())));
  ctx.onInvalidated(onDataChanged(() => runner?.refresh()));
  if (setup.site) {
    ctx.onInvalidated(
      onWholePageScanChanged((on) => {
        fallback = on;
        if (runner) (stop(), start());
      }),
    );
  }
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    badges?.setTheme(pageTheme(document));
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
