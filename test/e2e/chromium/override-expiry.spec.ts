// Overrides that expire, in real Chromium with the built extension: one set a few seconds ahead leaves by itself
// (the background's alarm re-scores the account, the open page and the account view hear of it, no reload), and one
// whose alarm is late (here: cleared) is still never shown past its expiry, neither by a badge nor in the options.
import type { Page } from '@playwright/test';
import { readBadges } from '../helpers/badges';
import { expect, test } from '../helpers/fixtures';
import { demoScores, extensionPage, inboxBadges, presetJson } from './options-helpers';

test.describe.configure({ mode: 'serial' });

const DANA = 'dana.wu@acme-analytics.example';

/** Sets an override the way the options page does (the background checks it), expiring `seconds` from now. */
async function overrideFor(page: Page, seconds: number): Promise<void> {
  // The form takes a day; the request is the one it sends, with an expiry a few seconds ahead.
  const payload = { accountId: 'acc-001', value: 97, reason: 'Short trial of an override', author: 'Robin Tester', expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
  const reply = await page.evaluate((p) => chrome.runtime.sendMessage({ type: 'setOverride', payload: p }), payload);
  expect(reply).toMatchObject({ ok: true, data: { ok: true } });
}

const danaLabel = async (page: Page) => (await readBadges(page)).find((b) => b.context.includes(DANA))?.label ?? '';

test('an override lets itself expire: the badge and the account view return to the computed score without a reload', async ({ session, pages }) => {
  const acme = demoScores(presetJson('default')).find((a) => a.id === 'acc-001')!;
  const computed = `Health ${acme.result.score}, ${acme.result.tier!.label}`;
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html#/accounts/acc-001'));
  await expect(options.locator('.card-slot .card .score')).toHaveText(String(acme.result.score));
  const inbox = await session.context.newPage();
  expect((await inboxBadges(inbox, pages.origin, 8)).get(DANA)?.label).toContain(computed);

  await overrideFor(options, 6);
  await expect(options.getByTestId('override-current')).toContainText('Robin Tester');
  await expect(options.locator('.card-slot .card .score')).toHaveText('97');
  await expect.poll(() => danaLabel(inbox)).toContain('Health 97');
  expect(await danaLabel(inbox)).toContain('overridden by Robin Tester');

  // Nobody touches either page: the expiry reaches both.
  await expect.poll(() => danaLabel(inbox), { timeout: 30_000 }).toContain(computed);
  expect(await danaLabel(inbox)).not.toContain('overridden by');
  await expect(options.getByTestId('override-current')).toHaveCount(0);
  await expect(options.locator('.card-slot .card .score')).toHaveText(String(acme.result.score));
  await expect(options.locator('form.override-form')).toBeVisible();
  await inbox.close();
  await options.close();
});

/** An override that is past its expiry while its alarm has not fired (cleared: nothing sets it again until overrides change). */
async function lateOverride(page: Page): Promise<void> {
  await overrideFor(page, 3);
  await expect.poll(() => page.evaluate(() => chrome.alarms.get('healthmark-override-expiry'))).toBeTruthy();
  await page.evaluate(() => chrome.alarms.clear('healthmark-override-expiry'));
  await page.waitForTimeout(3500);
}

test('an override whose alarm is late is never shown past its expiry: not by a page\'s lookup, nor by the options page', async ({ session, pages }) => {
  const acme = demoScores(presetJson('default')).find((a) => a.id === 'acc-001')!;
  const computed = `Health ${acme.result.score}, ${acme.result.tier!.label}`;
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/privacy'));

  // A page looks Dana up first: the lookup expires the override before answering.
  await lateOverride(page);
  const inbox = await session.context.newPage();
  const label = (await inboxBadges(inbox, pages.origin, 8)).get(DANA)?.label ?? '';
  expect(label).toContain(computed);
  expect(label).not.toContain('overridden by');

  // The options page opens first: it has the background expire what is due before showing an account.
  await lateOverride(page);
  await page.goto(extensionPage(session, 'options.html#/accounts/acc-001'));
  await expect(page.locator('.card-slot .card .score')).toHaveText(String(acme.result.score));
  await expect(page.getByTestId('override-current')).toHaveCount(0);
  await expect.poll(() => danaLabel(inbox)).toContain(computed);
  await inbox.close();
  await page.close();
});
