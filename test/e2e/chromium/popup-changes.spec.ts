// The popup's "changes in the last update" in real Chromium: the alerts recorded with the data in use (written here
// straight into the extension's database, as a sync records them), by account name, with their count and a link
// that opens Options → Accounts filtered to those accounts; alerts of earlier data are not shown.
import { expect, test } from '../helpers/fixtures';
import { extensionPage } from './options-helpers';

const CHANGED = ['acc-001', 'acc-002', 'acc-003', 'acc-004', 'acc-005', 'acc-006', 'acc-007'];

/**
 * Adds drop alerts at the time of the last apply for `changed`, and one from before it for acc-038, and counts them
 * in the stored status, as a sync's apply does.
 */
function addAlerts(changed: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('healthmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('meta').objectStore('meta').get('updatedAt');
      read.onsuccess = () => {
        const at = read.result.value as string;
        const tx = db.transaction(['changes', 'meta'], 'readwrite');
        const store = tx.objectStore('changes');
        const status = tx.objectStore('meta').get('status');
        status.onsuccess = () => tx.objectStore('meta').put({ key: 'status', value: { ...status.result.value, alerts: changed.length } });
        const drop = (accountId: string, when: string) => ({ at: when, accountId, kind: 'drop', from: 80, to: 60, text: 'Score dropped 20 points within 7 days (from 80 to 60)', detail: { peak: 80, days: 7 } });
        store.add(drop('acc-038', new Date(Date.parse(at) - 86_400_000).toISOString()));
        for (const id of changed) store.add(drop(id, at));
        tx.oncomplete = () => (db.close(), resolve(at));
        tx.onerror = () => reject(tx.error);
      };
    };
  });
}

test('the popup lists the last update’s changes by name, says how many, and links to all of them', async ({ session }) => {
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await expect(popup.getByTestId('account-count')).toHaveText('40 accounts');
  await expect(popup.getByTestId('changes-feed')).toHaveCount(0); // the demo brings no alerts
  await popup.evaluate(addAlerts, CHANGED);
  await popup.reload();

  const feed = popup.getByTestId('changes-feed');
  await expect(feed.getByTestId('changes-count')).toHaveText('7 changes: worse tiers and big score drops');
  const items = feed.getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText('Score dropped 20 points within 7 days (from 80 to 60)');
  for (const name of await items.getByRole('link').allTextContents()) expect(name).not.toMatch(/^acc-/); // names, not ids
  await expect(feed).not.toContainText('Magnolia Events'); // acc-038's alert belongs to earlier data
  const first = items.first().getByRole('link');
  expect(await first.getAttribute('href')).toMatch(/options\.html#\/accounts\/acc-00\d$/);

  const [options] = await Promise.all([session.context.waitForEvent('page'), feed.getByTestId('changes-see-all').click()]);
  await expect(options).toHaveURL(/options\.html#\/accounts\?changed$/);
  await expect(options.getByTestId('changed-only')).toBeChecked();
  await expect(options.locator('[data-testid="accounts-count"][data-stage="done"]')).toHaveText('7 of 40 accounts');
  await options.getByTestId('changed-only').uncheck();
  await expect(options.getByTestId('accounts-count')).toHaveText('40 of 40 accounts');
  await options.close();
  await popup.close();
});
