// Every host-app adapter over its fixtures in real Chromium with the built extension, each fixture served at the
// app's real URL: a badge next to every customer the demo data knows (and only those), none duplicated when the
// app re-renders, none left when the customers leave the page. A fixture's other URLs (regional hosts, other
// routes to the same view) get the same badges, so the manifest's patterns cover them. Each badge is checked for
// the account it shows.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { DemoDataset } from '../../../lib/data/demo';
import { BADGE_TAG } from '../../../lib/page/runner';
import { probedLabels } from '../helpers/badges';
import { demoResolver } from '../helpers/expected';
import { expect, test } from '../helpers/fixtures';
import { shotPath } from '../helpers/shots';
import { checkSiteFixture, countBadgesIn, hasBadgeAt, type InPage, RESOLVE_SELECTOR, serveAt, siteFixtures, type SiteFixture } from '../helpers/sites';

const resolve = demoResolver();
// Playwright types the argument as it arrives in the page (unboxed); ours are plain values.
const inPage = (page: Page): InPage => ({ run: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg as unknown) });

const demo = JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset;
const accountName = new Map(demo.accounts.map((a) => [a.id, a.name]));

/** Each known customer's badge is the expected account's: its label ends with the account's name. */
async function expectAccounts(page: Page, fixture: SiteFixture): Promise<void> {
  for (const m of fixture.matches) {
    const id = resolve(m.kind, m.value);
    if (!id) continue;
    const probe = `probe-${Math.random().toString(36).slice(2)}`;
    await page.evaluate(hasBadgeAt, [m.selector, BADGE_TAG, RESOLVE_SELECTOR, probe] as const);
    const labels = await probedLabels(page, probe);
    const name = accountName.get(id)!;
    expect(labels.some((l) => l.endsWith(`— ${name}`)), `badge for ${m.value} (${name}) at ${m.selector}: ${labels.join(' | ')}`).toBe(true);
  }
}

for (const fixture of siteFixtures()) {
  // The generic adapter runs on sites the user enables; here it runs where it always does, on localhost.
  const urls = fixture.file.startsWith('generic-') ? [`http://localhost:9/${fixture.file}`] : fixture.urls;

  test(`${fixture.file}: badges where the customers are`, async ({ session }) => {
    const unroute = await serveAt(session.context, urls[0]!, fixture.html);
    const page = await session.context.newPage();
    try {
      await page.goto(urls[0]!);
      await checkSiteFixture(inPage(page), fixture, resolve, BADGE_TAG, async () => {
        await expectAccounts(page, fixture);
        await page.screenshot({ path: shotPath(`site-${fixture.file.replace(/\.html$/, '')}.png`) });
      });
    } finally {
      await page.close();
      await unroute();
    }
  });

  if (urls.length < 2) continue;
  test(`${fixture.file}: the same badges at its other URLs`, async ({ session }) => {
    const known = fixture.matches.filter((m) => resolve(m.kind, m.value)).length;
    for (const url of urls.slice(1)) {
      const unroute = await serveAt(session.context, url, fixture.html);
      const page = await session.context.newPage();
      try {
        await page.goto(url);
        await expect.poll(() => page.evaluate(countBadgesIn, BADGE_TAG), { timeout: 15_000, message: url }).toBe(known);
      } finally {
        await page.close();
        await unroute();
      }
    }
  });
}

// The README's pictures of badges in host apps (`npm run screenshots:sites` writes them to docs/images).
const README_PICTURES: Record<string, string> = {
  'gmail-inbox.html': 'app-gmail.png',
  'outlook-mail.html': 'app-outlook.png',
  'zendesk-ticket.html': 'app-zendesk.png',
  'salesforce-account-record.html': 'app-salesforce.png',
  'hubspot-companies-index.html': 'app-hubspot.png',
};

test('README pictures', async ({ session }) => {
  for (const fixture of siteFixtures().filter((f) => f.file in README_PICTURES)) {
    const unroute = await serveAt(session.context, fixture.urls[0]!, fixture.html);
    const page = await session.context.newPage();
    try {
      await page.setViewportSize({ width: 1100, height: 560 });
      await page.goto(fixture.urls[0]!);
      const known = fixture.matches.filter((m) => resolve(m.kind, m.value)).length;
      await expect.poll(() => page.evaluate(countBadgesIn, BADGE_TAG), { timeout: 15_000 }).toBe(known);
      await page.screenshot({ path: shotPath(README_PICTURES[fixture.file]!) });
    } finally {
      await page.close();
      await unroute();
    }
  }
});
