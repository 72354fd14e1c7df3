// JSON (an array of account objects, or `{ "accounts": [...] }`) and NDJSON (one object per line).
// Objects nested one level (`"metrics": { "nps": 40 }`) become columns named `metrics.nps`, so the same
// mapping serves flat exports and the shape Healthmark itself writes.
import { describeJsonError, locateJsonError } from './json-error';
import { type ReadRow, type ReaderEvent, tooManyColumns } from './records';

const BATCH = 5000;

type Item = { row: number; location: string; value: unknown } | { row: number; location: string; problem: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(object: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(object)) {
    if (isPlainObject(value)) for (const [sub, inner] of Object.entries(value)) out.push([`${key}.${sub}`, inner]);
    else out.push([key, value]);
  }
  return out;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/** Headers are every key seen, in order of first appearance; cells follow that order. */
async function* itemsToEvents(items: Item[]): AsyncGenerator<ReaderEvent> {
  if (items.length === 0) return yield { kind: 'error', message: 'the file has no records' };
  const flat: ([string, unknown][] | null)[] = items.map((item) => ('value' in item && isPlainObject(item.value) ? flatten(item.value) : null));
  const columns = new Map<string, number>();
  for (const entries of flat) for (const [key] of entries ?? []) if (!columns.has(key)) columns.set(key, columns.size);
  const tooMany = tooManyColumns(columns.size);
  if (tooMany) return yield tooMany;
  yield { kind: 'headers', headers: [...columns.keys()] };
  for (let start = 0; start < items.length; start += BATCH) {
    const rows = items.slice(start, start + BATCH).map((item, offset): ReadRow => {
      const { row, location } = item;
      const entries = flat[start + offset];
      if ('problem' in item) return { row, location, message: item.problem };
      if (!entries) return { row, location, message: `expected an object with the account's fields, got ${kindOf(item.value)}` };
      const cells: unknown[] = new Array(columns.size);
      for (const [key, value] of entries) cells[columns.get(key)!] = value;
      return { row, location, cells };
    });
    yield { kind: 'batch', rows, fraction: Math.min(1, (start + BATCH) / Math.max(1, items.length)) };
  }
}

export async function* readJson(text: string): AsyncGenerator<ReaderEvent> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return yield { kind: 'error', message: describeJsonError(text, error) };
  }
  const list = isPlainObject(parsed) && Array.isArray(parsed.accounts) ? parsed.accounts : parsed;
  if (!Array.isArray(list))
    return yield { kind: 'error', message: `expected a JSON array of account objects (or {"accounts": [...]}), got ${kindOf(parsed)}` };
  yield* itemsToEvents(list.map((value: unknown, index) => ({ row: index + 1, location: `element [${index}]`, value })));
}

export async function* readNdjson(text: string): AsyncGenerator<ReaderEvent> {
  const items: Item[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const location = `line ${index + 1}`;
    const row = items.length + 1;
    try {
      items.push({ row, location, value: JSON.parse(line) });
    } catch (error) {
      const { column, reason } = locateJsonError(line, error);
      items.push({ row, location, problem: `invalid JSON at column ${column}: ${reason}` });
    }
  });
  yield* itemsToEvents(items);
}
