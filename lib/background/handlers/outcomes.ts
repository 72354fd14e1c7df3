// An outcomes file from the Backtest view, sent in pieces like an accounts file (uploads.ts): read here and
// merged into the stored accounts in one transaction (lib/data/outcomes/store.ts), so the background keeps owning
// writes. Outcomes touch no score, so nothing is re-scored or announced.
import type { HealthmarkDb } from '../../data/db';
import { readOutcomeFile } from '../../data/outcomes';
import { storeOutcomes } from '../../data/outcomes/store';
import type { OutcomesFileReport } from '../../messaging';
import type { HandlerGroup } from './types';
import type { Uploads } from './uploads';

export function outcomeHandlers(db: HealthmarkDb, uploads: Uploads): HandlerGroup<'importOutcomes'> {
  return {
    importOutcomes: async ({ importId, chunks, name, settings }): Promise<OutcomesFileReport> => {
      const upload = uploads.take(importId, chunks);
      if (!upload.ok) return { ok: false, error: upload.error, totalRows: 0, applied: 0, unknownRows: 0, rejectedRows: 0, emptyRows: 0, errors: [] };
      const file = await readOutcomeFile(upload.text, { ...settings, name });
      const result = await storeOutcomes(db, file, `file:${name}`);
      if (!result.ok) return result;
      const { matched: _, ...report } = result;
      return report;
    },
  };
}
