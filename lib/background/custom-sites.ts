// Sites the user enabled by hand (a self-hosted helpdesk, an internal CRM): the generic content script is
// registered for them at runtime, for the origins whose optional host permission the user granted.
import { browser } from 'wxt/browser';
import { CUSTOM_SITES, customSites } from '../page/settings';

const SCRIPT_ID = 'healthmark-custom-sites';

/** `https://Help.Example.com/x` → `https://help.example.com`; null for anything but an http(s) origin. */
export function siteOrigin(input: string): string | null {
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export const originPattern = (origin: string) => `${origin}/*`;

/** Makes the registered script match exactly the custom sites that have their permission. */
export async function syncCustomSites(): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of await customSites()) {
    if (await browser.permissions.contains({ origins: [originPattern(origin)] })) granted.push(origin);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: ['content-scripts/generic.js'], matches: granted.map(originPattern), runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}

export function watchCustomSites(): void {
  const resync = () => void syncCustomSites().catch((e) => console.error('Healthmark: registering custom sites failed:', e));
  browser.storage.onChanged.addListener((changes, area) => area === 'local' && CUSTOM_SITES in changes && resync());
  browser.permissions.onRemoved.addListener(resync);
  resync();
}
