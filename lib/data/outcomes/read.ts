// An outcomes file: which accounts churned (and when), or expanded — one row per account, named by its id, a
// domain or its company name. Read with the import's own readers (CSV via papaparse, JSON, NDJSON) and cell
// readers, so rows are located ("line 18") and values parsed (yes/no, 16/10/2024) exactly as in an accounts import.
import { domainKey, nameKey, normalizeCompanyName } from '../../identity';
import { type RowOptions, planRows, readOneCell } from '../import/account-row';
import { DEFAULT_MAX_CELL_LENGTH, type RowError, readerFor } from '../import/import';
import { type ImportFormat, detectFormat } from '../import/input';
import { type ColumnTarget, autoMapping } from '../import/mapping';
import type { DateOrder } from '../import/values';
import type { Outcome } from '../backtest/engine';

/** How the file names each account: its account id, one of its domains, or its company name. */
export type OutcomeMatch = 'id' | 'domain' | 'name';

/** Which column is what: headers of the file; null for a column the file does not have. */
export interface OutcomeColumns {
  account: string;
  match: OutcomeMatch;
  churned: string | null;
  churnedAt: string | null;
  expanded: string | null;
}

export interface OutcomeReadSettings {
  format?: ImportFormat;
  delimiter?: string;
  dateOrder?: DateOrder;
  /** The columns as the admin mapped them; detected from the headers when not given. */
  columns?: OutcomeColumns;
}

export interface OutcomeRecord {
  row: number;
  location: string;
  /** The account as the file names it, for messages: `"acme-1"`. */
  named: string;
  /** The account id (match 'id'), or the identity keys (`domain:…`, `name:…`) to look it up by. */
  keys: string[];
  outcome: Outcome;
}

interface FileShape {
  format: ImportFormat;
  headers: string[];
  /** The columns in use (given or detected); null when the file has no column that names accounts. */
  columns: OutcomeColumns | null;
}

export type OutcomeFile = FileShape &
  (
    | {
        ok: true;
        totalRows: number;
        records: OutcomeRecord[];
        /** Rows with a value that cannot be read (or a record that cannot be read at all), by row and column. */
        errors: RowError[];
        rejectedRows: number;
        /** Rows whose outcome cells are all empty: nothing to say about that account. */
        emptyRows: number;
      }
    | { ok: false; error: string }
  );

const TARGETS = {
  id: { kind: 'identity', field: 'id' },
  domain: { kind: 'identity', field: 'domains' },
  name: { kind: 'identity', field: 'name' },
  churned: { kind: 'outcome', field: 'churned' },
  churnedAt: { kind: 'outcome', field: 'churnedAt' },
  expanded: { kind: 'outcome', field: 'expanded' },
} as const satisfies Record<string, ColumnTarget>;

const MATCH_ORDER: readonly OutcomeMatch[] = ['id', 'domain', 'name'];

/** The columns an accounts import would give these headers: the account id, else a domain, else the name. */
export function detectColumns(headers: readonly string[]): OutcomeColumns | null {
  const mapping = autoMapping(headers, []);
  const find = (target: ColumnTarget) => headers.find((h) => JSON.stringify(mapping[h]) === JSON.stringify(target)) ?? null;
  for (const match of MATCH_ORDER) {
    const account = find(TARGETS[match]);
    if (account !== null) return { account, match, churned: find(TARGETS.churned), churnedAt: find(TARGETS.churnedAt), expanded: find(TARGETS.expanded) };
  }
  return null;
}

/** What makes the columns unusable for these headers, one sentence each. */
export function columnProblems(columns: OutcomeColumns, headers: readonly string[]): string[] {
  const named = [columns.account, columns.churned, columns.churnedAt, columns.expanded].filter((h): h is string => h !== null);
  const problems = named.filter((h) => !headers.includes(h)).map((h) => `the file has no column "${h}"`);
  if (columns.churned === null && columns.churnedAt === null) problems.push('choose the column that says whether the account churned, or its churn date');
  const repeated = named.find((h, i) => named.indexOf(h) !== i);
  if (repeated !== undefined) problems.push(`column "${repeated}" is chosen twice`);
  return problems;
}

const PLAN = planRows([], {}, []);

function keysOf(cell: unknown, match: OutcomeMatch, options: RowOptions): { keys: string[]; named: string } | { error: string } | null {
  const read = readOneCell(cell, TARGETS[match], PLAN, options);
  if (read === null) return null;
  if (!read.ok) return { error: read.error };
  if (match === 'domain') {
    const domains = read.value as string[];
    return domains.length ? { keys: domains.map(domainKey), named: domains.join(', ') } : null;
  }
  const text = read.value as string;
  if (match === 'id') return { keys: [text], named: text };
  const name = normalizeCompanyName(text);
  return name ? { keys: [nameKey(name)], named: text } : { error: `${JSON.stringify(text)} is not a company name` };
}

type Cells = readonly unknown[];
type CellProblem = Omit<RowError, 'row' | 'location'>;
type RecordRead = { record: Omit<OutcomeRecord, 'row' | 'location'> } | { empty: true } | { problems: CellProblem[] };

/** One record: its account and outcome, nothing to say (all outcome cells empty), or the problems by column. */
function readRecord(cells: Cells, columnIndex: Map<string, number>, columns: OutcomeColumns, options: RowOptions): RecordRead {
  const problems: CellProblem[] = [];
  const cell = (header: string | null) => (header === null ? undefined : cells[columnIndex.get(header)!]);
  const value = <T>(header: string | null, target: ColumnTarget & { kind: 'outcome' }): T | undefined => {
    if (header === null) return undefined;
    const read = readOneCell(cell(header), target, PLAN, options);
    if (read && !read.ok) problems.push({ column: header, message: read.error });
    return read?.ok ? (read.value as T) : undefined;
  };
  const churned = value<boolean>(columns.churned, TARGETS.churned);
  const churnedAt = value<string>(columns.churnedAt, TARGETS.churnedAt);
  const expanded = value<boolean>(columns.expanded, TARGETS.expanded);
  const account = keysOf(cell(columns.account), columns.match, options);
  if (account === null) problems.push({ column: columns.account, message: 'is empty: the row names no account' });
  else if ('error' in account) problems.push({ column: columns.account, message: account.error });
  if (churned === false && churnedAt !== undefined) problems.push({ message: `has a churn date (${churnedAt}) but churned is false` });
  if (problems.length || !account || 'error' in account) return { problems };
  if (churned === undefined && churnedAt === undefined && expanded === undefined) return { empty: true };
  // A churn date alone means churned; an expansion alone says nothing about churn, so it counts as retained.
  const outcome: Outcome = {
    churned: churned ?? churnedAt !== undefined,
    ...(churnedAt !== undefined ? { churnedAt } : {}),
    ...(expanded !== undefined ? { expanded } : {}),
  };
  return { record: { ...account, outcome } };
}

/** Reads the whole file; never throws for bad input. */
export async function readOutcomeFile(text: string, settings: OutcomeReadSettings & { name?: string }): Promise<OutcomeFile> {
  const format = settings.format ?? detectFormat(text, settings.name !== undefined ? { name: settings.name } : {});
  const options: RowOptions = {
    decimal: '.',
    ...(settings.dateOrder ? { dateOrder: settings.dateOrder } : {}),
    defaultAsOf: '',
    maxCellLength: DEFAULT_MAX_CELL_LENGTH,
  };
  let shape: FileShape = { format, headers: [], columns: null };
  const refuse = (error: string): OutcomeFile => ({ ...shape, ok: false, error });
  const records: OutcomeRecord[] = [];
  const errors: RowError[] = [];
  let totalRows = 0;
  let rejectedRows = 0;
  let emptyRows = 0;
  let columnIndex: Map<string, number> | null = null;
  for await (const event of readerFor(format, text, settings.delimiter !== undefined ? { delimiter: settings.delimiter } : {})) {
    if (event.kind === 'error') return refuse(event.message);
    if (event.kind === 'headers') {
      shape = { format, headers: event.headers, columns: settings.columns ?? detectColumns(event.headers) };
      if (!shape.columns) {
        return refuse(`no column names the accounts: name one "account id", "domain" or "name" (headers: ${event.headers.map((h) => `"${h}"`).join(', ')})`);
      }
      const problems = columnProblems(shape.columns, event.headers);
      if (problems.length) return refuse(problems.join('; '));
      columnIndex = new Map(event.headers.map((h, i) => [h, i]));
      continue;
    }
    for (const row of event.rows) {
      totalRows++;
      const read: RecordRead =
        'cells' in row && columnIndex && shape.columns ? readRecord(row.cells, columnIndex, shape.columns, options) : { problems: [{ message: 'message' in row ? row.message : 'no header' }] };
      if ('record' in read) records.push({ row: row.row, location: row.location, ...read.record });
      else if ('empty' in read) emptyRows++;
      else {
        rejectedRows++;
        errors.push(...read.problems.map((problem) => ({ row: row.row, location: row.location, ...problem })));
      }
    }
  }
  if (!columnIndex) return refuse(text.trim() === '' ? 'the file is empty' : 'the file has no header row or records');
  if (totalRows === 0) return refuse('the file has a header but no data rows');
  return { ...shape, ok: true, totalRows, records, errors, rejectedRows, emptyRows };
}
