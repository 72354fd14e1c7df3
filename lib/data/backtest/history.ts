// Score history files for the leading-indicator check: CSV, JSON or NDJSON with an account id, a day and a
// score per row, read with the import's own readers so rows are located the same way ("line 18").
import { normalizeHeader } from '../import';
import { readCsv } from '../import/csv';
import { detectFormat } from '../import/input';
import { readJson, readNdjson } from '../import/json';
import type { ReaderEvent } from '../import/records';
import { dayNumber } from '../../dates';
import type { ScorePoint } from './leading';

export type HistoryResult = { ok: true; points: ScorePoint[] } | { ok: false; error: string };

/** Accepted headers per field, compared after normalising (case, spaces, punctuation). */
const FIELDS = {
  accountId: ['accountid', 'account', 'id'],
  day: ['day', 'date'],
  score: ['score'],
} as const;

const SHOWN_ERRORS = 5;

function readerFor(text: string, name: string | undefined): AsyncGenerator<ReaderEvent> {
  const format = detectFormat(text, name === undefined ? {} : { name });
  return format === 'json' ? readJson(text) : format === 'ndjson' ? readNdjson(text) : readCsv(text);
}

export async function readHistory(text: string, name?: string): Promise<HistoryResult> {
  const points: ScorePoint[] = [];
  const errors: string[] = [];
  let columns: Record<keyof typeof FIELDS, number> | null = null;
  for await (const event of readerFor(text, name)) {
    if (event.kind === 'error') return { ok: false, error: event.message };
    if (event.kind === 'headers') {
      const normalized = event.headers.map(normalizeHeader);
      const find = (names: readonly string[]) => normalized.findIndex((header) => names.includes(header));
      const found = { accountId: find(FIELDS.accountId), day: find(FIELDS.day), score: find(FIELDS.score) };
      const absent = (Object.keys(found) as (keyof typeof FIELDS)[]).filter((field) => found[field] < 0);
      if (absent.length) {
        return {
          ok: false,
          error: `needs the columns ${absent.map((f) => `"${f}"`).join(', ')} (found ${event.headers.map((h) => `"${h}"`).join(', ') || 'none'})`,
        };
      }
      columns = found;
      continue;
    }
    for (const row of event.rows) {
      const read = 'cells' in row && columns ? readPoint(row.cells, columns) : { error: 'message' in row ? row.message : 'no header' };
      if ('point' in read) points.push(read.point);
      else errors.push(`row ${row.row} (${row.location}): ${read.error}`);
    }
  }
  if (!columns) return { ok: false, error: text.trim() === '' ? 'the file is empty' : 'the file has no header row or records' };
  if (errors.length) {
    const more = errors.length > SHOWN_ERRORS ? `; and ${errors.length - SHOWN_ERRORS} more rows` : '';
    return { ok: false, error: `${errors.length} rows cannot be read: ${errors.slice(0, SHOWN_ERRORS).join('; ')}${more}` };
  }
  return { ok: true, points };
}

function readPoint(cells: unknown[], columns: Record<keyof typeof FIELDS, number>): { point: ScorePoint } | { error: string } {
  const id = cells[columns.accountId];
  const day = cells[columns.day];
  const score = cells[columns.score];
  const accountId = typeof id === 'number' ? String(id) : typeof id === 'string' ? id.trim() : '';
  if (!accountId) return { error: 'has no account id' };
  if (typeof day !== 'string' || Number.isNaN(dayNumber(day.trim()))) {
    return { error: `day ${JSON.stringify(day ?? null)} is not a date (YYYY-MM-DD)` };
  }
  if (score === null || score === undefined || score === '') return { point: { accountId, day: day.trim(), score: null } };
  const value = typeof score === 'number' ? score : typeof score === 'string' ? Number(score.trim()) : NaN;
  if (!(value >= 0 && value <= 100)) return { error: `score ${JSON.stringify(score)} is not a number from 0 to 100` };
  return { point: { accountId, day: day.trim(), score: value } };
}
