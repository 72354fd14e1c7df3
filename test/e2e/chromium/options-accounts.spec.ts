// The accounts tab and the popup search in real Chromium: find an account, override its score with every field
// checked, see the override in the page badge ("overridden by <author>"), remove it; search from the popup.
import { expect, test } from '../helpers/fixtures';
import { demoScores, extensionPage, inboxBadges, presetJson } from './options-helpers';

test.describe.configure({ mode: 'serial' });

const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the table searches, filters and sorts, and a row opens the account', async ({ session }) => {
  const scores = demoScores(presetJson('default'));
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/accounts'));
  await expect(page.getByTestId('accounts-count')).toHaveText('40 of 40 accounts');
  const rows = page.locator('.vt-body [role="row"]');
  // Lowest score first by default.
  const lowest = scores.filter((a) => a.result.score !== null).sort((a, b) => a.result.score! - b.result.score! || a.name.localeCompare(b.name))[0]!;
  await expect(rows.first()).toContainText(lowest.name);

  await page.getByLabel('Tier').selectOption('champion');
  const champions = scores.filter((a) => a.result.tier?.key === 'champion').length;
  await expect(page.getByTestId('accounts-count')).toHaveText(`${champions} of 40 accounts`);
  await page.getByLabel('Tier').selectOption('');
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(rows.first()).toContainText('Acme Analytics');
  await expect(page.getByRole('columnheader', { name: 'Account' })).toHaveAttribute('aria-sort', 'ascending');

  await page.getByLabel('Search').fill('acme-analytics.example');
  await expect(page.getByTestId('accounts-count')).toHaveText('1 of 40 accounts');
  await rows.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/accounts\/acc-001$/);
  await expect(page.locator('#account-title')).toHaveText('Acme Analytics');
  // The card is the page's card, named for the account; the name shows once, as the view's heading.
  await expect(page.locator('.card-slot .card')).toHaveAccessibleName('Health of Acme Analytics');
  await expect(page.getByRole('tabpanel').getByText('Acme Analytics', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('img', { name: /Score history over 90 days/ })).toBeVisible();
  await page.close();
});

test('an override is checked field by field, shows in the page badge, and can be removed', async ({ session, pages }) => {
  const acme = demoScores(presetJson('default')).find((a) => a.id === 'acc-001')!;
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/accounts/acc-001'));
  const form = page.locator('form.override-form');
  await form.getByLabel('Score (0–100)').fill('150');
  await form.getByLabel('Expires on').fill(inDays(-2));
  await form.getByRole('button', { name: 'Save override' }).click();
  await expect(form).toContainText('Enter a whole or decimal number from 0 to 100.');
  await expect(form).toContainText('A reason is required');
  await expect(form).toContainText('The expiry must be after today.');
  await expect(form).toContainText('Enter your name');
  await expect(form.getByLabel('Reason (required)')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Score (0–100)').fill('95');
  await form.getByLabel('Reason (required)').fill('Signed a three-year renewal today');
  await form.getByLabel('Expires on').fill(inDays(10));
  await form.getByLabel('Your name').fill('Robin Tester');
  await form.getByRole('button', { name: 'Save override' }).click();
  await expect(page.getByTestId('override-current')).toContainText('Robin Tester');
  // Said once, under the form's place, with what the engine computed underneath.
  await expect(page.locator('.card-slot .card .override')).toHaveCount(0);
  await expect(page.getByTestId('override-computed')).toHaveText(`Without the override: ${acme.result.score}, ${acme.result.tier!.label}.`);
  await expect(page.locator('.card-slot .card .score')).toHaveText('95');
  await page.getByRole('link', { name: '← All accounts' }).click();
  await page.getByLabel('Overridden only').check();
  await expect(page.getByTestId('accounts-count')).toHaveText('1 of 40 accounts');
  await expect(page.locator('.vt-body [role="row"]').first()).toContainText('Acme Analytics');
  await expect(page.locator('.vt-body [role="row"]').first()).toContainText('Overridden');

  const badges = await inboxBadges(page, pages.origin, 8);
  const label = badges.get('dana.wu@acme-analytics.example')?.label ?? '';
  expect(label).toContain('Health 95, Champion');
  expect(label).toContain('overridden by Robin Tester');

  await page.goto(extensionPage(session, 'options.html#/accounts/acc-001'));
  await page.getByRole('button', { name: 'Remove override' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Override removed' })).toBeVisible();
  await expect(page.locator('.card-slot .card .score')).toHaveText(String(acme.result.score));
  // The author is remembered for the next override.
  await expect(page.locator('form.override-form').getByLabel('Your name')).toHaveValue('Robin Tester');

  const after = await inboxBadges(page, pages.origin, 8);
  const back = after.get('dana.wu@acme-analytics.example')?.label ?? '';
  expect(back).toContain(`Health ${acme.result.score}, ${acme.result.tier!.label}`);
  expect(back).not.toContain('overridden by');
  await page.close();
});

test('the popup finds an account by name, email or domain and shows its card', async ({ session }) => {
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  const search = popup.getByLabel('Find an account');
  await search.fill('Helios');
  await expect(popup.locator('.search .card')).toContainText('Helios Solar');
  await search.fill('dana.wu@');
  await expect(popup.locator('.search .card')).toContainText('Acme Analytics');
  await search.fill('granite-insurance.example');
  await expect(popup.locator('.search .card')).toContainText('Granite Insurance');
  await search.fill('b');
  const results = popup.getByTestId('search-results').getByRole('button');
  await expect(results).toHaveCount(5);
  await results.filter({ hasText: 'Borealis Logistics' }).click();
  await expect(popup.locator('.search .card h2')).toHaveText('Borealis Logistics');
  await search.fill('no such customer');
  await expect(popup.getByText('No account matches.')).toBeVisible();
  await popup.close();
});

test('the tabs are a tablist: arrow keys, Home and End switch tabs and the URL follows', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/scoring'));
  const tabs = page.getByRole('tablist').getByRole('tab');
  await expect(tabs.first()).toHaveText('Scoring');
  const keys = (await tabs.evaluateAll((els) => els.map((el) => el.id.replace(/^tab-/, ''))));
  expect(keys).toEqual(expect.arrayContaining(['scoring', 'accounts', 'privacy']));
  const last = keys[keys.length - 1]!;
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`#/${keys[1]}$`));
  await expect(page.locator(`#tab-${keys[1]}`)).toBeFocused();
  await expect(page.locator(`#tab-${keys[1]}`)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', `tab-${keys[1]}`);
  await page.keyboard.press('End');
  await expect(page).toHaveURL(new RegExp(`#/${last}$`));
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#\/scoring$/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`#/${last}$`));
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/#\/scoring$/);
  await expect(page.locator('#tab-scoring')).toHaveAttribute('tabindex', '0');
  await expect(page.locator(`#tab-${last}`)).toHaveAttribute('tabindex', '-1');
  // Keys in quick succession (here: in one task, before any re-render) each move from the tab the last one reached.
  await page.evaluate(() => {
    for (const key of ['End', 'ArrowLeft']) document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  const beforeLast = keys[keys.length - 2]!;
  await expect(page).toHaveURL(new RegExp(`#/${beforeLast}$`));
  await expect(page.locator(`#tab-${beforeLast}`)).toBeFocused();
  await page.close();
});
