// Runs the what-if preview for the config being edited: debounced while typing, cancelled when the text changes
// again, over the stored accounts (loaded once per data version and kept while the page is open).
import { useEffect, useState } from 'preact/hooks';
import { getMeta } from '../../lib/data/db';
import { type WhatIfEntry, type WhatIfResult, loadWhatIfEntries, whatIf } from '../../lib/data/whatif';
import { errorMessage } from '../../lib/errors';
import type { ScoringConfig } from '../../lib/scoring';
import { db } from './live';

export type Preview = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: WhatIfResult } | { state: 'error'; message: string };

const DEBOUNCE_MS = 350;
let cached: { version: string; entries: Promise<WhatIfEntry[]> } | null = null;

async function entries(): Promise<WhatIfEntry[]> {
  const version = JSON.stringify([await getMeta(db, 'updatedAt'), await getMeta(db, 'activeConfigId'), await db.overrides.count()]);
  if (cached?.version !== version) cached = { version, entries: loadWhatIfEntries(db) };
  return cached.entries;
}

export function useWhatIf(next: ScoringConfig | null, current: ScoringConfig | null): Preview {
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  useEffect(() => {
    if (!next) return setPreview({ state: 'idle' });
    const controller = new AbortController();
    setPreview({ state: 'running' });
    const timer = setTimeout(async () => {
      try {
        const result = await whatIf(current, next, await entries(), { now: new Date(), signal: controller.signal });
        if (!controller.signal.aborted) setPreview({ state: 'done', result });
      } catch (error) {
        if (!controller.signal.aborted) setPreview({ state: 'error', message: errorMessage(error) });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [next, current]);
  return preview;
}
