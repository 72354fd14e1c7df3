// The walking skeleton in real Chromium: demo data loads on install, badges show the scores the engine computes
// from it, unknown and free-mail addresses get none, and the popup reports the data state.
import { expectedDemoScores } from '../helpers/expected';
import { readBadges, waitForBadgeCount } from '../helpers/badges';
import { expect, test } from '../helpers/fixtures';

const EMAIL = /[a-z0-9.+-]+@[a-z0-9.-]+\.[a-z]+/i;

for (const file of ['helpdesk.html', 'inbox.html', 'crm.html']) {
  test(`badges on the demo ${file} show the demo scores`, async ({ session, pages }) => {
    const { byEmail } = expectedDemoScores();
    const page = await session.context.newPage();
    await page.goto(`${pages.origin}/demo/${file}`);
    // Every known address on the page gets a badge: count them from the page text and the dataset.
    const onPage = await page.evaluate(() => document.body.innerText);
    const known = (onPage.match(new RegExp(EMAIL.source, 'gi')) ?? []).filter((e) => byEmail.has(e.toLowerCase()));
    expect(known.length).toBeGreaterThan(3);
    await waitForBadgeCount(page, known.length);
    await page.waitForTimeout(500); // nothing more should arrive
    const badges = await readBadges(page);
    expect(badges).toHaveLength(known.length);
    for (const badge of badges) {
      const email = EMAIL.exec(badge.context)?.[0]?.toLowerCase();
      expect(email, `badge next to "${badge.context}" should sit next to an address`).toBeTruthy();
      const expected = byEmail.get(email!);
      expect(expected, `${email} is not a demo contact but got a badge`).toBeTruthy();
      const { score, tier } = expected!.result;
      if (score === null) {
        expect(badge.text).toContain('–');
      } else {
        expect(badge.text.startsWith(String(score))).toBe(true);
        expect(badge.label).toContain(`Health ${score}, ${tier!.label}`);
        expect(badge.tier).toBe(tier!.key);
      }
      expect(badge.label).toContain(expected!.name);
      expect(badge.label).toContain('demo data');
    }
    await page.close();
  });
}

test('unknown and free-mail addresses get no badge', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await page.goto(`${pages.origin}/demo/inbox.html`);
  await waitForBadgeCount(page, 1);
  await page.waitForTimeout(500);
  const contexts = (await readBadges(page)).map((b) => b.context);
  expect(contexts.some((c) => c.includes('jane.doe@gmail.com'))).toBe(false);
  expect(contexts.some((c) => c.includes('unknown-co.example'))).toBe(false);
  expect(contexts.some((c) => c.includes('dana.wu@acme-analytics.example'))).toBe(true);
  await page.close();
});

test('the popup shows demo data, the account count, the config and the tier distribution', async ({ session }) => {
  const { all } = expectedDemoScores();
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await expect(popup.locator('[data-mode]')).toHaveAttribute('data-mode', 'demo');
  await expect(popup.locator('[data-mode]')).toHaveText('Demo data');
  await expect(popup.getByTestId('account-count')).toHaveText(`${all.length} accounts`);
  await expect(popup.getByTestId('config-name')).toContainText('Default SaaS health');
  const tiers = new Map<string, number>();
  for (const e of all) if (e.result.tier) tiers.set(e.result.tier.key, (tiers.get(e.result.tier.key) ?? 0) + 1);
  expect(tiers.size).toBeGreaterThanOrEqual(3); // the demo spreads over the scale
  for (const [key, count] of tiers) await expect(popup.locator(`[data-tier="${key}"] b`)).toHaveText(String(count));
  const insufficient = all.filter((e) => e.result.status === 'insufficient').length;
  await expect(popup.locator('[data-tier="insufficient"] b')).toHaveText(String(insufficient));
  await popup.close();
});
