// "Delete all data" from the privacy tab: every table is cleared and the data mode becomes 'empty', so the demo is
// not seeded again on the next start (the user can ask for it with loadDemo). What Healthmark keeps outside the
// database goes too: its extension storage (the override author's name, the site switches, the custom sites, whose
// host permissions are given back and whose content script registration follows them), and every alarm (source
// syncs, override expiry: their sources and overrides are gone).
import { browser } from 'wxt/browser';
import { type HealthmarkDb, setMeta } from '../../data/db';
import { EMPTY_STATUS, STATUS_KEY, readStatus } from '../../data/status';
import { broadcastToUi } from '../../messaging';
import { customSites } from '../../page/settings';
import { originPattern, syncCustomSites } from '../custom-sites';
import type { HandlerGroup } from './types';

export async function deleteAllData(db: HealthmarkDb): Promise<void> {
  const origins = (await customSites()).map(originPattern);
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    await setMeta(db, 'dataMode', 'empty');
    await setMeta(db, STATUS_KEY, EMPTY_STATUS);
  });
  await browser.storage.local.clear();
  if (origins.length) await browser.permissions.remove({ origins });
  await syncCustomSites();
  await browser.alarms.clearAll();
}

export function privacyHandlers(db: HealthmarkDb): HandlerGroup<'deleteAllData'> {
  return {
    deleteAllData: async () => {
      await deleteAllData(db);
      const status = await readStatus(db);
      await broadcastToUi('statusChanged', status);
      return status;
    },
  };
}
