// "Delete all data" from the privacy tab: every table is cleared and the data mode becomes 'empty', so the
// demo is not seeded again on the next start (the user can ask for it with loadDemo).
import { type HealthmarkDb, setMeta } from '../../data/db';
import { readStatus } from '../../data/status';
import { broadcastToUi } from '../../messaging';
import type { HandlerGroup } from './types';

export async function deleteAllData(db: HealthmarkDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    await setMeta(db, 'dataMode', 'empty');
  });
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
