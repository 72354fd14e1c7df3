// Sends a file's text to the background in pieces under the message size limit (serialising one multi-MB
// message held the page for 245–274 ms), for either kind of file: the background keeps the pieces until the
// request that names the upload (importFile, importOutcomes) takes them.
import type { ReadSettings } from '../../../lib/data/import/preview';
import { t } from '../../../lib/i18n';
import { type BackgroundToUi, type FileImportReport, IMPORT_CHUNK_CHARS, IMPORT_FILE_CHARS, type Upload, onBroadcast, sendToBackground } from '../../../lib/messaging';
import { ask } from '../live';

export type ImportProgress = { phase: 'sending'; sent: number; total: number } | Omit<BackgroundToUi['importProgress'], 'importId'>;

/** Why a file of `chars` characters cannot be uploaded, or null: an upload takes at most IMPORT_FILE_CHARS. */
export function uploadRefusal(name: string, chars: number): string | null {
  return chars > IMPORT_FILE_CHARS ? t('importTooLarge', name, Math.floor(IMPORT_FILE_CHARS / 1e6)) : null;
}

/** Sends `text` piece by piece, in order; `onSent` hears before each piece how much went already. */
export async function sendInPieces(text: string, name: string, onSent?: (sent: number, total: number) => void): Promise<Upload> {
  const refusal = uploadRefusal(name, text.length);
  if (refusal) throw new Error(refusal);
  const importId = crypto.randomUUID();
  const chunks = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
  for (let index = 0; index < chunks; index++) {
    onSent?.(index * IMPORT_CHUNK_CHARS, text.length);
    await sendToBackground('importChunk', { importId, index, text: text.slice(index * IMPORT_CHUNK_CHARS, (index + 1) * IMPORT_CHUNK_CHARS) });
  }
  return { importId, chunks };
}

/** Uploads an accounts file and asks for its import; the background's progress broadcasts for it reach `onProgress`. */
export async function importInBackground(text: string, name: string, settings: ReadSettings, onProgress: (progress: ImportProgress) => void): Promise<FileImportReport> {
  const upload = await sendInPieces(text, name, (sent, total) => onProgress({ phase: 'sending', sent, total }));
  onProgress({ phase: 'reading', rows: 0, fraction: 0 });
  const stop = onBroadcast('importProgress', ({ importId: id, ...progress }) => id === upload.importId && onProgress(progress));
  try {
    return await ask('importFile', { ...upload, name, settings });
  } finally {
    stop();
  }
}
