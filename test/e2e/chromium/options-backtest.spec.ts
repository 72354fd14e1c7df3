// Scoring → Backtest in real Chromium: on a fresh install (demo accounts, no outcomes) the run explains why there
// is nothing to test; with outcomes written into the stored demo accounts it shows the AUC, churn per tier and the
// suggested weights, and "Use as draft" fills the editor (what-if before/after) without applying anything.
import { expect, test } from '../helpers/fixtures';
import { writeOutcomesInPage } from '../helpers/backtest';
import { shotPath } from '../helpers/shots';
import { extensionPage } from './options-helpers';

test.describe.configure({ mode: 'serial' });

const CHURNED_LOWEST = 12;

test('without outcomes the run says what is missing', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/scoring'));
  await page.getByTestId('scoring-backtest-link').click();
  await expect(page).toHaveURL(/#\/scoring\/backtest$/);
  await expect(page.getByRole('heading', { name: 'Backtest: does the score predict churn?' })).toBeVisible();
  await expect(page.getByLabel(/The active config: Default SaaS health/)).toBeChecked();
  await expect(page.getByLabel(/The config in the editor/)).toBeDisabled();
  await page.getByTestId('backtest-run').click();
  await expect(page.getByTestId('backtest-error')).toHaveText(/None of the 40 stored accounts has an outcome/);

  await page.getByLabel('Folds').fill('1');
  await page.getByTestId('backtest-run').click();
  await expect(page.getByLabel('Folds')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#bt-folds-hint')).toHaveText('Enter a whole number from 2 to 20.');
  await page.close();
});

test('with outcomes: AUC, churn per tier, suggestion, and "Use as draft" fills the editor without applying', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'options.html#/scoring/backtest'));
  const { churned, scored } = await page.evaluate(writeOutcomesInPage, CHURNED_LOWEST);
  await page.getByTestId('backtest-run').click();

  const results = page.getByTestId('backtest-results');
  await expect(results).toBeVisible();
  await expect(page.getByTestId('backtest-population')).toContainText(`${churned} churned and ${scored - churned} retained`);
  // The twelve lowest scores churned: the score ranks churners well.
  const auc = Number(await page.getByTestId('backtest-auc').locator('.bt-big').textContent());
  expect(auc).toBeGreaterThan(0.7);
  await expect(page.getByTestId('backtest-auc')).toContainText(/95% confidence interval 0\.\d\d–[01]\.\d\d \(1000 bootstrap replicates\)/);
  await expect(page.getByTestId('backtest-warnings')).toContainText('Too few outcomes to say anything reliable');
  await expect(page.getByTestId('backtest-leading')).toContainText('AUC 30 days before churn');

  const tierRows = page.getByTestId('backtest-tiers').locator('tbody tr');
  await expect(tierRows).toHaveCount(4);
  const tierCounts = await tierRows.evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td.num')].map((cell) => Number(cell.textContent))));
  expect(tierCounts.reduce((n, [accounts]) => n + accounts!, 0)).toBe(scored);
  expect(tierCounts.reduce((n, [, c]) => n + c!, 0)).toBe(churned);
  // The lowest tier holds most of the churners: its rate, shown as a percentage, is above the top tier's.
  const rate = ([accounts, c]: number[]) => c! / accounts!;
  expect(rate(tierCounts[0]!)).toBeGreaterThan(rate(tierCounts[3]!));
  await expect(tierRows.first().locator('.bt-rate')).toHaveText(`${(rate(tierCounts[0]!) * 100).toFixed(1)}%`);
  await expect(page.getByTestId('backtest-measures').locator('tbody tr')).not.toHaveCount(0);

  const suggestion = page.getByTestId('backtest-suggestion');
  await expect(page.getByTestId('backtest-cv')).toContainText(/Cross-validated AUC \(5 folds.*current 0\.\d\d → suggested 0\.\d\d/);
  const suggested = await suggestion.locator('tr[data-measure]').evaluateAll((rows) =>
    rows.map((row) => [row.getAttribute('data-measure')!, Number(row.querySelector('[data-testid="suggested-weight"]')!.textContent)] as const),
  );
  expect(suggested.length).toBeGreaterThan(3);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator('.backtest').screenshot({ path: shotPath(`options-backtest-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByTestId('backtest-use-draft').click();
  await expect(page).toHaveURL(/#\/scoring$/);
  const editor = page.getByLabel('Scoring config (JSON)');
  await expect(editor).toHaveValue(/-suggested"/);
  const draft = JSON.parse(await editor.inputValue()) as { scorecards: { measures: { key?: string; metric: string; weight: number }[] }[] };
  const weights = new Map(draft.scorecards.flatMap((card) => card.measures.map((m) => [m.key ?? m.metric, m.weight] as const)));
  for (const [key, weight] of suggested) expect(weights.get(key), key).toBe(weight);
  await expect(page.getByTestId('config-valid')).toContainText('-suggested');
  await expect(page.getByTestId('whatif-before')).toBeVisible();
  await expect(page.getByTestId('whatif-after')).toBeVisible();
  await expect(page.getByTestId('whatif-moves-count')).toBeVisible();

  // Nothing applied: one stored version, still the preset, still active.
  const versions = page.getByTestId('config-versions').locator('tbody tr');
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText('Active');
  await expect(page.getByTestId('options-status')).toContainText('Default SaaS health (2025.1)');
  await expect(page.getByTestId('apply-config')).toBeEnabled();
  await page.close();
});
