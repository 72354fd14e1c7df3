// The options page's database handle and a hook that keeps a query's answer current. Data changes in the
// background (service worker), and Dexie in this page neither hears of those writes nor drops its liveQuery cache
// for them (a stale list of config versions stayed on screen), so queries are plain reads that run again whenever
// the background announces new data, broadcasts a status change, or this page has asked it to change something.
import { useEffect, useState } from 'preact/hooks';
import { openDb } from '../../lib/data/db';
import { errorMessage } from '../../lib/errors';
import { type MessageType, type ToBackground, onBroadcast, sendToBackground } from '../../lib/messaging';
import { onDataChanged } from '../../lib/page/settings';

export const db = openDb();

let version = 0;
const watchers = new Set<() => void>();

/** Runs every live query again. */
export function refreshLive(): void {
  version++;
  for (const watch of watchers) watch();
}
onDataChanged(refreshLive);
onBroadcast('statusChanged', refreshLive);

function useVersion(): number {
  const [seen, setSeen] = useState(version);
  useEffect(() => {
    const watch = () => setSeen(version);
    watchers.add(watch);
    return () => void watchers.delete(watch);
  }, []);
  return seen;
}

export type Live<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export function useLive<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [live, setLive] = useState<Live<T>>({ state: 'loading' });
  const seen = useVersion();
  useEffect(() => {
    let current = true;
    query().then(
      (value) => current && setLive({ state: 'ready', value }),
      (e: unknown) => current && setLive({ state: 'error', message: errorMessage(e) }),
    );
    return () => {
      current = false;
    };
  }, [...deps, seen]);
  return live;
}

/** Asks the background to change data, then runs the live queries again so this page shows the result at once. */
export async function ask<K extends MessageType>(type: K, payload: ToBackground[K]['request']): Promise<ToBackground[K]['response']> {
  try {
    return await sendToBackground(type, payload);
  } finally {
    refreshLive();
  }
}
