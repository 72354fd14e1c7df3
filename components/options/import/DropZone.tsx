// Where a file comes in: dropped on the zone, or chosen with the button (keyboard users). A file that cannot be
// an export (wrong extension, empty, binary) is named next to the field and never read further.
import { useRef, useState } from 'preact/hooks';
import { ACCEPTED_EXTENSIONS, type BinaryKind, type FileRefusal } from '../../../lib/data/import/file-check';
import { type MessageKey, t } from '../../../lib/i18n';

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
