// The scoring tab in real Chromium: an invalid edit shows its problems by path and cannot be applied; a valid one
// previews the tier changes against the stored accounts, applies (popup and page badges follow), and an older
// version can be restored.
import { expect, test } from '../helpers/fixtures';
import { demoScores, extensionPage, inboxBadges, presetJson } from './options-helpers';

test.describe.configure({ mode: 'serial' });

/** The default preset with other group weights: sentiment counts most. */
function reweighted() {
  const config = presetJson('default');
  config.name = 'Sentiment first';
  config.version = '2025.2-e2e';
  const weights: Record<string, number> = { usage: 10, setup: 10, sentiment: 60, support_billing: 20 };
  for (const g of config.scorecards[0]!.groups!) g.weight = weights[g.key]!;
  return config;
}

test('an invalid config lists its problems by path and Apply stays disabled', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/scoring'));
  const editor = page.getByLabel('Scoring config (JSON)');
  await expect(editor).toHaveValue(/"Default SaaS health"/);
  const apply = page.getByTestId('apply-config');
  await expect(apply).toBeDisabled(); // the active config itself

  const gap = presetJson('default');
  gap.tiers[1]!.min = 45;
  gap.scorecards[0]!.measures[0]!.weight = -1;
  await editor.fill(JSON.stringify(gap, null, 2));
  const issues = page.getByTestId('config-issues');
  await expect(issues).toContainText('tiers[1].min');
  await expect(issues).toContainText('leaves a gap: scores 40–44 have no tier');
  await expect(issues).toContainText('scorecards[0].measures[0].weight');
  await expect(apply).toBeDisabled();
  await expect(page.getByTestId('whatif')).toHaveCount(0);

  await editor.fill('{ "schemaVersion": 1, "name": ');
  await expect(issues).toContainText('JSON');
  await expect(issues).toContainText(/line 1/i);
  await expect(apply).toBeDisabled();
  await page.close();
});

test('a valid edit previews the tier changes, applies, and the popup and badges follow', async ({ session, pages }) => {
  const config = reweighted();
  const before = new Map(demoScores(presetJson('default')).map((a) => [a.id, a]));
  const after = demoScores(config);
  const moved = after.filter((a) => a.result.tier?.key !== before.get(a.id)!.result.tier?.key);
  expect(moved.length).toBeGreaterThan(0);

  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/scoring'));
  const editor = page.getByLabel('Scoring config (JSON)');
  await expect(editor).toHaveValue(/"Default SaaS health"/);
  await editor.fill(JSON.stringify(config, null, 2));
  await expect(page.getByTestId('config-valid')).toContainText('Sentiment first 2025.2-e2e');

  const whatif = page.getByTestId('whatif');
  await expect(page.getByTestId('whatif-moves-count')).toHaveText(`${moved.length} accounts change tier`);
  for (const tier of config.tiers) {
    const count = (list: typeof after) => list.filter((a) => a.result.tier?.key === tier.key).length;
    await expect(page.getByTestId('whatif-before').locator(`[data-tier="${tier.key}"] b`)).toHaveText(String(count([...before.values()])));
    await expect(page.getByTestId('whatif-after').locator(`[data-tier="${tier.key}"] b`)).toHaveText(String(count(after)));
  }
  for (const m of moved) {
    const row = whatif.locator(`tr[data-account-id="${m.id}"]`);
    await expect(row).toContainText(m.name);
    await expect(row).toContainText(`${before.get(m.id)!.result.tier?.label ?? 'Not enough data'}`);
    await expect(row).toContainText(`${m.result.tier?.label}`);
    await expect(row).toContainText(`${before.get(m.id)!.result.score ?? '–'} → ${m.result.score ?? '–'}`);
  }

  await page.getByTestId('apply-config').click();
  await expect(page.getByTestId('apply-notice')).toContainText(`Applied Sentiment first 2025.2-e2e: 40 accounts re-scored, ${moved.length} changed tier.`);
  await expect(page.getByTestId('config-valid')).toContainText('This is the active config');
  await expect(page.getByTestId('config-versions').locator('tbody tr')).toHaveCount(2);

  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await expect(popup.getByTestId('config-name')).toHaveText('Scoring: Sentiment first (2025.2-e2e)');
  await popup.close();

  const badges = await inboxBadges(page, pages.origin, 8);
  let checked = 0;
  for (const a of after)
    for (const contact of a.contacts) {
      const badge = badges.get(contact.toLowerCase());
      if (!badge || a.result.score === null) continue;
      expect(badge.label, contact).toContain(`Health ${a.result.score}, ${a.result.tier!.label}`);
      checked++;
    }
  expect(checked).toBeGreaterThan(3);
  await page.close();
});

test('an older version is restored: it becomes active again and the scores return', async ({ session, pages }) => {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/scoring'));
  const versions = page.getByTestId('config-versions');
  await expect(versions.locator('tbody tr')).toHaveCount(2);
  await versions.getByRole('button', { name: /^Restore Default SaaS health 2025\.1/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored Default SaaS health 2025.1' })).toBeVisible();
  await expect(versions.locator('tbody tr')).toHaveCount(3);
  await expect(versions.locator('tbody tr').first()).toContainText('Restored from version #1');
  await expect(versions.locator('tbody tr').first()).toContainText('Active');
  await expect(page.getByTestId('options-status')).toContainText('Default SaaS health (2025.1)');

  const original = demoScores(presetJson('default'));
  const badges = await inboxBadges(page, pages.origin, 8);
  const acme = original.find((a) => a.id === 'acc-001')!;
  expect(badges.get('dana.wu@acme-analytics.example')?.label).toContain(`Health ${acme.result.score}, ${acme.result.tier!.label}`);
  await page.close();
});
