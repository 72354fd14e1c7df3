// "This site" in the popup: whether Healthmark runs on the current tab, with which adapter, how many badges it
// shows, and a switch to turn badges off (or on again) for this site.
import { useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { plural, t } from '../../lib/i18n';
import { type PageInfo, sendToTab } from '../../lib/messaging';
import { setSiteEnabled } from '../../lib/page/settings';
import { Switch } from '../Switch';

/** The tab the popup is about: the active one, or `popup.html?tab=<id>` (opening the popup as a page). */
async function targetTab(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * After an event that changes what the page shows (it loaded, a site switch, new scores), the page answers its
 * lookups and places badges over the next moments: asked again at these delays, the count settles.
 */
const SETTLE_MS = [150, 600, 1500, 3000];

export function ThisSite() {
  const info = useSignal<PageInfo | null | undefined>(undefined);
  const tabId = useSignal<number | null>(null);
  const ask = async () => {
    if (tabId.value === null) tabId.value = await targetTab();
    info.value = tabId.value === null ? null : await sendToTab(tabId.value, 'pageInfo', {});
  };
  useSignalEffect(() => {
    let timers: ReturnType<typeof setTimeout>[] = [];
    const settle = () => {
      timers.forEach(clearTimeout);
      timers = SETTLE_MS.map((ms) => setTimeout(() => void ask(), ms));
    };
    const onTab = (id: number, change: { status?: string }) => id === tabId.value && change.status === 'complete' && settle();
    const onStorage = (_changes: unknown, area: string) => area === 'local' && settle();
    browser.tabs.onUpdated.addListener(onTab);
    browser.storage.onChanged.addListener(onStorage);
    void ask().then(settle);
    return () => {
      timers.forEach(clearTimeout);
      browser.tabs.onUpdated.removeListener(onTab);
      browser.storage.onChanged.removeListener(onStorage);
    };
  });

  const i = info.value;
  if (i === undefined) return null;
  return (
    <section class="site" aria-labelledby="site-heading">
      <h2 id="site-heading">{t('popupThisSite')}</h2>
      {i === null ? (
        <p class="hint" data-testid="site-none">{t('popupSiteNotRunning')}</p>
      ) : (
        <>
          <Switch label={t('popupSiteShowBadges', i.hostname)} on={i.enabled} testId="site-toggle" onChange={(on) => setSiteEnabled(i.hostname, on)} />
          <p class="hint" data-testid="site-info">
            {i.site ? t('popupSiteAdapter', i.site) : t('popupSiteGeneric')} · {plural(i.badges, 'popupSiteBadgesOne', 'popupSiteBadges')}
          </p>
        </>
      )}
    </section>
  );
}
