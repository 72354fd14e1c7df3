// Every host-app adapter over its fixtures in real Chromium with the built extension, each fixture served at the
// app's real URL: a badge next to every customer the demo data knows (and only those), none duplicated when the
// app re-renders, none left when the customers leave the page.
import type { Page } from '@playwright/test';
import { BADGE_TAG } from '../../../lib/page/runner';
import { demoResolver } from '../helpers/expected';
import { expect, test } from '../helpers/fixtures';
import { shotPath } from '../helpers/shots';
import { RESOLVE_SELECTOR, serveAt, siteFixtures } from '../helpers/sites';

const resolve = demoResolver();

/** Badges on the page, including those inside open shadow roots. */
function countBadges(page: Page): Promise<number> {
  return page.evaluate((tag) => {
    const count = (root: Document | ShadowRoot): number =>
      root.querySelectorAll(tag).length + [...root.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
    return count(document);
  }, BADGE_TAG);
}

/** Whether a badge sits right after the anchor (or after earlier badges of it) or inside it. */
function badgeAt(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(
    ([sel, tag, resolver]) => {
      const anchor = (new Function(`return ${resolver}`)() as (s: string) => Element[])(sel)[0];
      if (!anchor) throw new Error(`fixture selector finds nothing: ${sel}`);
      if (anchor.nextElementSibling?.localName === tag) return true;
      return anchor.querySelector(`:scope > ${tag}, :scope ${tag}`) !== null;
    },
    [selector, BADGE_TAG, RESOLVE_SELECTOR] as const,
  );
}

for (const fixture of siteFixtures()) {
  test(`${fixture.file}: badges where the customers are`, async ({ session }) => {
    // The generic adapter runs on sites the user enables; here it runs where it always does, on localhost.
    const url = fixture.file.startsWith('generic-') ? `http://localhost:9/${fixture.file}` : fixture.urls[0]!;
    const unroute = await serveAt(session.context, url, fixture.html);
    const page = await session.context.newPage();
    try {
      await page.goto(url);
      const known = fixture.matches.filter((m) => resolve(m.kind, m.value));
      const unknown = fixture.matches.filter((m) => !resolve(m.kind, m.value));
      // A hostile page may carry elements named like our badge host; they are the page's, not ours.
      const spoofed = (fixture.html.match(new RegExp(`<${BADGE_TAG}[\\s>]`, 'g')) ?? []).length;
      await expect.poll(() => countBadges(page), { timeout: 15_000 }).toBe(known.length + spoofed);
      await page.waitForTimeout(400);
      expect(await countBadges(page)).toBe(known.length + spoofed);
      for (const m of known) expect(await badgeAt(page, m.selector), `badge for ${m.value} at ${m.selector}`).toBe(true);
      const knownAnchors = new Set(known.map((m) => m.selector));
      for (const m of unknown.filter((u) => !knownAnchors.has(u.selector))) expect(await badgeAt(page, m.selector), `no badge for ${m.value}`).toBe(false);
      await page.screenshot({ path: shotPath(`site-${fixture.file.replace(/\.html$/, '')}.png`) });

      // The app re-renders the whole view: the same badges again, no duplicates.
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(fixture.html)?.[1] ?? fixture.html;
      await page.evaluate((html) => document.body.setHTMLUnsafe(html), body); // parses declarative shadow roots too
      await expect.poll(() => countBadges(page), { timeout: 15_000 }).toBe(known.length + spoofed);
      await page.waitForTimeout(300);
      expect(await countBadges(page)).toBe(known.length + spoofed);

      // The customers leave the page: their badges go too.
      await page.evaluate(
        ([selectors, resolver]) => {
          const find = new Function(`return ${resolver}`)() as (s: string) => Element[];
          for (const s of selectors) for (const el of find(s)) el.remove();
        },
        [fixture.matches.map((m) => m.selector), RESOLVE_SELECTOR] as const,
      );
      await expect.poll(() => countBadges(page), { timeout: 15_000 }).toBe(spoofed);
    } finally {
      await page.close();
      await unroute();
    }
  });
}
