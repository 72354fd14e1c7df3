// The privacy tab in real Chromium: counts of what is stored (on request), "Delete all data" (after a confirmation)
// empties every table and the settings kept in extension storage, so the popup shows no data, pages get no badges
// and every switch is back to its default; the demo can be loaded again.
import { expect, test } from '../helpers/fixtures';
import { extensionPage, inboxBadges } from './options-helpers';

test('delete all data empties every table, the popup and the badges; the demo can come back', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/privacy'));
  const counts = page.getByTestId('table-counts');
  await expect(counts.locator('[data-table="accounts"] td')).toHaveText('–'); // counting walks rows: on request
  await page.getByRole('button', { name: 'Count rows' }).click();
  await expect(counts.locator('[data-table="accounts"] td')).toHaveText('40');
  // Every table is named in words, the newest too (a bare key here means a label was forgotten).
  await expect(counts.locator('[data-table="outcomes"] th')).toHaveText('Churn outcomes');
  // Settings outside the database: the override author, a switched-off app.
  await page.evaluate(() => chrome.storage.local.set({ overrideAuthor: 'Robin Tester', disabledAdapters: ['gmail'] }));
  await expect(page.getByTestId('no-sources')).toBeVisible();

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused(); // the safe choice has the focus
  await page.keyboard.press('Enter');
  await expect(counts.locator('[data-table="accounts"] td')).toHaveText('40');

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(page.getByText('This cannot be undone.')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All data deleted.' })).toBeFocused();
  for (const table of ['accounts', 'identities', 'metrics', 'configs', 'scores', 'history', 'overrides', 'changes', 'outcomes'])
    await expect(counts.locator(`[data-table="${table}"] td`), table).toHaveText('0');
  const left = await page.evaluate(() => chrome.storage.local.get(['overrideAuthor', 'disabledAdapters']));
  expect(left).toEqual({});
  expect(await page.evaluate(() => chrome.alarms.getAll())).toEqual([]);
  await page.goto(extensionPage(session, 'options.html#/sites'));
  await expect(page.getByTestId('adapter-gmail')).toBeChecked();

  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await expect(popup.locator('[data-mode]')).toHaveAttribute('data-mode', 'empty');
  await expect(popup.getByTestId('account-count')).toHaveText('0 accounts');
  await expect(popup.getByLabel('Find an account')).toHaveCount(0);

  expect((await inboxBadges(page, pages.origin, 0)).size).toBe(0);

  await page.goto(extensionPage(session, 'options.html#/privacy'));
  await page.getByRole('button', { name: 'Load demo data again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Demo data loaded.' })).toBeVisible();
  await page.getByRole('button', { name: 'Count rows' }).click();
  await expect(page.getByTestId('table-counts').locator('[data-table="accounts"] td')).toHaveText('40');
  await popup.reload();
  await expect(popup.locator('[data-mode]')).toHaveAttribute('data-mode', 'demo');
  expect((await inboxBadges(page, pages.origin, 8)).size).toBeGreaterThanOrEqual(8);
  await popup.close();
  await page.close();
});
