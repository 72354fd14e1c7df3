// Sends a file's text to the background in pieces under the message size limit, then asks it to import and
// apply; the background's progress broadcasts for this import reach `onProgress`.
import type { ReadSettings } from '../../../lib/data/import/preview';
import { type BackgroundToUi, type FileImportReport, IMPORT_CHUNK_CHARS, onBroadcast, sendToBackground } from '../../../lib/messaging';
import { ask } from '../live';

export type ImportProgress = { phase: 'sending'; sent: number; total: number } | Omit<BackgroundToUi['importProgress'], 'importId'>;

export async function importInBackground(text: string, name: string, settings: ReadSettings, onProgress: (progress: ImportProgress) => void): Promise<FileImportReport> {
  const importId = crypto.randomUUID();
  const chunks = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
  for (let index = 0; index < chunks; index++) {
    onProgress({ phase: 'sending', sent: index * IMPORT_CHUNK_CHARS, total: text.length });
    await sendToBackground('importChunk', { importId, index, text: text.slice(index * IMPORT_CHUNK_CHARS, (index + 1) * IMPORT_CHUNK_CHARS) });
  }
  onProgress({ phase: 'reading', rows: 0, fraction: 0 });
  const stop = onBroadcast('importProgress', ({ importId: id, ...progress }) => id === importId && onProgress(progress));
  try {
    return await ask('importFile', { importId, chunks, name, settings });
  } finally {
    stop();
  }
}
