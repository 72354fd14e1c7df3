// Serving site fixtures (test/fixtures/sites/<app>-<view>.html) at the host app's real URL, so the manifest's
// match patterns decide whether the content script runs, exactly as on the real site.
import { readdirSync, readFileSync } from 'node:fs';
import { type BrowserContext, expect } from '@playwright/test';

export interface SiteFixture {
  file: string;
  html: string;
  urls: string[];
  matches: { selector: string; kind: 'email' | 'domain' | 'name'; value: string }[];
}

const DIR = 'test/fixtures/sites';

export function siteFixtures(): SiteFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({ file, html: readFileSync(`${DIR}/${file}`, 'utf8'), ...JSON.parse(readFileSync(`${DIR}/${file.replace(/\.html$/, '.expect.json')}`, 'utf8')) }));
}

/** Answers every request to the URL's origin with the fixture page. */
export async function serveAt(context: BrowserContext, url: string, html: string): Promise<() => Promise<void>> {
  const origin = new URL(url).origin;
  const handler = (route: Parameters<Parameters<BrowserContext['route']>[1]>[0]) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await context.route(`${origin}/**`, handler);
  return () => context.unroute(`${origin}/**`, handler);
}

/** In-page: resolves a fixture selector where `a >>> b` steps into a's open shadow root. */
export const RESOLVE_SELECTOR = `(selector) => {
  let scopes = [document];
  for (const part of selector.split('>>>').map((p) => p.trim())) {
    const found = scopes.flatMap((s) => [...(s.shadowRoot ?? s).querySelectorAll(part)]);
    scopes = found;
  }
  return scopes;
}`;

/** A page of either driver (Playwright in Chromium, puppeteer in Firefox): runs a function in the page. */
export interface InPage {
  run<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
}

/** In-page: badge hosts in the document and in every open shadow root. */
export const countBadgesIn = (tag: string): number => {
  const count = (root: Document | ShadowRoot): number =>
    root.querySelectorAll(tag).length + [...root.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
  return count(document);
};

/**
 * In-page (Playwright and puppeteer alike): whether a badge host sits right after the anchor the fixture selector
 * finds (or after earlier badges of it), or inside it. Marks those hosts with `data-probe` = probe when one is
 * given, so their labels can be read.
 */
export function hasBadgeAt([selector, tag, resolver, probe]: readonly [string, string, string, string?]): boolean {
  const anchor = (new Function(`return ${resolver}`)() as (s: string) => Element[])(selector)[0];
  if (!anchor) throw new Error(`fixture selector finds nothing: ${selector}`);
  const hosts: Element[] = [...anchor.querySelectorAll(tag)];
  for (let next = anchor.nextElementSibling; next?.localName === tag; next = next.nextElementSibling) hosts.push(next);
  if (probe) for (const host of hosts) host.setAttribute('data-probe', probe);
  return hosts.length > 0;
}

/** In-page: the app renders the whole view again (declarative shadow roots parsed too). */
const rerenderIn = (html: string): void => document.body.setHTMLUnsafe(html);

/** In-page: the customers leave the page. */
const removeIn = ([selectors, resolver]: readonly [string[], string]): void => {
  const find = new Function(`return ${resolver}`)() as (s: string) => Element[];
  for (const s of selectors) for (const el of find(s)) el.remove();
};

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The badge count reaches n and stays there (no late duplicates). */
async function expectBadges(page: InPage, n: number, tag: string): Promise<void> {
  await expect.poll(() => page.run(countBadgesIn, tag), { timeout: 15_000 }).toBe(n);
  await settle(400);
  expect(await page.run(countBadgesIn, tag)).toBe(n);
}

/**
 * A fixture loaded at its app's URL: a badge at every customer the demo data knows and at nobody else; the same
 * badges after the app re-renders the view; none left once the customers leave. `shown` runs while the first
 * render's badges are up (screenshots).
 */
export async function checkSiteFixture(
  page: InPage,
  fixture: SiteFixture,
  resolve: (kind: SiteFixture['matches'][number]['kind'], value: string) => string | null,
  tag: string,
  shown?: () => Promise<void>,
): Promise<void> {
  const known = fixture.matches.filter((m) => resolve(m.kind, m.value));
  const unknown = fixture.matches.filter((m) => !resolve(m.kind, m.value));
  expect(known.length, 'the fixture shows at least one customer the demo data knows').toBeGreaterThan(0);
  // A hostile page may carry elements named like our badge host; they are the page's, not ours.
  const spoofed = (fixture.html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length;
  await expectBadges(page, known.length + spoofed, tag);
  for (const m of known) expect(await page.run(hasBadgeAt, [m.selector, tag, RESOLVE_SELECTOR] as const), `badge for ${m.value} at ${m.selector}`).toBe(true);
  const knownAnchors = new Set(known.map((m) => m.selector));
  for (const m of unknown.filter((u) => !knownAnchors.has(u.selector))) {
    expect(await page.run(hasBadgeAt, [m.selector, tag, RESOLVE_SELECTOR] as const), `no badge for ${m.value}`).toBe(false);
  }
  await shown?.();

  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(fixture.html)?.[1] ?? fixture.html;
  await page.run(rerenderIn, body);
  await expectBadges(page, known.length + spoofed, tag);

  await page.run(removeIn, [fixture.matches.map((m) => m.selector), RESOLVE_SELECTOR] as const);
  await expect.poll(() => page.run(countBadgesIn, tag), { timeout: 15_000 }).toBe(spoofed);
}
