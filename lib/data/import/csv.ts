// CSV through papaparse, one chunk at a time: the parser pauses after each chunk so the caller can hand the
// thread back (a 100k-row file never holds it for long). The delimiter is detected unless given. Rows are
// numbered as data rows, and each keeps the physical line it starts on (quoted cells may span lines).
import Papa from 'papaparse';
import { type ReadRow, type ReaderEvent, tooManyColumns, uniqueHeaders } from './records';

export interface CsvOptions {
  /** Detected from the first chunk when not given (`,` `;` tab `|`). */
  delimiter?: string;
  chunkSize?: number;
}

// Small enough that parsing and mapping one chunk of a wide export takes a few tens of milliseconds.
const DEFAULT_CHUNK_SIZE = 128 * 1024;
/** A row still open after this many characters has a quote that never closes. */
const MAX_PENDING_ROW = 4 * 1024 * 1024;

const QUOTE_MESSAGES: Record<string, string> = {
  MissingQuotes: 'a quoted cell is never closed, so the rest of the file was read as part of this row',
  InvalidQuotes: 'a quoted cell has text after its closing quote (write a quote inside quotes as "")',
};

function countLineBreaks(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n > 0 || !cell.includes('\r') ? n : cell.split('\r').length - 1;
}

/** Tracks the header, the data-row counter and physical lines across chunks. */
class CsvRows {
  headers: string[] | null = null;
  private dataRow = 0;
  private nextLine = 1;

  take(data: string[][], quoteErrors: ReadonlyMap<number, string>): ReadRow[] {
    const rows: ReadRow[] = [];
    data.forEach((cells, index) => {
      const line = this.nextLine;
      for (const cell of cells) if (cell.length > 0) this.nextLine += countLineBreaks(cell);
      this.nextLine += 1;
      if (cells.every((c) => c.trim() === '')) return;
      if (!this.headers) {
        this.headers = uniqueHeaders(cells);
        return;
      }
      const row = ++this.dataRow;
      const location = `line ${line}`;
      const quoteError = quoteErrors.get(index);
      if (quoteError) rows.push({ row, location, message: quoteError });
      else if (cells.length !== this.headers.length)
        rows.push({ row, location, message: `has ${cells.length} cells where the header has ${this.headers.length} (check the delimiter and quotes)` });
      else rows.push({ row, location, cells });
    });
    return rows;
  }
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The header row decides when it holds exactly one candidate delimiter: data rows are where decimal commas and
 * lists (`a@x.com|b@x.com`) live. Otherwise papaparse guesses from a sample without blank lines (counted with
 * them, a trailing newline can make the decimal commas of a `;` file look more consistent than its semicolons).
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const header = sample.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const inHeader = DELIMITERS.filter((d) => header.includes(d));
  if (inHeader.length === 1) return inHeader[0]!;
  return Papa.parse<string[]>(sample, { preview: 10, skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS }).meta.delimiter;
}

export async function* readCsv(text: string, options: CsvOptions = {}): AsyncGenerator<ReaderEvent> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const pending: Papa.ParseResult<string[]>[] = [];
  let parser: Papa.Parser | null = null;
  let complete = false;
  let chunks = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: options.delimiter ?? detectDelimiter(text),
    chunkSize,
    chunk(results: Papa.ParseResult<string[]>, handle: Papa.Parser) {
      chunks++;
      pending.push(results);
      parser = handle;
      handle.pause();
    },
    complete() {
      complete = true;
    },
  });

  const rows = new CsvRows();
  let announced = false;
  try {
    while (!complete || pending.length > 0) {
      const results = pending.shift();
      // papaparse resumes a paused parse synchronously; this guards its timer fallback.
      if (!results) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      const consumed = Math.min(text.length, chunks * chunkSize);
      if (consumed - results.meta.cursor > MAX_PENDING_ROW && results.data.length === 0) {
        yield { kind: 'error', message: `a quoted cell opened before character ${results.meta.cursor + 1} is still open 4 MB later: check the quotes` };
        return;
      }
      const quoteErrors = new Map<number, string>();
      for (const e of results.errors)
        if (e.type === 'Quotes' && e.row !== undefined && e.row < results.data.length && !quoteErrors.has(e.row)) quoteErrors.set(e.row, QUOTE_MESSAGES[e.code] ?? e.message);
      const hadHeaders = rows.headers !== null;
      const read = rows.take(results.data, quoteErrors);
      if (!hadHeaders && rows.headers) {
        const tooMany = tooManyColumns(rows.headers.length);
        if (tooMany) {
          yield tooMany;
          return;
        }
        announced = true;
        yield { kind: 'headers', headers: rows.headers };
      }
      if (announced) yield { kind: 'batch', rows: read, fraction: consumed / Math.max(1, text.length) };
      (parser as Papa.Parser | null)?.resume();
    }
  } finally {
    if (!complete) (parser as Papa.Parser | null)?.abort();
  }
}
