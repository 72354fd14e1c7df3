// Serving site fixtures (test/fixtures/sites/<app>-<view>.html) at the host app's real URL, so the manifest's
// match patterns decide whether the content script runs, exactly as on the real site.
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';

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
