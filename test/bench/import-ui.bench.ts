// npm run bench:import-ui — a 100k-row CSV imported through the options page's "Import a file" panel in Chromium
// with the built extension (run `npm run build` first; HEALTHMARK_OUT picks another build folder): time to the
// preview, time to the report, and the page's longest main-thread task meanwhile (the budget: never blocked
// > 100 ms). Baseline, measured in the same page and run: the longest task while the page sits idle for as long.
// Run: npx tsx test/bench/import-ui.bench.ts [rows]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium } from '../../lib/dev/launch';
import { makeCsv } from './import-data';

const ROWS = Number(process.argv[2] ?? 100_000);

/** Long tasks (> 50 ms, the browser's own threshold) from now on, read with `longTasks(page)`. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (globalThis as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration))).observe({ type: 'longtask' });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (globalThis as unknown as { longTasks: number[] }).longTasks.splice(0));
const summary = (tasks: number[]) => `longest ${Math.round(Math.max(0, ...tasks))} ms, ${tasks.length} tasks > 50 ms, ${tasks.filter((d) => d > 100).length} > 100 ms`;

// Chosen from disk like a user's file: a buffer handed to setInputFiles is decoded in the page by Playwright
// itself, which would count as the page's own long task.
const folder = mkdtempSync(join(tmpdir(), 'healthmark-import-ui-'));
const file = join(folder, 'export.csv');
const csv = makeCsv(ROWS);
writeFileSync(file, csv);
const session = await launchChromium({ headless: true });
try {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/sources`);
  await page.getByTestId('import-choose').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-choose"]')?.hasAttribute('disabled'));
  await watchLongTasks(page);

  let start = performance.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor();
  // The export writes 05/03/2024: day first.
  await page.getByTestId('import-date-order').selectOption('dmy');
  const previewMs = performance.now() - start;
  const previewTasks = await longTasks(page);

  start = performance.now();
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-report').waitFor({ timeout: 300_000 });
  const importMs = performance.now() - start;
  const importTasks = await longTasks(page);
  const report = await page.getByTestId('import-summary').textContent();

  await page.waitForTimeout(importMs);
  const idleTasks = await longTasks(page);

  console.log(`file import through the options page, ${ROWS.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB)`);
  console.log(`  preview shown after ${Math.round(previewMs)} ms; page: ${summary(previewTasks)}`);
  console.log(`  report after ${(importMs / 1000).toFixed(2)} s ("${report}"); page: ${summary(importTasks)}`);
  console.log(`  baseline, the page idle for as long: ${summary(idleTasks)}`);
  const ratio = Math.max(0, ...importTasks) / Math.max(1, ...idleTasks);
  console.log(`  longest task while importing / idle: ${ratio.toFixed(1)}×`);
} finally {
  await session.close();
  rmSync(folder, { recursive: true });
}
