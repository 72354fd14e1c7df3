// The runner in a real page: per-site toggle from the popup, single-page-app navigation, and a hostile page.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BADGE_TAG } from '../../../lib/page/runner';
import { inBadge, readBadges } from '../helpers/badges';
import { expect, test } from '../helpers/fixtures';
import { serveAt } from '../helpers/sites';

const count = (page: Page) => page.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG);
const INBOX = 'https://mail.google.com/mail/u/0/#inbox';

test('the popup shows this site and turns its badges off and on again', async ({ session }) => {
  const unroute = await serveAt(session.context, INBOX, readFileSync('test/fixtures/sites/gmail-inbox.html', 'utf8'));
  const page = await session.context.newPage();
  await page.goto(INBOX);
  await expect.poll(() => count(page)).toBeGreaterThan(0);
  const badges = await count(page);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  // Without the "tabs" permission tabs carry no URL: ask each tab's content script which site it is on.
  const tabId = await popup.evaluate(async () => {
    for (const tab of await chrome.tabs.query({})) {
      const info = await chrome.tabs.sendMessage(tab.id!, { type: 'pageInfo', payload: {} }).catch(() => null);
      if (info?.hostname === 'mail.google.com') return tab.id!;
    }
    throw new Error('no tab on mail.google.com answered');
  });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('site-info')).toHaveText(`Gmail adapter · ${badges} badges on this tab`);
  const toggle = popup.getByTestId('site-toggle');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(() => count(page)).toBe(0);
  await expect(popup.getByTestId('site-info')).toHaveText('Gmail adapter · 0 badges on this tab');
  await page.reload();
  await page.waitForTimeout(1000);
  expect(await count(page)).toBe(0); // stays off across reloads
  await toggle.check();
  await expect.poll(() => count(page)).toBe(badges);
  await popup.close();
  await page.close();
  await unroute();
});

test('single-page navigation: the old view leaves with its badges, the new view gets its own', async ({ session }) => {
  const unroute = await serveAt(session.context, INBOX, readFileSync('test/fixtures/sites/gmail-inbox.html', 'utf8'));
  const thread = readFileSync('test/fixtures/sites/gmail-thread.html', 'utf8');
  const threadBody = /<body[^>]*>([\s\S]*)<\/body>/i.exec(thread)![1]!;
  const page = await session.context.newPage();
  await page.goto(INBOX);
  await expect.poll(() => count(page)).toBeGreaterThan(0);
  const before = (await readBadges(page)).map((b) => b.label);
  await page.evaluate((html) => {
    history.pushState({}, '', '/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxRZbTw');
    document.body.setHTMLUnsafe(html);
  }, threadBody);
  // The old view's badges leave at once; wait for the new view's to arrive.
  await expect
    .poll(async () => {
      const labels = (await readBadges(page)).map((b) => b.label);
      return labels.length > 0 && labels.join('|') !== before.join('|');
    })
    .toBe(true);
  // Every badge now sits in the thread view.
  expect(await page.evaluate((tag) => [...document.querySelectorAll(tag)].every((h) => h.closest('div.adn, .ha, .nH')), BADGE_TAG)).toBe(true);
  await page.close();
  await unroute();
});

test('a hostile page: constant re-renders, huge text, markup in names, iframes — correct and inert', async ({ session, pages }) => {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${pages.origin}/hostile/churn.html`);
  // Identifiers too long for a lookup are dropped, not sent: the customer beside them still gets a badge.
  await expect.poll(() => page.evaluate((tag) => document.querySelectorAll(`#long ${tag}`).length, BADGE_TAG)).toBe(1);
  const label = await inBadge(page, `#long ${BADGE_TAG}`, function () {
    return this.querySelector('button')!.getAttribute('aria-label');
  });
  expect(label).toContain('Borealis Logistics');
  // Two known customers in the churning list plus those in the first 20,000 characters of the log.
  const inList = () => page.evaluate((tag) => document.querySelectorAll(`#list ${tag}`).length, BADGE_TAG);
  await expect.poll(inList).toBe(2);
  const frames = Number(await page.locator('#frames').textContent());
  await page.waitForTimeout(2000);
  // The list was replaced on every frame meanwhile, and still: two badges, no pile-up.
  expect(Number(await page.locator('#frames').textContent())).toBeGreaterThan(frames + 20);
  // Badges land in the same frame as the page's render: they never flicker off.
  for (let i = 0; i < 10; i++) {
    expect(await inList()).toBe(2);
    await page.waitForTimeout(37);
  }
  const total = await count(page);
  expect(total).toBeLessThan(400); // the 2 MB log is scanned only up to its cap
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // No content script inside the iframes (the manifest does not ask for all frames).
  const frameBadges = await Promise.all(page.frames().slice(1).map((f) => f.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG)));
  expect(frameBadges.every((n) => n === 0)).toBe(true);
  expect(errors).toEqual([]);
  expect(warnings.filter((w) => w.includes('lookup failed'))).toEqual([]);
  await page.close();
});

test('candidates arriving in a stream go out in at most one lookup per animation frame', async ({ session, pages }) => {
  const lookups = () => session.context.serviceWorkers()[0]!.evaluate(() => (globalThis as unknown as { __lookups?: number }).__lookups ?? 0);
  // Count the lookups the background receives, next to its own listener.
  await session.context.serviceWorkers()[0]!.evaluate(() => {
    const g = globalThis as unknown as { __lookups?: number };
    g.__lookups = 0;
    chrome.runtime.onMessage.addListener((message: { type?: string }) => {
      if (message?.type === 'lookup') g.__lookups!++;
    });
  });
  const page = await session.context.newPage();
  await page.goto(`${pages.origin}/demo/inbox.html`);
  await expect.poll(() => count(page)).toBeGreaterThan(0);
  const before = await lookups();
  // 400 new addresses, one per task, while the page counts its frames.
  const frames = await page.evaluate(async () => {
    let frames = 0;
    let counting = true;
    const tick = () => {
      frames++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const list = document.body.appendChild(document.createElement('ul'));
    for (let i = 0; i < 400; i++) {
      list.appendChild(document.createElement('li')).textContent = `person${i}@stream-${i}.example`;
      await new Promise((r) => setTimeout(r, 1));
    }
    await new Promise((r) => setTimeout(r, 500));
    counting = false;
    return frames;
  });
  const sent = (await lookups()) - before;
  // Timers here run about four times a frame: a lookup per change would be far more than one per frame.
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThanOrEqual(frames + 1);
  await page.close();
});

test('hover or focus opens the card inside the viewport; Esc closes it and focus returns to the badge', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(`${pages.origin}/demo/helpdesk.html`);
  await expect.poll(() => count(page)).toBeGreaterThan(0);
  // The card lives in a closed shadow root: find it and its box through the DevTools protocol.
  const dialog = async () => {
    const cdp = await page.context().newCDPSession(page);
    type Node = { nodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const walk = (n: Node): Node | undefined =>
      (n.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'role' && n.attributes![i + 1] === 'dialog')
        ? n
        : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(walk).find(Boolean);
    const node = walk(root);
    // The node may go between the two calls (the card closed, or opened anew): that reads as no card yet.
    const quad = node ? await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId }).then((r) => (r as { model: { border: number[] } }).model.border, () => null) : null;
    await cdp.detach();
    if (!quad) return null;
    const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
    const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  };
  // The last badge in the right-hand panel: its card must flip and shift to stay on screen.
  const host = page.locator(BADGE_TAG).last();
  await host.hover();
  let box: Awaited<ReturnType<typeof dialog>> = null;
  await expect.poll(async () => (box = await dialog())).not.toBeNull();
  box = box!;
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(900);
  expect(box.bottom).toBeLessThanOrEqual(600);
  await page.mouse.move(0, 0);
  await expect.poll(dialog).toBeNull();

  // Keyboard: Tab to a badge opens its card, Esc closes it and leaves focus on the badge.
  const onBadge = () => page.evaluate((tag) => document.activeElement?.localName === tag, BADGE_TAG);
  for (let i = 0; i < 30 && !(await onBadge()); i++) await page.keyboard.press('Tab');
  expect(await onBadge()).toBe(true);
  await expect.poll(dialog).not.toBeNull();
  await page.keyboard.press('Escape');
  await expect.poll(dialog).toBeNull();
  expect(await page.evaluate((tag) => document.activeElement?.localName === tag, BADGE_TAG)).toBe(true);
  await page.close();
});
