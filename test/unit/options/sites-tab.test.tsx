// @vitest-environment happy-dom
// Sites tab: the built-in apps' switches and the whole-page scan switch write the settings content scripts read.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test } from 'vitest';
import { SitesTab } from '../../../components/options/SitesTab';
import { disabledAdapters, isSiteEnabled, wholePageScanOnApps } from '../../../lib/page/settings';
import { SITE_ADAPTERS } from '../../../lib/sites';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

async function mount() {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<SitesTab />, host));
  await settle();
  return (testId: string) => host.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
}

test('every built-in app has a switch, on by default; turning Gmail off and on again is what its pages read', async () => {
  const find = await mount();
  for (const adapter of SITE_ADAPTERS) expect(find(`adapter-${adapter.id}`).checked, adapter.id).toBe(true);
  await act(() => find('adapter-gmail').click());
  await settle();
  expect(await disabledAdapters()).toEqual(['gmail']);
  expect(await isSiteEnabled('mail.google.com', 'gmail')).toBe(false);
  expect(await isSiteEnabled('acme.zendesk.com', 'zendesk')).toBe(true);
  expect(find('adapter-gmail').checked).toBe(false);
  await act(() => find('adapter-gmail').click());
  await settle();
  expect(await isSiteEnabled('mail.google.com', 'gmail')).toBe(true);
});

test('the whole-page scan on built-in apps is on by default and can be turned off', async () => {
  const find = await mount();
  expect(await wholePageScanOnApps()).toBe(true);
  const toggle = find('whole-page-on-apps');
  expect(toggle.checked).toBe(true);
  expect(toggle.getAttribute('role')).toBe('switch');
  expect(document.getElementById(toggle.getAttribute('aria-describedby')!)?.textContent).toMatch(/finds someone/);
  await act(() => toggle.click());
  await settle();
  expect(await wholePageScanOnApps()).toBe(false);
  expect(find('whole-page-on-apps').checked).toBe(false);
});
