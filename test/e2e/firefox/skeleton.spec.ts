// The walking skeleton in Firefox ESR (puppeteer-core over WebDriver BiDi): the built add-on installs, loads the
// demo data and puts a badge next to every known address on the demo inbox, and none next to the others.
import { test, expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { type StaticServer, serveStatic } from '../../../lib/dev/serve';
import { BADGE_TAG } from '../../../lib/page/runner';
import { expectedDemoScores } from '../helpers/expected';
import { launchFirefox } from './helpers';

let browser: Browser;
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveStatic('test/fixtures');
  browser = await launchFirefox();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('Firefox: badges appear next to known addresses on the demo inbox', async () => {
  const { byEmail } = expectedDemoScores();
  const page = await browser.newPage();
  await page.goto(`${server.origin}/demo/inbox.html`);
  const text = await page.evaluate(() => document.body.innerText);
  const known = (text.match(/[a-z0-9.+-]+@[a-z0-9.-]+\.[a-z]+/gi) ?? []).filter((e) => byEmail.has(e.toLowerCase()));
  expect(known.length).toBeGreaterThan(3);
  await page.waitForFunction((tag, n) => document.querySelectorAll(tag).length >= n, { timeout: 20_000 }, BADGE_TAG, known.length);
  await new Promise((r) => setTimeout(r, 500));
  // The shadow root is closed, so the page sees only a host; it must sit next to a known address and be drawn.
  const hosts = await page.evaluate((tag) => {
    return [...document.querySelectorAll(tag)].map((h) => ({
      context: (h.parentElement?.textContent ?? '').trim(),
      width: h.getBoundingClientRect().width,
      open: (h as HTMLElement).shadowRoot !== null,
    }));
  }, BADGE_TAG);
  expect(hosts).toHaveLength(known.length);
  for (const h of hosts) {
    expect(h.width).toBeGreaterThan(10);
    expect(h.open).toBe(false);
    const email = /[a-z0-9.+-]+@[a-z0-9.-]+\.[a-z]+/i.exec(h.context)?.[0]?.toLowerCase();
    expect(byEmail.has(email ?? '')).toBe(true);
  }
  await page.close();
});
