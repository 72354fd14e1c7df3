// Whether a chosen file can be an account export at all, from its name, size and first bytes, before the whole
// file is read: the options page names the problem next to the drop zone instead of failing somewhere in parsing.

export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl'] as const;

export type FileRefusal =
  | { reason: 'extension'; extension: string }
  | { reason: 'empty' }
  /** `kind` is a recognised binary format, or null for other binary content. */
  | { reason: 'binary'; kind: BinaryKind | null };

/** Binary formats people drop by mistake, recognised by their first bytes. */
export type BinaryKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'zip' | 'gzip' | 'office';

const SIGNATURES: ReadonlyArray<[number[], BinaryKind]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip'], // also .xlsx
  [[0x1f, 0x8b], 'gzip'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'office'], // .xls, .doc
];

/** The lower-case extension with its dot, or '' when the name has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Null when the file may be read; otherwise why not. `head` is the file's first bytes (a few KB is enough):
 * a NUL byte or bytes that are not UTF-8 mean binary content (UTF-16 exports included).
 */
export function checkImportFile(file: { name: string; size: number }, head: Uint8Array): FileRefusal | null {
  const extension = extensionOf(file.name);
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) return { reason: 'extension', extension };
  if (file.size === 0 || (file.size <= head.length && head.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d))) return { reason: 'empty' };
  const signature = SIGNATURES.find(([bytes]) => bytes.every((b, i) => head[i] === b));
  if (signature) return { reason: 'binary', kind: signature[1] };
  if (head.includes(0)) return { reason: 'binary', kind: null };
  try {
    // `stream` lets the sample end inside a multi-byte character.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return { reason: 'binary', kind: null };
  }
  return null;
}
