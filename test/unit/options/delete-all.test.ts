import { describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { privacyHandlers } from '../../../lib/background/handlers/privacy';
import { getMeta } from '../../../lib/data/db';
import { setOverrideAndRescore } from '../../../lib/data/rescore';
import { EMPTY_STATUS, STATUS_KEY, countStatus } from '../../../lib/data/status';
import { setAdapterEnabled, setCustomSite, setSiteEnabled } from '../../../lib/page/settings';
import { AUTHOR_KEY } from '../../../components/options/override-form';
import { useDemoDb } from './fixtures';

const { db } = useDemoDb();

/** A browser with one custom site granted and its content script registered. */
function grantedCustomSite() {
  const registered: { id: string }[] = [{ id: 'healthmark-custom-sites' }];
  const granted = new Set(['https://help.example.com/*']);
  const permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => (origins.forEach((o) => granted.delete(o)), true)),
  };
  Object.assign(fakeBrowser, {
    permissions,
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => [...registered]),
      unregisterContentScripts: vi.fn(async () => void registered.splice(0)),
      registerContentScripts: vi.fn(async (scripts: typeof registered) => void registered.push(...scripts)),
    },
  });
  return { registered, granted, permissions };
}

describe('delete all data', () => {
  test('clears every table and records that the user chose to have no data', async () => {
    await setOverrideAndRescore(db(), 'acc-001', { tier: 'healthy', reason: 'r', author: 'a', createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    await db().sources.put({ id: 's1', kind: 'metrics', url: 'https://data.example/a.csv', auth: { kind: 'none' }, format: 'csv', mapping: {} as never, scheduleMinutes: 60, etag: null, lastModified: null, lastSuccessAt: null, lastAttemptAt: null, nextAttemptAt: null, consecutiveFailures: 0, lastError: null });
    const filled = await Promise.all(db().tables.map((t) => t.count()));
    expect(filled.filter((n) => n > 0).length).toBeGreaterThanOrEqual(9);
    grantedCustomSite();

    const status = await privacyHandlers(db()).deleteAllData({});
    expect(status).toEqual(EMPTY_STATUS);
    expect(await countStatus(db())).toEqual(EMPTY_STATUS);
    for (const table of db().tables) if (table.name !== 'meta') expect(await table.count(), table.name).toBe(0);
    expect(await db().meta.toArray()).toEqual([{ key: 'dataMode', value: 'empty' }, { key: STATUS_KEY, value: EMPTY_STATUS }]);
    expect(await getMeta(db(), 'dataMode')).toBe('empty');
  });

  test('also forgets the settings kept outside the database, gives custom sites their permission back and clears alarms', async () => {
    const { registered, granted, permissions } = grantedCustomSite();
    await browser.storage.local.set({ [AUTHOR_KEY]: 'Robin' });
    await setCustomSite('https://help.example.com', true);
    await setSiteEnabled('mail.google.com', false);
    await setAdapterEnabled('zendesk', false);
    await browser.alarms.create('healthmark-sync-s1', { when: Date.now() + 60_000 });
    await browser.alarms.create('healthmark-override-expiry', { when: Date.now() + 60_000 });

    await privacyHandlers(db()).deleteAllData({});
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://help.example.com/*'] });
    expect(granted.size).toBe(0);
    expect(registered).toEqual([]);
    expect(await browser.alarms.getAll()).toEqual([]);
  });
});
