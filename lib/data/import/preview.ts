// The first rows of a file as the import will read them, for the options page's mapping editor: every cell's
// parsed value or the reason it is refused, and what is wrong with the mapping. It reads through the same readers
// and cell readers as the import, so the preview cannot disagree with the result.
import { type RowOptions, planRows, readAccount, readOneCell } from './account-row';
import { detectDelimiter } from './csv';
import { DEFAULT_MAX_CELL_LENGTH, readerFor } from './import';
import { type ImportFormat, detectFormat } from './input';
import { type ColumnMapping, type MetricCatalogueEntry, autoMapping, mappedTarget, mappingProblems } from './mapping';
import type { RawRecord, RecordProblem } from './records';
import type { DateOrder, DecimalMark } from './values';

/** How to read a file: what the admin chose in the editor; anything unset is detected. */
export interface ReadSettings {
  format?: ImportFormat;
  delimiter?: string;
  decimal?: DecimalMark;
  dateOrder?: DateOrder;
  /** The edited mapping; headers it does not name are mapped automatically. */
  mapping?: ColumnMapping;
}

export type PreviewCell =
  | { state: 'value'; raw: string; value: string }
  | { state: 'error'; raw: string; error: string }
  | { state: 'missing' | 'ignored'; raw: string };

export interface PreviewRow {
  row: number;
  location: string;
  /** Set when the record could not be read at all (bad quotes, wrong cell count, invalid JSON line). */
  error?: string;
  cells: PreviewCell[];
  /** What is wrong with the row as a whole (no id or name, a churn date with churned false). */
  problems: string[];
}

export interface ImportPreview {
  format: ImportFormat;
  /** The CSV delimiter in use (chosen or detected); null for JSON and NDJSON. */
  delimiter: string | null;
  headers: string[];
  /** The complete mapping: the edited targets plus the detected ones. */
  mapping: ColumnMapping;
  mappingProblems: string[];
  rows: PreviewRow[];
  /** The file cannot be read at all (invalid JSON, no header): the import would say the same. */
  error: string | null;
}

export const PREVIEW_ROWS = 10;

/** A parsed value as the page shows it. */
export function displayValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : String(value);
}

const rawText = (cell: unknown): string => (cell === undefined || cell === null ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell));

function previewRecord(record: RawRecord, headers: readonly string[], mapping: ColumnMapping, plan: ReturnType<typeof planRows>, options: RowOptions): PreviewRow {
  const cells = headers.map((header, index): PreviewCell => {
    const cell = record.cells[index];
    const raw = rawText(cell);
    const target = mappedTarget(mapping, header);
    if (!target || target.kind === 'ignore') return { state: 'ignored', raw };
    const read = readOneCell(cell, target, plan, options);
    if (read === null) return { state: 'missing', raw };
    return read.ok ? { state: 'value', raw, value: displayValue(read.value) } : { state: 'error', raw, error: read.error };
  });
  const read = readAccount(record.cells, plan, options);
  const problems = 'problems' in read ? read.problems.filter((p) => p.column === undefined).map((p) => p.message) : [];
  return { row: record.row, location: record.location, cells, problems };
}

function previewProblem(problem: RecordProblem, width: number): PreviewRow {
  return { row: problem.row, location: problem.location, error: problem.message, cells: Array.from({ length: width }, () => ({ state: 'missing', raw: '' })), problems: [] };
}

/** Reads the header and the first `limit` rows of `text` with `settings`; never throws for bad input. */
export async function previewImport(
  text: string,
  settings: ReadSettings & { name?: string },
  catalogue: readonly MetricCatalogueEntry[],
  limit = PREVIEW_ROWS,
): Promise<ImportPreview> {
  const format = settings.format ?? detectFormat(text, settings.name !== undefined ? { name: settings.name } : {});
  const delimiter = format === 'csv' ? (settings.delimiter ?? detectDelimiter(text)) : null;
  const options: RowOptions = {
    decimal: settings.decimal ?? '.',
    ...(settings.dateOrder ? { dateOrder: settings.dateOrder } : {}),
    defaultAsOf: new Date().toISOString(),
    maxCellLength: DEFAULT_MAX_CELL_LENGTH,
  };
  const preview: ImportPreview = { format, delimiter, headers: [], mapping: {}, mappingProblems: [], rows: [], error: null };
  let plan: ReturnType<typeof planRows> | null = null;
  for await (const event of readerFor(format, text, delimiter !== null ? { delimiter } : {})) {
    if (event.kind === 'error') return { ...preview, error: event.message };
    if (event.kind === 'headers') {
      preview.headers = event.headers;
      preview.mapping = autoMapping(event.headers, catalogue, settings.mapping);
      preview.mappingProblems = mappingProblems(preview.mapping, event.headers, catalogue);
      plan = planRows(event.headers, preview.mapping, catalogue);
      continue;
    }
    for (const row of event.rows) {
      if (preview.rows.length >= limit || !plan) break;
      preview.rows.push('cells' in row ? previewRecord(row, preview.headers, preview.mapping, plan, options) : previewProblem(row, preview.headers.length));
    }
    if (preview.rows.length >= limit) break;
  }
  if (!plan) return { ...preview, error: text.trim() === '' ? 'the file is empty' : 'the file has no header row or records' };
  return preview;
}
