// The optional browser notification after a sync found drops or worse tiers (off by default; options → Sources).
import { browser } from 'wxt/browser';
import { changeText } from '../data/change-text';
import { type ChangeRow, type HealthmarkDb, getMeta } from '../data/db';
import { plural, t } from '../i18n';

export const NOTIFY_META_KEY = 'syncNotifications';
const LISTED = 3;

export async function notifyChanges(db: HealthmarkDb, changes: ChangeRow[]): Promise<void> {
  if ((await getMeta<boolean>(db, NOTIFY_META_KEY)) !== true || changes.length === 0) return;
  const names = new Map((await db.accounts.bulkGet([...new Set(changes.map((c) => c.accountId))])).flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
  const lines = changes.slice(0, LISTED).map((c) => `${names.get(c.accountId) ?? c.accountId}: ${changeText(c)}`);
  await browser.notifications.create('healthmark-sync-changes', {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: plural(changes.length, 'syncNotifyTitleOne', 'syncNotifyTitle'),
    message: lines.join('\n') + (changes.length > LISTED ? `\n${t('syncNotifyMore', changes.length - LISTED)}` : ''),
  });
}
