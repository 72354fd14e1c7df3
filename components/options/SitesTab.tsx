// Sites: the built-in host-app adapters (each can be turned off) and the custom sites the user enables for the
// generic scan (a self-hosted helpdesk), each asked for its own host permission at the moment it is added.
import { useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { originPattern, siteOrigin } from '../../lib/background/custom-sites';
import { t } from '../../lib/i18n';
import { customSites, disabledAdapters, setAdapterEnabled, setCustomSite } from '../../lib/page/settings';
import { SITE_ADAPTERS } from '../../lib/sites';

export function SitesTab() {
  const off = useSignal<string[]>([]);
  const custom = useSignal<string[]>([]);
  const draft = useSignal('');
  const error = useSignal<string | null>(null);
  const reload = async () => {
    off.value = await disabledAdapters();
    custom.value = await customSites();
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
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={!off.value.includes(a.id)}
                data-testid={`adapter-${a.id}`}
                onChange={async (e) => {
                  await setAdapterEnabled(a.id, (e.currentTarget as HTMLInputElement).checked);
                  await reload();
                }}
              />
              <span>{a.label}</span>
            </label>
            <code class="patterns">{a.matches.join('  ')}</code>
          </li>
        ))}
      </ul>
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
