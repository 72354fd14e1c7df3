// Per-site on/off and the data version, kept in extension storage so content scripts (which cannot open the
// database) hear about changes through storage.onChanged.
import { browser } from 'wxt/browser';

const DISABLED_SITES = 'disabledSites';
export const DATA_VERSION = 'dataVersion';

async function disabledSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(DISABLED_SITES))[DISABLED_SITES];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return !(await disabledSites()).includes(hostname);
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const others = (await disabledSites()).filter((h) => h !== hostname);
  await browser.storage.local.set({ [DISABLED_SITES]: enabled ? others : [...others, hostname] });
}

/** Calls back with the site's new state whenever it is toggled; returns the unsubscribe function. */
export function onSiteToggled(hostname: string, callback: (enabled: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(DISABLED_SITES in changes)) return;
    const list = changes[DISABLED_SITES]!.newValue;
    callback(!(Array.isArray(list) && list.includes(hostname)));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls back whenever the background has stored new scores. */
export function onDataChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DATA_VERSION in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
