// Firefox ESR through puppeteer-core over WebDriver BiDi, with the built add-on installed as a temporary add-on.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../../lib/dev/browsers';
import { FIREFOX_BUILD } from '../../../lib/dev/launch';
import { BADGE_TAG } from '../../../lib/page/runner';

export async function launchFirefox(): Promise<Browser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

/** Opens url in a new page, answering every request to its origin with html (the app's real URL, our page). */
export async function openAt(browser: Browser, url: string, html: string): Promise<Page> {
  const page = await browser.newPage();
  const origin = new URL(url).origin;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void request.continue();
  });
  await page.goto(url);
  return page;
}

/** Badge hosts on the page, including inside open shadow roots. */
export function countBadges(page: Page): Promise<number> {
  return page.evaluate((tag) => {
    const count = (root: Document | ShadowRoot): number =>
      root.querySelectorAll(tag).length + [...root.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
    return count(document);
  }, BADGE_TAG);
}

export async function waitForCount(page: Page, expected: number, timeout = 20_000): Promise<number> {
  const end = Date.now() + timeout;
  let seen = -1;
  while (Date.now() < end) {
    seen = await countBadges(page);
    if (seen === expected) {
      await new Promise((r) => setTimeout(r, 400)); // and it stays so
      seen = await countBadges(page);
      if (seen === expected) return seen;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return seen;
}
