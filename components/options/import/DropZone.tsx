// Where a file comes in: dropped on the zone, or chosen with the button (keyboard users). A file that cannot be
// an export (wrong extension, empty, binary) or is too large to upload is named next to the field and never
// read further (readChosenFile serves both the accounts and the outcomes panel).
import { useRef, useState } from 'preact/hooks';
import { ACCEPTED_EXTENSIONS, type BinaryKind, type FileRefusal, checkImportFile } from '../../../lib/data/import/file-check';
import { inputText } from '../../../lib/data/import/input';
import { type MessageKey, t } from '../../../lib/i18n';
import { uploadRefusal } from './upload';

/** Enough bytes to tell a text export from an image, an archive or UTF-16. */
const SNIFF_BYTES = 4096;

const BINARY_KINDS: Record<BinaryKind, MessageKey> = {
  png: 'importKindPng',
  jpeg: 'importKindJpeg',
  gif: 'importKindGif',
  pdf: 'importKindPdf',
  zip: 'importKindZip',
  gzip: 'importKindGzip',
  office: 'importKindOffice',
};

export function refusalMessage(name: string, refusal: FileRefusal): string {
  switch (refusal.reason) {
    case 'extension':
      return t('importWrongType', name, refusal.extension || t('importNoExtension'), ACCEPTED_EXTENSIONS.join(' '));
    case 'empty':
      return t('importEmptyFile', name);
    case 'binary':
      return refusal.kind ? t('importBinaryKind', name, t(BINARY_KINDS[refusal.kind])) : t('importBinary', name);
  }
}

/** The chosen file's text, or the sentence saying why it is refused. */
export async function readChosenFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const refusal = checkImportFile(file, new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (refusal) return { ok: false, error: refusalMessage(file.name, refusal) };
  const text = await inputText(file);
  const tooLarge = uploadRefusal(file.name, text.length);
  return tooLarge ? { ok: false, error: tooLarge } : { ok: true, text };
}

export function DropZone({ onFile, error, busy }: { onFile: (file: File) => void; error: string | null; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div
      class={`drop-zone${over ? ' drop-over' : ''}${error ? ' drop-invalid' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <p>{t('importDropHint')}</p>
      <button type="button" disabled={busy} onClick={() => input.current?.click()} aria-describedby="import-file-hint import-file-error" data-testid="import-choose">
        {t('importChoose')}
      </button>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        data-testid="import-file"
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = ''; // the same file can be chosen again after a fix
        }}
      />
      <p id="import-file-hint" class="hint">{t('importAccepted', ACCEPTED_EXTENSIONS.join(' '))}</p>
      {error ? (
        <p id="import-file-error" class="field-error" role="alert" data-testid="import-file-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
