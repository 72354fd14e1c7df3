// Lookups for pages, the data status for the UI, and reloading the demo.
import type { HealthmarkDb } from '../../data/db';
import { createCachedLookup, lookup } from '../../data/lookup';
import { readStatus } from '../../data/status';
import { broadcastToUi } from '../../messaging';
import { expiryCheckFor } from '../expiry';
import { loadDemo } from '../seed';
import type { HandlerGroup } from './types';

export function dataHandlers(db: HealthmarkDb): HandlerGroup<'lookup' | 'getStatus' | 'loadDemo'> {
  const cached = createCachedLookup(db);
  const expireDue = expiryCheckFor(db);
  return {
    // An override whose alarm has not fired yet is expired first: a page never shows one past its expiry. Right
    // after expiring, the answer is read afresh (the cache forgets on Dexie's change event, which may come later).
    lookup: async (request) => ((await expireDue()).length ? lookup(db, request) : cached(request)),
    getStatus: () => readStatus(db),
    loadDemo: async () => {
      await loadDemo(db);
      const status = await readStatus(db);
      await broadcastToUi('statusChanged', status);
      return status;
    },
  };
}
