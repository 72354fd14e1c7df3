// The backtest worker in Firefox (MV2, puppeteer-core over WebDriver BiDi): the options page starts it under the
// add-on's CSP, it reads the add-on's IndexedDB and the view shows its figures.
import { test, expect } from '@playwright/test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findFirefox } from '../../../lib/dev/browsers';
import { FIREFOX_BUILD, GECKO_ID } from '../../../lib/dev/launch';
import { writeOutcomesInPage } from '../helpers/backtest';

/** A fixed internal UUID, so the options page has a known moz-extension:// address. */
const UUID = '6f1d3c2a-7b8e-4c1f-9a0d-b4c5e6f70812';
let browser: Browser;

test.beforeAll(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  await browser.installExtension(FIREFOX_BUILD);
});

test.afterAll(async () => {
  await browser?.close();
});

test('Firefox: the backtest runs in its worker, explains missing outcomes, then shows the figures', async () => {
  const page = await browser.newPage();
  await page.goto(`moz-extension://${UUID}/options.html#/scoring/backtest`);
  await page.waitForSelector('[data-testid="backtest-run"]:not([disabled])', { timeout: 20_000 });
  await page.click('[data-testid="backtest-run"]');
  const error = await page.waitForSelector('[data-testid="backtest-error"]', { timeout: 20_000 });
  expect(await error!.evaluate((el) => el.textContent)).toMatch(/None of the 40 stored accounts has an outcome/);

  const { churned, scored } = await page.evaluate(writeOutcomesInPage, 12);
  await page.click('[data-testid="backtest-run"]');
  const population = await page.waitForSelector('[data-testid="backtest-population"]', { timeout: 20_000 });
  expect(await population!.evaluate((el) => el.textContent)).toContain(`${churned} churned and ${scored - churned} retained`);
  const auc = await page.$eval('[data-testid="backtest-auc"] .bt-big', (el) => Number(el.textContent));
  expect(auc).toBeGreaterThan(0.7);
  expect(await page.$$eval('[data-testid="backtest-tiers"] tbody tr', (rows) => rows.length)).toBe(4);
  await page.close();
});
