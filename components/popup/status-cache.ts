// The popup's data status without counting rows on every open. IndexedDB counts by walking every row (about a
// second per count at 100k accounts), so the status read last is kept in extension storage with a stamp of the
// data it describes, and shown at once while that stamp is still current. The stamp is cheap to read: the
// storage key the background bumps whenever scores are written, plus the meta rows every bulk write updates.
import { browser } from 'wxt/browser';
import { type HealthmarkDb, getMeta } from '../../lib/data/db';
import { readStatus } from '../../lib/data/status';
import type { DataStatus } from '../../lib/messaging';
import { DATA_VERSION } from '../../lib/page/settings';

export const STATUS_CACHE_KEY = 'popupStatus';

interface Cached {
  stamp: string;
  status: DataStatus;
}

async function dataStamp(db: HealthmarkDb, dataVersion: unknown): Promise<string> {
  const meta = await Promise.all(['updatedAt', 'activeConfigId', 'dataMode'].map((key) => getMeta(db, key)));
  return JSON.stringify([dataVersion ?? null, ...meta]);
}

const stampNow = async (db: HealthmarkDb) => dataStamp(db, (await browser.storage.local.get(DATA_VERSION))[DATA_VERSION]);

/** The status of the data as it is now: remembered when nothing changed since it was counted, else counted. */
export async function popupStatus(db: HealthmarkDb, count: (db: HealthmarkDb) => Promise<DataStatus> = readStatus): Promise<DataStatus> {
  const stored = await browser.storage.local.get([DATA_VERSION, STATUS_CACHE_KEY]);
  const stamp = await dataStamp(db, stored[DATA_VERSION]);
  const cached = stored[STATUS_CACHE_KEY] as Cached | undefined;
  if (cached?.stamp === stamp) return cached.status;
  const status = await count(db);
  // Kept only if no write landed while counting (the counts could mix before and after).
  if ((await stampNow(db)) === stamp) await browser.storage.local.set({ [STATUS_CACHE_KEY]: { stamp, status } satisfies Cached });
  return status;
}
