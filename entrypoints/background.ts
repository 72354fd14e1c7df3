import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '@/lib/background/router';
import { loadDemo, seedIfNew } from '@/lib/background/seed';
import { openDb } from '@/lib/data/db';
import { lookup } from '@/lib/data/lookup';
import { readStatus } from '@/lib/data/status';
import { broadcastToUi } from '@/lib/messaging';

export default defineBackground(() => {
  const db = openDb();
  // Every handler waits for first-run seeding, so an early lookup from a page sees the demo data.
  const ready = seedIfNew(db).catch((error) => console.error('Healthmark: loading the demo data failed:', error));

  const router = createRouter(
    {
      lookup: async (request) => (await ready, lookup(db, request)),
      getStatus: async () => (await ready, readStatus(db)),
      loadDemo: async () => {
        await loadDemo(db);
        const status = await readStatus(db);
        await broadcastToUi('statusChanged', status);
        return status;
      },
    },
    browser.runtime.id,
  );
  browser.runtime.onMessage.addListener(router);
});
