// The badge and its card in a real page (test/fixtures/page/card.html): what the card shows and where, how the
// pill says and shows trend, override and missing data, the host page's theme, the host's layout left alone,
// and Esc never taking focus away from what the user types in.
import type { Page } from '@playwright/test';
import type { AccountSummary } from '../../../lib/messaging';
import { BADGE_TAG } from '../../../lib/page/runner';
import { inBadge } from '../helpers/badges';
import { expect, test } from '../helpers/fixtures';
import { shotPath } from '../helpers/shots';

const host = (anchor: string) => `#${anchor} + ${BADGE_TAG}`;
const count = (page: Page) => page.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG);

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect.poll(() => count(page)).toBe(5);
}

/** The open card's box and text, or null while none is open. */
function card(page: Page, anchor: string) {
  return inBadge(page, host(anchor), function () {
    const dialog = this.querySelector('[role=dialog]');
    if (!dialog) return null;
    const r = dialog.getBoundingClientRect();
    const section = dialog.querySelector('.card')!;
    return {
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      inTopLayer: dialog.matches(':popover-open'),
      text: (dialog as HTMLElement).innerText,
      background: getComputedStyle(section).backgroundColor,
      up: dialog.querySelectorAll('li.up').length,
      down: dialog.querySelectorAll('li.down').length,
      flags: dialog.querySelectorAll('.flag').length,
      actions: [...dialog.querySelectorAll('h3')].find((h) => h.textContent === 'Suggested actions')?.nextElementSibling?.querySelectorAll('li').length ?? 0,
    };
  });
}

/** What the pill says and how it looks. */
function pill(page: Page, anchor: string) {
  return inBadge(page, host(anchor), function () {
    const button = this.querySelector('button')!;
    const style = getComputedStyle(button);
    return {
      label: button.getAttribute('aria-label')!,
      className: button.className,
      background: style.backgroundColor,
      border: `${style.borderTopStyle} ${style.borderTopColor}`,
      ring: style.boxShadow,
      marker: getComputedStyle(button, '::before').content,
    };
  });
}

async function summaryOf(page: Page, extensionId: string, email: string): Promise<AccountSummary> {
  const ext = await page.context().newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await ext.evaluate((e) => chrome.runtime.sendMessage({ type: 'lookup', payload: { emails: [e], domains: [], names: [] } }), email);
  await ext.close();
  return Object.values(reply.data.accounts)[0] as AccountSummary;
}

test('the card is in the top layer: whole and on top from inside a transformed, clipped, paint-contained box, and re-clamped on resize', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 900, height: 600 });
  await open(page, `${pages.origin}/page/card.html`);
  // Opened by keyboard focus, so that moving the page under the pointer (the resize below) does not close it.
  await inBadge(page, host('clipped'), function () {
    this.querySelector('button')!.focus();
  });
  await expect.poll(() => card(page, 'clipped')).not.toBeNull();
  const first = (await card(page, 'clipped'))!;
  expect(first.inTopLayer).toBe(true);
  expect(first.box.left).toBeGreaterThanOrEqual(0);
  expect(first.box.top).toBeGreaterThanOrEqual(0);
  expect(first.box.right).toBeLessThanOrEqual(900);
  expect(first.box.bottom).toBeLessThanOrEqual(600);
  // Nothing of the page covers it, not even the box with the higher z-index above the clipped one.
  const x = (first.box.left + first.box.right) / 2;
  const y = (first.box.top + first.box.bottom) / 2;
  expect(await page.evaluate(([px, py, sel]) => document.elementFromPoint(px!, py!) === document.querySelector(sel!), [x, y, host('clipped')] as const)).toBe(true);
  await page.screenshot({ path: shotPath('badge-card-clipped.png') });

  await page.setViewportSize({ width: 700, height: 480 });
  await expect.poll(async () => (await card(page, 'clipped'))?.box.right ?? Infinity).toBeLessThanOrEqual(700);
  expect((await card(page, 'clipped'))!.box.bottom).toBeLessThanOrEqual(480);
  await page.close();
});

test('the card follows its pill when the page scrolls, and closes once the pill has left the screen', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 900, height: 600 });
  await open(page, `${pages.origin}/page/card.html`);
  await page.evaluate(() => (document.body.style.height = '3000px'));
  await inBadge(page, host('koi'), function () {
    this.querySelector('button')!.focus();
  });
  await expect.poll(() => card(page, 'koi')).not.toBeNull();
  const before = (await card(page, 'koi'))!.box.top;
  await page.mouse.wheel(0, 40);
  await expect.poll(async () => (await card(page, 'koi'))?.box.top).toBeCloseTo(before - 40, 0);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => card(page, 'koi')).toBeNull();
  await page.close();
});

test('the card: drivers both ways, flags, actions, the override with its expiry, data freshness, and a link that opens the account', async ({ session, pages }) => {
  const expiresAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
  const ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const set = await ext.evaluate(
    (until) => chrome.runtime.sendMessage({ type: 'setOverride', payload: { accountId: 'acc-001', value: 95, reason: 'Exec sponsor confirmed renewal', author: 'Robin Tester', expiresAt: until } }),
    expiresAt,
  );
  expect(set.ok).toBe(true);
  const page = await session.context.newPage();
  await open(page, `${pages.origin}/page/card.html`);

  await page.locator(host('fjord')).hover();
  await expect.poll(() => card(page, 'fjord')).not.toBeNull();
  const fjord = (await card(page, 'fjord'))!;
  expect(fjord.text).toContain('Fjord Robotics');
  expect(fjord.up).toBeGreaterThan(0);
  expect(fjord.down).toBeGreaterThan(0);
  expect(fjord.flags).toBeGreaterThan(0);
  expect(fjord.actions).toBeGreaterThan(0);
  expect(fjord.text).toMatch(/% of data present · scorecard: .+ · (data from today|oldest data 1 day old|oldest data \d+ days old)/);

  await page.mouse.move(0, 0); // the open card covers the badges below it
  await expect.poll(() => card(page, 'fjord')).toBeNull();
  await page.locator(host('acme')).hover();
  await expect.poll(async () => (await card(page, 'acme'))?.text ?? '').toContain('Exec sponsor confirmed renewal');
  const until = await page.evaluate((iso) => new Date(iso).toLocaleDateString(), expiresAt);
  expect((await card(page, 'acme'))!.text).toContain(`Set by Robin Tester: “Exec sponsor confirmed renewal” (until ${until})`);

  // The link opens the account in the options page (a page cannot open an extension page itself).
  const link = await inBadge(page, host('acme'), function () {
    const r = this.querySelector('button.link')!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  const opened = session.context.waitForEvent('page');
  await page.mouse.click(link.x, link.y);
  const options = await opened;
  await expect.poll(() => options.url()).toBe(`chrome-extension://${session.extensionId}/options.html#/accounts/acc-001`);
  await options.close();

  await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'removeOverride', payload: { accountId: 'acc-001' } }));
  await ext.close();
  await page.close();
});

test('the pill says the trend, and an override and missing data look different from a plain score', async ({ session, pages }) => {
  const ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
  await ext.evaluate((u) => chrome.runtime.sendMessage({ type: 'setOverride', payload: { accountId: 'acc-001', tier: 'champion', reason: 'Pilot went well', author: 'Sam', expiresAt: u } }), until);
  const page = await session.context.newPage();
  await open(page, `${pages.origin}/page/card.html`);

  const koi = await summaryOf(page, session.extensionId, 'ines.cole@koi-sushi-group.example');
  expect(koi.trend.d7).toBeLessThanOrEqual(-3); // the demo data has it falling
  const trending = await pill(page, 'koi');
  expect(trending.label).toBe(`Health ${koi.score}, ${koi.tier!.label}, down ${-koi.trend.d7!} in 7 days, demo data — Koi Sushi Group`);
  expect(trending.className).toBe('pill');
  expect(trending.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(trending.border).toMatch(/^none /);
  expect(trending.ring).toBe('none');

  await expect.poll(async () => (await pill(page, 'acme')).label).toContain('overridden by Sam');
  const overridden = await pill(page, 'acme');
  expect(overridden.className).toBe('pill overridden');
  expect(overridden.ring).not.toBe('none');
  expect(overridden.marker).toBe('"✎"');

  const unknown = await pill(page, 'magnolia');
  expect(unknown.label).toBe('Health unknown: not enough data, demo data — Magnolia Events');
  expect(unknown.className).toBe('pill insufficient');
  expect(unknown.background).toBe('rgba(0, 0, 0, 0)');
  expect(unknown.border).toMatch(/^dashed /);

  await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'removeOverride', payload: { accountId: 'acc-001' } }));
  await ext.close();
  await page.close();
});

test('a dark page gets a dark card, a light page a light one, and badges already there follow a theme switch', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 900, height: 520 });
  const shown = async (theme: string) => {
    await page.mouse.move(0, 0);
    await expect.poll(() => card(page, 'fjord')).toBeNull();
    await page.locator(host('fjord')).hover();
    await expect.poll(() => card(page, 'fjord')).not.toBeNull();
    await page.screenshot({ path: shotPath(`badge-card-${theme}.png`) });
    return { card: (await card(page, 'fjord'))!.background, muted: (await pill(page, 'magnolia')).border };
  };
  await open(page, `${pages.origin}/page/card.html?theme=light`);
  const light = await shown('light');
  expect(light.card).toBe('rgb(255, 255, 255)');
  await open(page, `${pages.origin}/page/card.html?theme=dark`);
  const dark = await shown('dark');
  expect(dark.card).toBe('rgb(35, 36, 40)');
  expect(dark.muted).not.toBe(light.muted);

  await page.evaluate(() => (document.documentElement.className = 'light'));
  await expect.poll(async () => (await pill(page, 'magnolia')).border).toBe(light.muted);
  expect((await shown('switched-to-light')).card).toBe('rgb(255, 255, 255)');
  await page.close();
});

test('a badge takes its own width and nothing more: its anchor stays put, the text after it moves by the badge', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await open(page, `${pages.origin}/page/card.html`);
  type Box = { x: number; y: number; width: number; height: number };
  const before = await page.evaluate(() => {
    const line = document.getElementById('line')!;
    line.innerHTML = '<span id="who">ivan.petrov@fjord-robotics.example</span><span id="tail"> will call back</span>';
    const box = (id: string) => document.getElementById(id)!.getBoundingClientRect().toJSON() as Box;
    return { who: box('who'), tail: box('tail'), line: box('line') }; // measured before the runner's turn
  });
  await expect.poll(() => page.evaluate((sel) => document.querySelector(sel) !== null, host('who'))).toBe(true);
  const after = await page.evaluate((sel) => {
    const box = (el: Element) => el.getBoundingClientRect().toJSON() as Box;
    const badge = document.querySelector(sel)!;
    const style = getComputedStyle(badge);
    return {
      who: box(document.getElementById('who')!), tail: box(document.getElementById('tail')!), line: box(document.getElementById('line')!),
      badgeWidth: box(badge).width + parseFloat(style.marginLeft) + parseFloat(style.marginRight),
    };
  }, host('who'));
  expect(after.who).toEqual(before.who);
  expect(after.line.height).toBe(before.line.height);
  expect(after.tail.y).toBe(before.tail.y);
  expect(after.tail.x - before.tail.x).toBeCloseTo(after.badgeWidth, 1);
  await page.close();
});

test('a click on the pill opens its card and a second one closes it; the page never sees those clicks', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await open(page, `${pages.origin}/page/card.html`);
  await page.evaluate(() => {
    const w = window as unknown as { __clicks: number };
    w.__clicks = 0;
    document.addEventListener('click', () => w.__clicks++);
  });
  const box = (await page.locator(host('koi')).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => card(page, 'koi')).not.toBeNull();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => card(page, 'koi')).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(0);
  await page.close();
});

test('Esc closes a card opened by hovering without taking focus from where the user types', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await open(page, `${pages.origin}/page/card.html`);
  await page.locator('#typing').click();
  await page.keyboard.type('Thanks for');
  await page.locator(host('koi')).hover();
  await expect.poll(() => card(page, 'koi')).not.toBeNull();
  await page.keyboard.press('Escape');
  await expect.poll(() => card(page, 'koi')).toBeNull();
  await page.keyboard.type(' waiting');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('typing');
  expect(await page.locator('#typing').inputValue()).toBe('Thanks for waiting');
  await page.close();
});
