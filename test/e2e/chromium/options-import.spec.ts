// File import end to end in Chromium, on the built extension's options page (Sources → Import a file): wrong-type
// files refused next to the field with nothing changed; a CSV with bad rows dropped on the zone, one column
// remapped (the preview re-reads it), imported, its report read (rows, lines, columns, reasons) and the new data
// seen in the Accounts tab and on a page's badge; a file over the bad-row threshold refused with the accounts kept.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { importAccounts } from '../../../lib/data/import';
import { scoreAccount, validateConfig } from '../../../lib/scoring';
import type { ChromiumSession } from '../../../lib/dev/launch';
import { readBadges, waitForBadgeCount } from '../helpers/badges';
import { expect, test } from '../helpers/fixtures';
import { shotPath } from '../helpers/shots';
import { extensionPage, presetJson } from './options-helpers';

test.describe.configure({ mode: 'serial' });

const CSV = 'test/fixtures/imports/options-import.csv';
const OVER = 'test/fixtures/imports/over-threshold.csv';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

async function openSources(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/sources'));
  await expect(page.getByTestId('import-panel')).toBeVisible();
  await expect(page.getByTestId('import-choose')).toBeEnabled(); // the active config is loaded
  return page;
}

/** Every stored account, read from the extension's database (sorted by id). */
function storedAccounts(page: Page): Promise<{ id: string; name: string }[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('healthmark');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const request = db.transaction('accounts').objectStore('accounts').getAll();
    const rows = await new Promise<{ id: string; name: string }[]>((resolve) => (request.onsuccess = () => resolve(request.result)));
    db.close();
    return rows.map(({ id, name }) => ({ id, name }));
  });
}

/** The preview cell of a data row under a header. */
async function previewCell(page: Page, row: number, header: string) {
  const headers = await page.getByTestId('import-preview').locator('thead tr').first().locator('th').allTextContents();
  return page.locator(`[data-testid="import-preview"] tr[data-row="${row}"] > *`).nth(headers.indexOf(header));
}

test('a wrong-type, binary or empty file gets a specific message next to the field and nothing changes', async ({ session }) => {
  const page = await openSources(session);
  const before = await storedAccounts(page);
  expect(before.length).toBeGreaterThan(0);
  const input = page.getByTestId('import-file');
  const error = page.getByTestId('import-file-error');
  await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(error).toHaveText('"logo.png" is a .png file; choose an export ending in one of .csv .tsv .txt .json .ndjson .jsonl.');
  await expect(page.getByTestId('import-choose')).toHaveAttribute('aria-describedby', /import-file-error/);
  await input.setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: PNG });
  await expect(error).toHaveText('"accounts.csv" is a PNG image, not a text export. Export the data as CSV in UTF-8.');
  await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(error).toHaveText('"empty.csv" is empty: there is nothing to import.');
  await input.setInputFiles({ name: 'utf16.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name\n1,A\n', 'utf16le') });
  await expect(error).toContainText('is not a text file');
  await expect(page.getByTestId('import-editor')).toHaveCount(0);
  await expect(page.getByTestId('import-start')).toHaveCount(0);
  expect(await storedAccounts(page)).toEqual(before);
  await page.close();
});

test('a dropped CSV with bad rows: remap a column, the preview follows, import and read the report', async ({ session, pages }) => {
  const page = await openSources(session);
  await page.setViewportSize({ width: 1440, height: 1100 });
  const text = readFileSync(CSV, 'utf8');
  // A real drop, as the browser delivers it: a DataTransfer holding the file.
  await page.getByTestId('import-drop').evaluate((zone, csv) => {
    const data = new DataTransfer();
    data.items.add(new File([csv], 'options-import.csv', { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByTestId('import-detected')).toContainText('Read as CSV with 9 columns');
  await expect(page.getByTestId('import-delimiter')).toHaveValue(',');
  await expect(page.getByTestId('import-target-NPS')).toHaveValue('metric:nps');
  await expect(page.getByTestId('import-target-Seats')).toHaveValue('attribute');
  await expect(page.getByTestId('import-preview').locator('tbody tr[data-row]')).toHaveCount(10);
  // Parsed values: "60%" as an attribute reads as 60; the bad NPS of row 7 is refused with its reason.
  await expect(await previewCell(page, 1, 'Seats')).toHaveText('60');
  await expect(await previewCell(page, 3, 'Seats')).toHaveText('n/a');
  await expect(await previewCell(page, 7, 'NPS')).toHaveClass(/cell-error/);
  await expect(await previewCell(page, 7, 'NPS')).toContainText('expected a number, got "lots"');

  await page.getByTestId('import-target-Seats').selectOption('metric:active_seats_pct');
  await expect(await previewCell(page, 3, 'Seats')).toHaveClass(/cell-error/);
  await expect(await previewCell(page, 3, 'Seats')).toContainText('expected a number, got "n/a"');
  await page.getByTestId('import-target-Plan').selectOption('ignore');
  await expect(await previewCell(page, 1, 'Plan')).toHaveClass(/cell-ignored/);
  await page.getByTestId('import-panel').screenshot({ path: shotPath('options-import-mapping-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('import-panel').screenshot({ path: shotPath('options-import-mapping-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByTestId('import-start').click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-summary')).toHaveText('Imported 197 accounts from 200 rows.');
  await expect(report).toContainText('3 rows were rejected');
  const rows = await report.getByTestId('import-errors').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  expect(rows).toEqual([
    ['3', 'line 4', 'Seats', 'expected a number, got "n/a"'],
    ['7', 'line 8', 'NPS', 'expected a number, got "lots"'],
    ['42', 'line 43', 'Last Login', '"31/02/2026" is not a calendar date (year 2026, month 2, day 31)'],
  ]);
  await page.getByTestId('import-panel').screenshot({ path: shotPath('options-import-report-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('import-panel').screenshot({ path: shotPath('options-import-report-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  const stored = await storedAccounts(page);
  expect(stored).toHaveLength(197);
  expect(stored.find((a) => a.id === 'IMP-001')?.name).toBe('Acme Analytics (imported)');
  await report.getByRole('link', { name: 'See the accounts' }).click();
  await expect(page.getByTestId('accounts-count')).toHaveText('197 of 197 accounts');

  // The badge next to Dana on the inbox page now comes from the imported account, scored as in Node.
  const config = validateConfig(presetJson('default'));
  if (!config.ok) throw new Error('preset invalid');
  const imported = await importAccounts(text, { catalogue: config.config.metrics, mapping: { Seats: { kind: 'metric', key: 'active_seats_pct' }, Plan: { kind: 'ignore' } } });
  if (!imported.ok) throw new Error(imported.error);
  const acme = imported.accounts.find((a) => a.id === 'IMP-001')!;
  const expected = scoreAccount(config.config, acme, acme.metrics, { now: new Date() });
  const inbox = await session.context.newPage();
  await inbox.goto(`${pages.origin}/demo/inbox.html`);
  await waitForBadgeCount(inbox, 1);
  await inbox.waitForTimeout(500); // no badge for the contacts of accounts the import replaced
  const badges = await readBadges(inbox);
  expect(badges).toHaveLength(1);
  expect(badges[0]!.context).toContain('dana.wu@acme-analytics.example');
  expect(badges[0]!.text.split(/\s/)[0]).toBe(String(expected.score ?? '–'));
  await Promise.all([page.close(), inbox.close()]);
});

test('a file over the bad-row threshold is refused and the stored accounts stay as they were', async ({ session }) => {
  const page = await openSources(session);
  const before = await storedAccounts(page);
  await page.getByTestId('import-file').setInputFiles(OVER);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-start').click();
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('role', 'alert');
  await expect(report.getByTestId('import-summary')).toHaveText(
    'Nothing was imported: 5 of 20 rows were rejected (25%), more than the 2% allowed: nothing was imported',
  );
  await expect(report).toContainText('The accounts stored before are unchanged.');
  await expect(report.getByTestId('import-errors').locator('tbody tr td:first-child')).toHaveText(['4', '8', '12', '16', '20']);
  // The editor stays for a fix; the data did not move.
  await expect(page.getByTestId('import-editor')).toBeVisible();
  expect(await storedAccounts(page)).toEqual(before);
  expect(before).toHaveLength(197);
  await page.close();
});
