// Gmail, Zendesk and Salesforce fixtures in Firefox ESR at the apps' real URLs, checked as in Chromium: a badge at
// every known customer's anchor and at nobody else, the same badges after a re-render, none after removal.
import { test } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { BADGE_TAG } from '../../../lib/page/runner';
import { demoResolver } from '../helpers/expected';
import { checkSiteFixture, type InPage, siteFixtures } from '../helpers/sites';
import { launchFirefox, openAt } from './helpers';

const resolve = demoResolver();
let browser: Browser;

// puppeteer passes the argument through as is; its typings want a tuple of arguments.
const inPage = (page: Page): InPage => ({ run: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) });

test.beforeAll(async () => {
  browser = await launchFirefox();
});
test.afterAll(async () => {
  await browser?.close();
});

for (const fixture of siteFixtures().filter((f) => /^(gmail|zendesk|salesforce)-/.test(f.file))) {
  test(`Firefox: ${fixture.file}`, async () => {
    const page = await openAt(browser, fixture.urls[0]!, fixture.html);
    try {
      await checkSiteFixture(inPage(page), fixture, resolve, BADGE_TAG);
    } finally {
      await page.close();
    }
  });
}
