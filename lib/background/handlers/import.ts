// File import from the options page. The apply runs here, not in the page: the background owns writes, its
// Dexie writes clear the lookup cache and bump `dataVersion` (announce.ts) as every other write does, and
// scoring plus writing 100k accounts would block the page for seconds. A file can be far larger than one
// message may be (Chrome: 64 MiB), so the page sends it in pieces (`importChunk`) and then asks for the import
// (`importFile`). Pieces are held in memory only until that request: a service worker restarted meanwhile
// loses them and the import is refused with "send it again", leaving the stored data as it was.
import { applyAccountData } from '../../data/apply';
import type { HealthmarkDb } from '../../data/db';
import { importEvents } from '../../data/import';
import { activeConfig, readStatus } from '../../data/status';
import { type FileImportReport, broadcastToUi } from '../../messaging';
import type { HandlerGroup } from './types';

/** Progress announcements at most this often: a 100 MB CSV reads in hundreds of batches. */
const PROGRESS_INTERVAL_MS = 150;

const interrupted = 'the file did not arrive complete (the extension restarted or another import began during the upload): import it again';

export function importHandlers(db: HealthmarkDb): HandlerGroup<'importChunk' | 'importFile'> {
  // One upload at a time: a new one (index 0) drops any other, so abandoned pieces never pile up.
  let upload: { id: string; pieces: string[] } | null = null;
  return {
    importChunk: async ({ importId, index, text }) => {
      if (index === 0) upload = { id: importId, pieces: [] };
      if (!upload || upload.id !== importId || upload.pieces.length !== index) throw new Error(interrupted);
      upload.pieces.push(text);
      return null;
    },
    importFile: async ({ importId, chunks, name, settings }): Promise<FileImportReport> => {
      const pieces = upload?.id === importId && upload.pieces.length === chunks ? upload.pieces : null;
      upload = null;
      if (!pieces) return { ok: false, error: interrupted, totalRows: 0, rejectedRows: 0, errors: [] };
      const active = await activeConfig(db);
      if (!active) return { ok: false, error: 'there is no active scoring config to read the metrics with: apply one in the Scoring tab first', totalRows: 0, rejectedRows: 0, errors: [] };
      let announced = 0;
      const events = importEvents(pieces.join(''), {
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
