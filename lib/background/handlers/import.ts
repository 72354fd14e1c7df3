// File import from the options page. The apply runs here, not in the page: the background owns writes, its
// Dexie writes clear the lookup cache and bump `dataVersion` (announce.ts) as every other write does, and
// scoring plus writing 100k accounts would block the page for seconds. The file arrives in pieces (uploads.ts).
import { applyAccountData } from '../../data/apply';
import type { HealthmarkDb } from '../../data/db';
import { importEvents } from '../../data/import';
import { activeConfig, readStatus } from '../../data/status';
import { type FileImportReport, broadcastToUi } from '../../messaging';
import type { HandlerGroup } from './types';
import type { Uploads } from './uploads';

/** Progress announcements at most this often: a 100 MB CSV reads in hundreds of batches. */
const PROGRESS_INTERVAL_MS = 150;

export function importHandlers(db: HealthmarkDb, uploads: Uploads): HandlerGroup<'importFile'> {
  return {
    importFile: async ({ importId, chunks, name, settings }): Promise<FileImportReport> => {
      const file = uploads.take(importId, chunks);
      if (!file.ok) return { ok: false, error: file.error, totalRows: 0, rejectedRows: 0, errors: [] };
      const active = await activeConfig(db);
      if (!active) return { ok: false, error: 'there is no active scoring config to read the metrics with: apply one in the Scoring tab first', totalRows: 0, rejectedRows: 0, errors: [] };
      let announced = 0;
      const events = importEvents(file.text, {
        catalogue: active.config.metrics,
        name,
        ...(settings.format ? { format: settings.format } : {}),
        ...(settings.mapping ? { mapping: settings.mapping } : {}),
        ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
        ...(settings.decimal ? { decimal: settings.decimal } : {}),
        ...(settings.dateOrder ? { dateOrder: settings.dateOrder } : {}),
      });
      for await (const event of events) {
        if (event.type === 'progress') {
          if (Date.now() - announced < PROGRESS_INTERVAL_MS) continue;
          announced = Date.now();
          await broadcastToUi('importProgress', { importId, phase: 'reading', rows: event.rows, fraction: event.fraction });
          continue;
        }
        const { result } = event;
        const counts = { totalRows: result.totalRows, rejectedRows: result.rejectedRows, errors: result.errors };
        if (!result.ok) return { ok: false, error: result.error, ...counts };
        await broadcastToUi('importProgress', { importId, phase: 'applying', rows: result.totalRows, fraction: 1 });
        const summary = await applyAccountData(db, result.accounts, `file:${name}`);
        await broadcastToUi('statusChanged', await readStatus(db));
        return { ok: true, accounts: summary.accounts, ...counts };
      }
      throw new Error('the import ended without a result');
    },
  };
}
