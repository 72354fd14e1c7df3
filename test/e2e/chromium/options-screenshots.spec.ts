// Screenshots of the popup, every options tab and an account, in the light and the dark theme, for the README and
// for looking at the UI as a person would (docs/images/options-*.png, popup-*.png). The Backtest view and the
// Sources tab with synced sources come from their own specs (options-backtest, sync-sources).
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import { shotPath } from '../helpers/shots';
import { editWeightsForWhatIf } from './options-helpers';

const VIEWS = [
  { name: 'scoring', hash: '#/scoring', ready: (p: Page) => expect(p.getByTestId('config-versions')).toBeVisible() },
  { name: 'accounts', hash: '#/accounts', ready: (p: Page) => expect(p.getByTestId('accounts-count')).toContainText('40 of 40') },
  { name: 'account', hash: '#/accounts/acc-002', ready: (p: Page) => expect(p.locator('.history circle').first()).toBeAttached() },
  { name: 'sources', hash: '#/sources', ready: (p: Page) => expect(p.getByTestId('source-config')).toBeVisible() },
  { name: 'sites', hash: '#/sites', ready: (p: Page) => expect(p.getByTestId('adapter-gmail')).toBeVisible() },
  { name: 'privacy', hash: '#/privacy', ready: (p: Page) => expect(p.getByTestId('table-counts')).toContainText('Accounts') },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`popup, options tabs and popup search in the ${scheme} theme`, async ({ session }) => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const view of VIEWS) {
      await page.goto(`chrome-extension://${session.extensionId}/options.html${view.hash}`);
      await view.ready(page);
      await page.screenshot({ path: shotPath(`options-${view.name}-${scheme}.png`) });
    }
    // A what-if in progress: the default preset with sentiment weighing more than usage.
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/scoring`);
    await editWeightsForWhatIf(page);
    await expect(page.getByTestId('whatif')).toBeVisible();
    await page.locator('.scoring > .panel').nth(1).screenshot({ path: shotPath(`options-whatif-${scheme}.png`) });
    await page.close();

    const popup = await session.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 340, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect(popup.getByTestId('account-count')).toHaveText('40 accounts');
    await expect(popup.getByTestId('sync-status')).toBeVisible();
    await popup.screenshot({ path: shotPath(`popup-${scheme}.png`), fullPage: true });
    await popup.getByLabel('Find an account').fill('b');
    await expect(popup.getByTestId('search-results')).toBeVisible();
    await expect(popup.locator('.search .card')).toBeVisible();
    await popup.screenshot({ path: shotPath(`popup-search-${scheme}.png`), fullPage: true });
    await popup.close();
  });
}
