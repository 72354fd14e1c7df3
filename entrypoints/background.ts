import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter, type Handlers } from '@/lib/background/router';
import { announceScoreChanges } from '@/lib/background/announce';
import { watchCustomSites } from '@/lib/background/custom-sites';
import { watchOverrideExpiry } from '@/lib/background/expiry';
import { seedIfNew } from '@/lib/background/seed';
import { syncServiceFor } from '@/lib/background/sync';
import { DB_NAME, openDb } from '@/lib/data/db';
import { ensureStoredStatus } from '@/lib/data/status';

export default defineBackground(() => {
  const db = openDb();
  announceScoreChanges(DB_NAME);
  watchCustomSites();
  watchOverrideExpiry(db);
  // Every handler waits for first-run seeding, so an early lookup from a page sees the demo data. A database from
  // before statuses were stored gets its status counted once, so the popup never has to count.
  const ready = seedIfNew(db)
    .then(() => ensureStoredStatus(db))
    .catch((error) => console.error('Healthmark: loading the demo data failed:', error));
  // Sync alarms outlive a stopped service worker; the listener is added at once so a wake-up by one is not missed.
  const sync = syncServiceFor(db);
  browser.alarms.onAlarm.addListener((alarm) => void ready.then(() => sync.onAlarm(alarm)));
  void ready.then(sync.ensureAlarms).catch((error) => console.error('Healthmark: restoring the sync schedule failed:', error));
  const handlers = createHandlers(db);
  const waiting = Object.fromEntries(
    Object.entries(handlers).map(([type, handle]) => [type, async (payload: never) => (await ready, (handle as (p: never) => unknown)(payload))]),
  ) as Handlers;
  browser.runtime.onMessage.addListener(createRouter(waiting, browser.runtime.id));
});
