// Per-site on/off and the data version, kept in extension storage so content scripts (which cannot open the
// database) hear about changes through storage.onChanged.
import { browser } from 'wxt/browser';

const DISABLED_SITES = 'disabledSites';
const DISABLED_ADAPTERS = 'disabledAdapters';
export const CUSTOM_SITES = 'customSites';
export const DATA_VERSION = 'dataVersion';

function listIn(stored: Record<string, unknown>, key: string): string[] {
  const list = stored[key];
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}

export async function storedList(key: string): Promise<string[]> {
  return listIn(await browser.storage.local.get(key), key);
}

async function toggleIn(key: string, item: string, present: boolean): Promise<void> {
  const others = (await storedList(key)).filter((x) => x !== item);
  await browser.storage.local.set({ [key]: present ? [...others, item] : others });
}

/** Built-in adapters the admin turned off in the options (by adapter id). */
export const disabledAdapters = () => storedList(DISABLED_ADAPTERS);
export const setAdapterEnabled = (id: string, enabled: boolean) => toggleIn(DISABLED_ADAPTERS, id, !enabled);

/** Origins (`https://helpdesk.example.com`) the user enabled for the generic scan. */
export const customSites = () => storedList(CUSTOM_SITES);
export const setCustomSite = (origin: string, enabled: boolean) => toggleIn(CUSTOM_SITES, origin, enabled);

/** Whether badges show on this host: neither the host nor (on a known app) its adapter is turned off. */
export async function isSiteEnabled(hostname: string, adapterId?: string): Promise<boolean> {
  // One read for both lists: this is on the way to a page's first lookup.
  const stored = await browser.storage.local.get([DISABLED_SITES, DISABLED_ADAPTERS]);
  if (adapterId && listIn(stored, DISABLED_ADAPTERS).includes(adapterId)) return false;
  return !listIn(stored, DISABLED_SITES).includes(hostname);
}

export const setSiteEnabled = (hostname: string, enabled: boolean) => toggleIn(DISABLED_SITES, hostname, !enabled);

/** Calls back with the site's new state whenever it or its adapter is toggled; returns the unsubscribe function. */
export function onSiteToggled(hostname: string, adapterId: string | undefined, callback: (enabled: boolean) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (DISABLED_SITES in changes || DISABLED_ADAPTERS in changes)) void isSiteEnabled(hostname, adapterId).then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const WHOLE_PAGE_ON_APPS = 'wholePageScanOnApps';

/**
 * Whether, on a built-in app's page where its adapter finds nobody (a view it does not know, a changed layout),
 * the whole page is scanned for email addresses and customer domains as on a site the user added. On by default.
 */
export async function wholePageScanOnApps(): Promise<boolean> {
  return (await browser.storage.local.get(WHOLE_PAGE_ON_APPS))[WHOLE_PAGE_ON_APPS] !== false;
}

export const setWholePageScanOnApps = (on: boolean) => browser.storage.local.set({ [WHOLE_PAGE_ON_APPS]: on });

/** Calls back with the new setting whenever it changes; returns the unsubscribe function. */
export function onWholePageScanChanged(callback: (on: boolean) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WHOLE_PAGE_ON_APPS in changes) void wholePageScanOnApps().then(callback);
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
