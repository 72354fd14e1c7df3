// Tells content scripts that stored scores changed, whoever changed them (sync, import, config apply, override,
// options page): Dexie reports every mutation of the database, in this context and (over BroadcastChannel) in
// the extension's pages; a write to scores bumps a storage key that content scripts watch.
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { DATA_VERSION } from '../page/settings';

export function announceScoreChanges(dbName: string): void {
  const prefix = `idb://${dbName}/scores/`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', (parts) => {
    if (!Object.keys(parts).some((part) => part.startsWith(prefix))) return;
    clearTimeout(timer);
    // One announcement per burst of writes (a sync writes scores in several steps).
    timer = setTimeout(() => void browser.storage.local.set({ [DATA_VERSION]: Date.now() }), 100);
  });
}
