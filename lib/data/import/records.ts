// What the format readers (CSV, JSON, NDJSON) hand to the import: the header list once, then batches of
// records whose cells line up with it. A record that could not be read at all comes as a problem instead.

export interface RawRecord {
  /** 1-based data row: the header and blank lines do not count. */
  row: number;
  /** Where the row is in the file, in the file's own terms: "line 18", "element [16]". */
  location: string;
  cells: unknown[];
}

export interface RecordProblem {
  row: number;
  location: string;
  message: string;
}

/** A record, or why the row could not be read as one. */
export type ReadRow = RawRecord | RecordProblem;

export type ReaderEvent =
  | { kind: 'headers'; headers: string[] }
  | { kind: 'batch'; rows: ReadRow[]; /** share of the input read, 0–1 */ fraction: number }
  | { kind: 'error'; message: string };

export const MAX_COLUMNS = 1000;

/** Trimmed headers; a blank one is named by its position, a repeated one gets ` (2)`, ` (3)`… */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, index) => {
    const header = h.trim() || `column ${index + 1}`;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}

export function tooManyColumns(count: number): ReaderEvent | null {
  return count > MAX_COLUMNS ? { kind: 'error', message: `the file has ${count} columns; at most ${MAX_COLUMNS} are supported` } : null;
}
