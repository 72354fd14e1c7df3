// Gmail, Zendesk and Salesforce fixtures in Firefox ESR at the apps' real URLs: the same badges as in Chromium.
import { expect, test } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { demoResolver } from '../helpers/expected';
import { siteFixtures } from '../helpers/sites';
import { launchFirefox, openAt, waitForCount } from './helpers';

const resolve = demoResolver();
let browser: Browser;

test.beforeAll(async () => {
  browser = await launchFirefox();
});
test.afterAll(async () => {
  await browser?.close();
});

for (const fixture of siteFixtures().filter((f) => /^(gmail|zendesk|salesforce)-/.test(f.file))) {
  test(`Firefox: ${fixture.file}`, async () => {
    const known = fixture.matches.filter((m) => resolve(m.kind, m.value));
    expect(known.length).toBeGreaterThan(0);
    const page = await openAt(browser, fixture.urls[0]!, fixture.html);
    try {
      expect(await waitForCount(page, known.length)).toBe(known.length);
    } finally {
      await page.close();
    }
  });
}
