// Lookups for pages, the data status for the UI, and reloading the demo.
import type { HealthmarkDb } from '../../data/db';
import { createCachedLookup } from '../../data/lookup';
import { readStatus } from '../../data/status';
import { broadcastToUi } from '../../messaging';
import { loadDemo } from '../seed';
import type { HandlerGroup } from './types';

export function dataHandlers(db: HealthmarkDb): HandlerGroup<'lookup' | 'getStatus' | 'loadDemo'> {
  const lookup = createCachedLookup(db);
  return {
    lookup,
    getStatus: () => readStatus(db),
    loadDemo: async () => {
      await loadDemo(db);
      const status = await readStatus(db);
      await broadcastToUi('statusChanged', status);
      return status;
    },
  };
}
