// The options page's database handle and a hook that keeps a Dexie query's answer current (liveQuery), so every
// tab follows changes made anywhere: the background applying a config, a sync, another tab.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { openDb } from '../../lib/data/db';

export const db = openDb();

export type Live<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export function useLive<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [live, setLive] = useState<Live<T>>({ state: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setLive({ state: 'ready', value }),
      error: (e: unknown) => setLive({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return live;
}
