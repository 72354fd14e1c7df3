// The import pipeline shared by the options page, the background sync and the CLI:
// text → records (CSV/JSON/NDJSON) → mapping → accounts, with every rejected row reported. The whole import is
// refused when too many rows are rejected; otherwise the good rows go in and the report lists the rest.
import { type CellProblem, type ImportedAccount, type RowOptions, planRows, readAccount } from './account-row';
import { readCsv } from './csv';
import { type ImportFormat, type ImportInput, detectFormat, inputText } from './input';
import { readJson, readNdjson } from './json';
import { type ColumnMapping, type MetricCatalogueEntry, autoMapping, mappingProblems } from './mapping';
import type { ReaderEvent } from './records';
import type { DateOrder, DecimalMark } from './values';

export interface ImportOptions {
  /** The active config's metrics (key and kind): which columns are metrics and how to read them. */
  catalogue: readonly MetricCatalogueEntry[];
  format?: ImportFormat | 'auto';
  /** File name or URL, and content type: they name the format when it is 'auto'. */
  name?: string;
  contentType?: string;
  /** The source's edited mapping; headers it does not name are mapped automatically. */
  mapping?: ColumnMapping;
  /** CSV only; detected when not given. */
  delimiter?: string;
  decimal?: DecimalMark;
  dateOrder?: DateOrder;
  /** As-of date of metrics in rows without a mapped as-of cell. Default: the time of the import. */
  defaultAsOf?: string;
  /** Refuse the whole import when more than this share of the rows is rejected. Default 0.02. */
  maxRejectedShare?: number;
  maxCellLength?: number;
}

export interface RowError {
  /** 1-based data row. */
  row: number;
  /** Where the row is in the file's own numbering: "line 18" (CSV, NDJSON) or "element [16]" (JSON). */
  location: string;
  column?: string;
  message: string;
}

interface ImportReport {
  format: ImportFormat;
  headers: string[];
  /** The mapping used (the stored one completed automatically): the UI shows and edits it. */
  mapping: ColumnMapping;
  totalRows: number;
  rejectedRows: number;
  /** The first errors (at most MAX_REPORTED_ERRORS), in row order. */
  errors: RowError[];
}

export type ImportResult = ImportReport & ({ ok: true; accounts: ImportedAccount[] } | { ok: false; error: string });

export type ImportEvent = { type: 'progress'; rows: number; fraction: number } | { type: 'done'; result: ImportResult };

export const DEFAULT_MAX_REJECTED_SHARE = 0.02;
export const DEFAULT_MAX_CELL_LENGTH = 10_000;
export const MAX_REPORTED_ERRORS = 1000;

/** "row 17 (line 18), column "ARR": expected a number, got "abc"" */
export function formatRowError(e: RowError): string {
  return `row ${e.row} (${e.location})${e.column !== undefined ? `, column ${JSON.stringify(e.column)}` : ''}: ${e.message}`;
}

/** The records of a text in one format; the import and the mapping editor's preview read through it. */
export function readerFor(format: ImportFormat, text: string, options: Pick<ImportOptions, 'delimiter'>): AsyncGenerator<ReaderEvent> {
  if (format === 'json') return readJson(text);
  if (format === 'ndjson') return readNdjson(text);
  return readCsv(text, options.delimiter !== undefined ? { delimiter: options.delimiter } : {});
}

/** Hands the thread back between batches so a page or worker stays responsive during a large import. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

class Collector {
  readonly accounts: ImportedAccount[] = [];
  readonly errors: RowError[] = [];
  totalRows = 0;
  rejectedRows = 0;
  private readonly rowOfId = new Map<string, number>();

  reject(row: number, location: string, problems: CellProblem[]): void {
    this.rejectedRows++;
    for (const p of problems) if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ row, location, ...p });
  }

  accept(row: number, location: string, account: ImportedAccount): void {
    const first = this.rowOfId.get(account.id);
    if (first !== undefined) return this.reject(row, location, [{ message: `duplicate account id ${JSON.stringify(account.id)} (first in row ${first})` }]);
    this.rowOfId.set(account.id, row);
    this.accounts.push(account);
  }
}

/** The import as a stream of progress events ending with `{ type: 'done', result }`. Never throws for bad input. */
export async function* importEvents(input: ImportInput, options: ImportOptions): AsyncGenerator<ImportEvent> {
  const text = await inputText(input);
  // A File from the options page names itself and its type.
  const hints = {
    name: options.name ?? (input instanceof Blob && 'name' in input && typeof input.name === 'string' ? input.name : undefined),
    contentType: options.contentType ?? (input instanceof Blob && input.type ? input.type : undefined),
  };
  const format = !options.format || options.format === 'auto' ? detectFormat(text, hints) : options.format;
  const rowOptions: RowOptions = {
    decimal: options.decimal ?? '.',
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    defaultAsOf: options.defaultAsOf ?? new Date().toISOString(),
    maxCellLength: options.maxCellLength ?? DEFAULT_MAX_CELL_LENGTH,
  };
  const collected = new Collector();
  let headers: string[] = [];
  let mapping: ColumnMapping = {};
  const finish = (error?: string): ImportEvent => {
    const report: ImportReport = { format, headers, mapping, totalRows: collected.totalRows, rejectedRows: collected.rejectedRows, errors: collected.errors };
    return { type: 'done', result: error === undefined ? { ...report, ok: true, accounts: collected.accounts } : { ...report, ok: false, error } };
  };

  let plan: ReturnType<typeof planRows> | null = null;
  for await (const event of readerFor(format, text, options)) {
    if (event.kind === 'error') return yield finish(event.message);
    if (event.kind === 'headers') {
      headers = event.headers;
      mapping = autoMapping(headers, options.catalogue, options.mapping);
      const problems = mappingProblems(mapping, headers, options.catalogue);
      if (problems.length > 0) return yield finish(`the column mapping cannot be used: ${problems.join('; ')}`);
      plan = planRows(headers, mapping, options.catalogue);
      continue;
    }
    if (!plan) continue;
    for (const r of event.rows) {
      collected.totalRows++;
      if (!('cells' in r)) {
        collected.reject(r.row, r.location, [{ message: r.message }]);
        continue;
      }
      const read = readAccount(r.cells, plan, rowOptions);
      if ('account' in read) collected.accept(r.row, r.location, read.account);
      else collected.reject(r.row, r.location, read.problems);
    }
    yield { type: 'progress', rows: collected.totalRows, fraction: event.fraction };
    await breathe();
  }

  if (!plan) return yield finish(text.trim() === '' ? 'the file is empty' : 'the file has no header row or records');
  if (collected.totalRows === 0) return yield finish('the file has a header but no data rows');
  const share = options.maxRejectedShare ?? DEFAULT_MAX_REJECTED_SHARE;
  if (collected.rejectedRows > share * collected.totalRows) {
    const percent = (n: number) => `${Math.round(n * 1000) / 10}%`;
    return yield finish(
      `${collected.rejectedRows} of ${collected.totalRows} rows were rejected (${percent(collected.rejectedRows / collected.totalRows)}), more than the ${percent(share)} allowed: nothing was imported`,
    );
  }
  yield finish();
}

/** The import as one promise; `onProgress` hears about each batch. */
export async function importAccounts(input: ImportInput, options: ImportOptions, onProgress?: (rows: number, fraction: number) => void): Promise<ImportResult> {
  for await (const event of importEvents(input, options)) {
    if (event.type === 'done') return event.result;
    onProgress?.(event.rows, event.fraction);
  }
  throw new Error('import ended without a result');
}
