// A site the user adds in options → Sites (a self-hosted helpdesk): the optional host permission is asked for
// from the click, the generic content script is registered for the site once it is granted, badges show there;
// removing the site takes the permission, the registration and the badges away.
//
// Chromium answers chrome.permissions.request with a native prompt that no automation can click (Playwright
// declines it as out of scope, microsoft/playwright#32755; Chromium's own auto-confirm is a C++ test hook, and
// CDP has no method for it). So the test checks that the click reaches the prompt (nothing is stored while it is
// up), then writes the user's "Allow" where Chromium records it — the extension's granted and active permissions
// in the profile — and restarts the browser with that profile, as after a real grant. From there every step is
// the product's own: the request resolves without a prompt, the background registers the script, the page shows
// badges, and "Remove" revokes the permission.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { findChromium } from '../../../lib/dev/browsers';
import { CHROME_BUILD } from '../../../lib/dev/launch';
import { BADGE_TAG } from '../../../lib/page/runner';
import { demoResolver } from '../helpers/expected';
import { expect, test } from '../helpers/fixtures';
import { serveAt, siteFixtures } from '../helpers/sites';

const ORIGIN = 'https://help.example-selfhosted.test';
const PATTERN = `${ORIGIN}/*`;
const fixture = siteFixtures().find((f) => f.file === 'generic-page.html')!;
const resolve = demoResolver();

async function launch(profile: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}

/** The user's "Allow" on the prompt, as Chromium stores it in the profile (the browser must be closed). */
function grantInProfile(profile: string, extensionId: string, pattern: string): void {
  const file = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions.settings[extensionId];
  for (const set of ['granted_permissions', 'active_permissions']) {
    settings[set] ??= {};
    settings[set].explicit_host = [...(settings[set].explicit_host ?? []), pattern];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

const state = (options: Page) =>
  options.evaluate(async (pattern) => ({
    granted: await chrome.permissions.contains({ origins: [pattern] }),
    scripts: (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ js: s.js, matches: s.matches })),
    stored: ((await chrome.storage.local.get('customSites')).customSites ?? []) as string[],
  }), PATTERN);

const badgeCount = (page: Page) => page.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG);

async function openSites(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#/sites`);
  await expect(options.getByRole('heading', { name: 'Your own sites' })).toBeVisible();
  return options;
}

test('a custom site: permission asked from the click, script registered once granted, badges there, all gone on remove', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'healthmark-custom-site-'));
  // The fixture carries a spoofed badge host of its own; ours are the rest.
  const spoofed = (fixture.html.match(new RegExp(`<${BADGE_TAG}[\\s>]`, 'g')) ?? []).length;
  const known = fixture.matches.filter((m) => resolve(m.kind, m.value)).length;
  expect(known).toBeGreaterThan(0);
  let { context, extensionId } = await launch(profile);
  try {
    // 1. The click asks Chromium for the permission; while its prompt is up nothing is stored or registered.
    let options = await openSites(context, extensionId);
    await options.getByLabel('Site address').fill(`${ORIGIN}/renewals`);
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.waitForTimeout(1500);
    expect(await state(options)).toEqual({ granted: false, scripts: [], stored: [] });
    await expect(options.getByText('No sites added yet.')).toBeVisible();
    await expect(options.getByRole('alert')).toHaveCount(0); // pending, not refused
    await context.close();

    // 2. The user allowed it: the browser comes back with the grant. A grant alone injects nothing.
    grantInProfile(profile, extensionId, PATTERN);
    ({ context, extensionId } = await launch(profile));
    await serveAt(context, `${ORIGIN}/renewals`, fixture.html);
    options = await openSites(context, extensionId);
    expect(await state(options)).toEqual({ granted: true, scripts: [], stored: [] });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/renewals`);
    await page.waitForTimeout(1500);
    expect(await badgeCount(page)).toBe(spoofed);

    // Adding the site now: the request resolves without a prompt, the generic script is registered for it.
    await options.getByLabel('Site address').fill('HTTPS://Help.Example-SelfHosted.test/renewals');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect(options.getByRole('listitem').filter({ hasText: ORIGIN })).toBeVisible();
    await expect.poll(() => state(options)).toEqual({ granted: true, scripts: [{ js: ['content-scripts/generic.js'], matches: [PATTERN] }], stored: [ORIGIN] });
    await page.reload();
    await expect.poll(() => badgeCount(page)).toBe(known + spoofed);

    // 3. Remove: permission revoked, script unregistered, no badges after a reload.
    await options.getByRole('listitem').filter({ hasText: ORIGIN }).getByRole('button', { name: 'Remove' }).click();
    await expect(options.getByText('No sites added yet.')).toBeVisible();
    await expect.poll(() => state(options)).toEqual({ granted: false, scripts: [], stored: [] });
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await badgeCount(page)).toBe(spoofed);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
