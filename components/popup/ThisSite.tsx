// "This site" in the popup: whether Healthmark runs on the current tab, with which adapter, how many badges it
// shows, and a switch to turn badges off (or on again) for this site.
import { useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { type PageInfo, sendToTab } from '../../lib/messaging';
import { setSiteEnabled } from '../../lib/page/settings';

/** The tab the popup is about: the active one, or `popup.html?tab=<id>` (opening the popup as a page). */
async function targetTab(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function ThisSite() {
  const info = useSignal<PageInfo | null | undefined>(undefined);
  const tabId = useSignal<number | null>(null);
  const ask = async () => {
    if (tabId.value === null) tabId.value = await targetTab();
    info.value = tabId.value === null ? null : await sendToTab(tabId.value, 'pageInfo', {});
  };
  useSignalEffect(() => {
    void ask();
    const timer = setInterval(() => void ask(), 1000); // the badge count follows the page
    return () => clearInterval(timer);
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
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={i.enabled}
              data-testid="site-toggle"
              onChange={async (e) => {
                await setSiteEnabled(i.hostname, (e.currentTarget as HTMLInputElement).checked);
                setTimeout(() => void ask(), 200);
              }}
            />
            <span>{t('popupSiteShowBadges', i.hostname)}</span>
          </label>
          <p class="hint" data-testid="site-info">
            {i.site ? t('popupSiteAdapter', i.site) : t('popupSiteGeneric')} · {t('popupSiteBadges', i.badges)}
          </p>
        </>
      )}
    </section>
  );
}
