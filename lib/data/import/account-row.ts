// One record (CSV row, JSON object, NDJSON line) → one account, or the list of what is wrong with it.
// Cells are strings (CSV) or JSON values; both go through the same readers. Text stays text: nothing is
// interpreted as HTML or code, and cells longer than the cap are refused rather than stored.
import { emailDomain, isFreeMailDomain, normalizeCompanyName, normalizeDomain, normalizeEmail } from '../../identity';
import type { AttributeValue, MetricValue, MetricValues } from '../../scoring/types';
import type { IncomingAccount } from '../apply';
import { type ColumnMapping, type ColumnTarget, type MetricCatalogueEntry, type MetricKind, mappedTarget } from './mapping';
import { type Parsed, type ValueOptions, fail, ok, parseBoolean, parseDate, parseNumber, quote } from './values';

/** What an import yields per account: exactly what the atomic apply takes. */
export type ImportedAccount = IncomingAccount;

export interface CellProblem {
  column?: string;
  message: string;
}

export interface RowOptions extends ValueOptions {
  /** As-of date of metric values in rows without a mapped as-of cell. */
  defaultAsOf: string;
  maxCellLength: number;
}

interface Column {
  index: number;
  header: string;
  target: Exclude<ColumnTarget, { kind: 'ignore' }>;
}

/** A mapping resolved against the header order, ready to read many rows. */
export interface RowPlan {
  columns: Column[];
  metricKinds: ReadonlyMap<string, MetricKind>;
}

export function planRows(headers: readonly string[], mapping: ColumnMapping, catalogue: readonly MetricCatalogueEntry[]): RowPlan {
  const columns: Column[] = [];
  headers.forEach((header, index) => {
    const target = mappedTarget(mapping, header);
    if (target && target.kind !== 'ignore') columns.push({ index, header, target });
  });
  return { columns, metricKinds: new Map(catalogue.map((m) => [m.key, m.kind])) };
}

type Cell = unknown;

function describeJson(value: Cell): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Empty strings and JSON null count as missing. Only a cell that starts with whitespace is trimmed to check. */
function isMissing(cell: Cell): boolean {
  if (typeof cell === 'string') return cell.length === 0 || (cell.charCodeAt(0) <= 32 && cell.trim() === '');
  return cell === undefined || cell === null;
}

function readNumber(cell: Cell, options: ValueOptions): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail(`expected a finite number, got ${cell}`);
  if (typeof cell === 'string') return parseNumber(cell, options.decimal);
  return fail(`expected a number, got ${describeJson(cell)}`);
}

function readBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === 0 || cell === 1) return ok(cell === 1);
  if (typeof cell === 'string') return parseBoolean(cell);
  return fail(`expected a boolean, got ${describeJson(cell)}`);
}

function readDate(cell: Cell, options: ValueOptions): Parsed<string> {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0) return parseDate(String(cell), options.dateOrder);
  if (typeof cell === 'string') return parseDate(cell, options.dateOrder);
  return fail(`expected a date, got ${describeJson(cell)}`);
}

function readText(cell: Cell): Parsed<string> {
  if (typeof cell === 'string') return ok(cell.trim());
  if (typeof cell === 'number' || typeof cell === 'boolean') return ok(String(cell));
  return fail(`expected a single value, got ${describeJson(cell)}`);
}

type ValueType = 'number' | 'boolean' | 'date' | 'text';

function readAs(cell: Cell, type: ValueType, options: ValueOptions): Parsed<number | boolean | string> {
  switch (type) {
    case 'number':
      return readNumber(cell, options);
    case 'boolean':
      return readBoolean(cell);
    case 'date':
      return readDate(cell, options);
    case 'text':
      return readText(cell);
  }
}

const PLAIN_NUMBER = /^[+-]?(?:0|[1-9][\d,. \u00a0']*)(?:[.,]\d+)?%?$/;
// The whole cell must have a date's shape: "2024-01-01 to 2024-12-31" is text, not a broken date.
const LOOKS_LIKE_DATE = /^(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}([/.-])\d{1,2}\1\d{2,4}|\d{4}\/\d{1,2}\/\d{1,2})$/i;

/** 'auto': JSON values keep their type; text that is clearly a number, a boolean word or a date gets typed. */
function readAutoAttribute(cell: Cell, options: ValueOptions): Parsed<AttributeValue> {
  if (typeof cell !== 'string') return typeof cell === 'number' || typeof cell === 'boolean' ? ok(cell) : readText(cell);
  const s = cell.trim();
  const lower = s.toLowerCase();
  if (lower === 'true' || lower === 'false') return ok(lower === 'true');
  // Leading zeros (zip codes, ids) stay text; a number-shaped cell that does not parse is text too.
  if (PLAIN_NUMBER.test(s)) {
    const n = parseNumber(s, options.decimal);
    if (n.ok) return n;
  }
  if (LOOKS_LIKE_DATE.test(s)) return parseDate(s, options.dateOrder);
  return ok(s);
}

function readAttribute(cell: Cell, target: ColumnTarget & { kind: 'attribute' }, options: ValueOptions): Parsed<AttributeValue> {
  const type = target.type ?? 'auto';
  return type === 'auto' ? readAutoAttribute(cell, options) : readAs(cell, type, options);
}

/** A list cell: a JSON array, or text separated by `;`, `,` or `|`. */
function listItems(cell: Cell): Parsed<string[]> {
  if (Array.isArray(cell)) {
    const items: string[] = [];
    for (const item of cell) {
      if (typeof item !== 'string') return fail(`expected a list of text, found ${describeJson(item)}`);
      items.push(...item.split(/[;,|]/));
    }
    return ok(items.map((s) => s.trim()).filter(Boolean));
  }
  const text = readText(cell);
  return text.ok ? ok(text.value.split(/[;,|]/).map((s) => s.trim()).filter(Boolean)) : text;
}

function readEmails(cell: Cell): Parsed<string[]> {
  const items = listItems(cell);
  if (!items.ok) return items;
  const emails: string[] = [];
  for (const item of items.value) {
    const email = normalizeEmail(/<([^<>]+)>\s*$/.exec(item)?.[1] ?? item);
    if (!email) return fail(`${quote(item)} is not an email address`);
    emails.push(email);
  }
  return ok(emails);
}

function readDomains(cell: Cell): Parsed<string[]> {
  const items = listItems(cell);
  if (!items.ok) return items;
  const domains: string[] = [];
  for (const item of items.value) {
    const domain = normalizeDomain(item);
    if (!domain) return fail(`${quote(item)} is not a domain`);
    domains.push(domain);
  }
  return ok(domains);
}

function cellLength(cell: Cell): number {
  if (typeof cell === 'string') return cell.length;
  return Array.isArray(cell) ? cell.reduce((n: number, item) => n + (typeof item === 'string' ? item.length : 0), 0) : 0;
}

/** What the row's cells say, before they are assembled into an account. */
class RowFields {
  id = '';
  name = '';
  domains: string[] = [];
  contacts: string[] = [];
  attributes: Record<string, AttributeValue> = {};
  metrics: [string, MetricValue['value']][] = [];
  asOf: string | null = null;
  churned?: boolean;
  churnedAt?: string;
  expanded?: boolean;
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** Sets a key named by the data file: `__proto__` becomes an own property, never the object's prototype. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Reads one cell into the row's fields; returns what it read or why it could not. */
function readCell(fields: RowFields, cell: Cell, column: Column, plan: RowPlan, options: RowOptions): Parsed<unknown> {
  const target = column.target;
  switch (target.kind) {
    case 'identity': {
      if (target.field === 'domains' || target.field === 'contacts') {
        const list = target.field === 'domains' ? readDomains(cell) : readEmails(cell);
        if (list.ok) for (const item of list.value) addOnce(fields[target.field], item);
        return list;
      }
      const text = readText(cell);
      if (text.ok) fields[target.field] = text.value;
      return text;
    }
    case 'metric': {
      const kind = plan.metricKinds.get(target.key);
      if (!kind) return fail(`metric "${target.key}" is not in the config's metrics catalogue`);
      const value = readAs(cell, kind === 'category' ? 'text' : kind, options);
      if (value.ok) fields.metrics.push([target.key, value.value]);
      return value;
    }
    case 'attribute': {
      const value = readAttribute(cell, target, options);
      if (value.ok) setOwn(fields.attributes, target.key, value.value);
      return value;
    }
    case 'asOf': {
      const date = readDate(cell, options);
      if (date.ok) fields.asOf = date.value;
      return date;
    }
    case 'outcome': {
      if (target.field === 'churnedAt') {
        const date = readDate(cell, options);
        if (date.ok) fields.churnedAt = date.value;
        return date;
      }
      const flag = readBoolean(cell);
      if (flag.ok) fields[target.field] = flag.value;
      return flag;
    }
  }
}

/**
 * One cell as the import reads it for its target, for the mapping editor's preview: what it yields (null for an
 * empty cell, which counts as missing) or why it is refused.
 */
export function readOneCell(cell: Cell, target: Exclude<ColumnTarget, { kind: 'ignore' }>, plan: RowPlan, options: RowOptions): Parsed<unknown> | null {
  return readPresentCell(new RowFields(), cell, { index: 0, header: '', target }, plan, options);
}

/** Null for a missing cell; a refusal for one over the length cap; otherwise what readCell says. */
function readPresentCell(fields: RowFields, cell: Cell, column: Column, plan: RowPlan, options: RowOptions): Parsed<unknown> | null {
  if (isMissing(cell)) return null;
  if (cellLength(cell) > options.maxCellLength) return fail(`cell is ${cellLength(cell)} characters long (the limit is ${options.maxCellLength})`);
  return readCell(fields, cell, column, plan, options);
}

function outcomeOf(fields: RowFields): Parsed<ImportedAccount['outcome']> {
  if (fields.churned === undefined && fields.churnedAt === undefined && fields.expanded === undefined) return ok(undefined);
  if (fields.churned === false && fields.churnedAt !== undefined) return fail(`has a churn date (${fields.churnedAt}) but churned is false`);
  return ok({
    churned: fields.churned ?? fields.churnedAt !== undefined,
    ...(fields.churnedAt !== undefined ? { churnedAt: fields.churnedAt } : {}),
    ...(fields.expanded !== undefined ? { expanded: fields.expanded } : {}),
  });
}

/**
 * Reads one record. An account without an id takes one from its normalised name (`name:acme`); contact emails
 * add their company domain to `domains` unless it is a free-mail domain, which never identifies an account.
 */
export function readAccount(cells: readonly Cell[], plan: RowPlan, options: RowOptions): { account: ImportedAccount } | { problems: CellProblem[] } {
  const fields = new RowFields();
  const problems: CellProblem[] = [];
  for (const column of plan.columns) {
    const read = readPresentCell(fields, cells[column.index], column, plan, options);
    if (read && !read.ok) problems.push({ column: column.header, message: read.error });
  }
  const outcome = outcomeOf(fields);
  if (!outcome.ok) problems.push({ message: outcome.error });
  if (!fields.id && !fields.name) problems.push({ message: 'has neither an account id nor a name' });
  if (problems.length > 0 || !outcome.ok) return { problems };

  for (const email of fields.contacts) addOnce(fields.domains, emailDomain(email));
  const asOf = fields.asOf ?? options.defaultAsOf;
  const metrics: MetricValues = {};
  for (const [key, value] of fields.metrics) setOwn(metrics, key, { value, asOf });
  return {
    account: {
      id: fields.id || `name:${normalizeCompanyName(fields.name) ?? fields.name}`,
      name: fields.name || fields.id,
      domains: fields.domains.filter((d) => !isFreeMailDomain(d)),
      contacts: fields.contacts,
      attributes: fields.attributes,
      metrics,
      ...(outcome.value ? { outcome: outcome.value } : {}),
    },
  };
}
