// Firefox ESR through puppeteer-core over WebDriver BiDi, with the built add-on installed as a temporary add-on.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../../lib/dev/browsers';
import { FIREFOX_BUILD } from '../../../lib/dev/launch';

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
