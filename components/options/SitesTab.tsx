// Sites: the built-in host-app adapters (each can be turned off), the whole-page (generic) scan and how it relates
// to them, and the custom sites the user enables for that scan (a self-hosted helpdesk), each asked for its own
// host permission at the moment it is added.
import { useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { originPattern, siteOrigin } from '../../lib/background/custom-sites';
import { t } from '../../lib/i18n';
import { customSites, disabledAdapters, setAdapterEnabled, setCustomSite, setWholePageScanOnApps, wholePageScanOnApps } from '../../lib/page/settings';
import { SITE_ADAPTERS } from '../../lib/sites';
import { Switch } from '../Switch';

export function SitesTab() {
  const off = useSignal<string[]>([]);
  const custom = useSignal<string[]>([]);
  const wholePage = useSignal(true);
  const draft = useSignal('');
  const error = useSignal<string | null>(null);
  const reload = async () => {
    off.value = await disabledAdapters();
    custom.value = await customSites();
    wholePage.value = await wholePageScanOnApps();
  };
  useSignalEffect(() => {
    void reload();
  });

  const add = async (e: Event) => {
    e.preventDefault();
    const origin = siteOrigin(draft.value);
    if (!origin) return void (error.value = t('sitesInvalidOrigin', draft.value));
    // Must run straight from the click: browsers only show the permission prompt for a user gesture.
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
    if (!granted) return void (error.value = t('sitesPermissionDenied', origin));
    error.value = null;
    draft.value = '';
    await setCustomSite(origin, true);
    await reload();
  };
  const remove = async (origin: string) => {
    await setCustomSite(origin, false);
    await browser.permissions.remove({ origins: [originPattern(origin)] });
    await reload();
  };

  return (
    <section class="panel sites">
      <h2>{t('sitesBuiltIn')}</h2>
      <p class="hint">{t('sitesBuiltInHint')}</p>
      <ul class="site-list">
        {SITE_ADAPTERS.map((a) => (
          <li key={a.id}>
            <Switch
              label={a.label}
              on={!off.value.includes(a.id)}
              testId={`adapter-${a.id}`}
              onChange={(on) => {
                // Shown at once: a slower read finishing after a second click must not flip it back.
                off.value = on ? off.value.filter((id) => id !== a.id) : [...off.value, a.id];
                return setAdapterEnabled(a.id, on);
              }}
            />
            <span class="patterns">{a.matches.map((m) => <code key={m}>{m}</code>)}</span>
          </li>
        ))}
      </ul>
      <h2>{t('sitesWholePage')}</h2>
      <p class="hint">{t('sitesWholePageHint')}</p>
      <Switch
        label={t('sitesWholePageOnApps')}
        on={wholePage.value}
        testId="whole-page-on-apps"
        describedBy="whole-page-detail"
        onChange={(on) => {
          wholePage.value = on;
          return setWholePageScanOnApps(on);
        }}
      />
      <p class="hint" id="whole-page-detail">{t('sitesWholePageDetail')}</p>
      <h2>{t('sitesCustom')}</h2>
      <p class="hint">{t('sitesCustomHint')}</p>
      <form class="inline-form" onSubmit={add}>
        <label for="custom-site">{t('sitesAddLabel')}</label>
        <input
          id="custom-site"
          type="text"
          inputMode="url"
          placeholder="https://helpdesk.example.com"
          value={draft.value}
          aria-invalid={error.value ? 'true' : undefined}
          aria-describedby={error.value ? 'custom-site-error' : undefined}
          onInput={(e) => (draft.value = (e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('sitesAdd')}</button>
      </form>
      {error.value ? <p id="custom-site-error" role="alert" class="field-error">{error.value}</p> : null}
      {custom.value.length === 0 ? (
        <p class="hint">{t('sitesNoCustom')}</p>
      ) : (
        <ul class="site-list">
          {custom.value.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>
              <button type="button" onClick={() => void remove(origin)}>{t('sitesRemove')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
