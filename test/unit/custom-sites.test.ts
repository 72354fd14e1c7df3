import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { siteOrigin, syncCustomSites } from '../../lib/background/custom-sites';
import { setCustomSite } from '../../lib/page/settings';

test('siteOrigin accepts addresses with or without scheme and refuses anything else', () => {
  expect(siteOrigin('Help.Example.com/tickets')).toBe('https://help.example.com');
  expect(siteOrigin('http://intranet.local:8080/x')).toBe('http://intranet.local:8080');
  expect(siteOrigin('ftp://files.example.com')).toBeNull();
  expect(siteOrigin('javascript:alert(1)')).toBeNull();
  expect(siteOrigin('not a url at all')).toBeNull();
});

test('the runtime content script covers exactly the custom sites whose permission is granted', async () => {
  const registered: { id: string; matches?: string[]; js?: string[] }[] = [];
  const granted = new Set(['https://help.example.com/*']);
  Object.assign(fakeBrowser, {
    permissions: { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))) },
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => [...registered]),
      unregisterContentScripts: vi.fn(async () => void registered.splice(0)),
      registerContentScripts: vi.fn(async (scripts: typeof registered) => void registered.push(...scripts)),
    },
  });
  await setCustomSite('https://help.example.com', true);
  await setCustomSite('https://crm.example.org', true); // permission not granted
  expect(await syncCustomSites()).toEqual(['https://help.example.com']);
  expect(registered).toHaveLength(1);
  expect(registered[0]).toMatchObject({ matches: ['https://help.example.com/*'], js: ['content-scripts/generic.js'] });
  await setCustomSite('https://help.example.com', false);
  expect(await syncCustomSites()).toEqual([]);
  expect(registered).toHaveLength(0);
});
