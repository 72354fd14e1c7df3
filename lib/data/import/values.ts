// Cell values as real exports write them: `1,234.5`, `45%`, `TRUE`, `16/10/2024`, epoch seconds.
// Each parser returns the value or a sentence saying what was expected: ambiguity is an error, never a guess.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export type DecimalMark = '.' | ',';
export type DateOrder = 'dmy' | 'mdy';

export interface ValueOptions {
  /** The source's decimal mark: '.' reads `1,234.5`, ',' reads `1.234,5`. */
  decimal: DecimalMark;
  /** How `03/04/2024` is read. Unset: only dates whose order is evident (`16/10/2024`) are accepted. */
  dateOrder?: DateOrder;
}

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (error: string): Parsed<never> => ({ ok: false, error });

/** Quotes a cell for a message, shortened so a huge cell cannot flood a report. */
export function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

// Digit groups: `1,234,567` (or `1 234 567` with any space or an apostrophe) before an optional fraction.
const GROUPED = {
  '.': /^(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f']\d{3})+|\d*)(?:\.\d+)?$/,
  ',': /^(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f']\d{3})+|\d*)(?:,\d+)?$/,
} as const;
const SCIENTIFIC = /^(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
const CURRENCY = /^[$€£¥]|[$€£¥]$/;

/** `1,234.5`, `-12`, `45%` (→ 45), `$1,200`, `1.234,5` with decimal ','; rejects `1,5` when the mark is '.'. */
export function parseNumber(raw: string, decimal: DecimalMark): Parsed<number> {
  let s = raw.trim();
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  const sign = s.startsWith('-') ? -1 : 1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  s = s.replace(CURRENCY, '').trim();
  if (/\d/.test(s)) {
    let plain: string | null = null;
    if (decimal === '.' && SCIENTIFIC.test(s)) plain = s;
    else if (GROUPED[decimal].test(s)) plain = decimal === '.' ? s.replace(/[^\d.]/g, '') : s.replace(/[^\d,]/g, '').replace(',', '.');
    const value = sign * Number(plain);
    if (plain !== null && Number.isFinite(value)) return ok(value);
  }
  // Only a cell with separators can be a question of the decimal mark.
  if (!/\d[.,]\d/.test(raw)) return fail(`expected a number, got ${quote(raw)}`);
  const hint =
    decimal === '.'
      ? "with the decimal mark '.', a comma only separates thousands (1,234.5); set the decimal mark to ',' for 1,5"
      : "with the decimal mark ',', a dot only separates thousands (1.234,5); set the decimal mark to '.' for 1.5";
  return fail(`expected a number, got ${quote(raw)} (${hint})`);
}

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true], ['yes', true], ['y', true], ['1', true],
  ['false', false], ['no', false], ['n', false], ['0', false],
]);

/** true/false, yes/no, y/n, 1/0 in any case. */
export function parseBoolean(raw: string): Parsed<boolean> {
  const value = BOOLEANS.get(raw.trim().toLowerCase());
  return value === undefined ? fail(`expected a boolean (true/false, yes/no, y/n or 1/0), got ${quote(raw)}`) : ok(value);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const DAY_OR_MONTH_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/;
const EPOCH_SECONDS = /^\d{9,10}$/;
const EPOCH_MS = /^\d{12,13}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

// Written out rather than through Date: this runs for every date cell of a 100k-row import.
function calendarDay(year: number, month: number, day: number, raw: string): Parsed<string> {
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth || year < 1)
    return fail(`${quote(raw)} is not a calendar date (year ${year}, month ${month}, day ${day})`);
  return ok(`${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`);
}

function epochDate(ms: number, raw: string): Parsed<string> {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? fail(`${quote(raw)} is out of the date range`) : ok(date.toISOString());
}

function dayOrMonthFirst(first: number, second: number, year: string, raw: string, order: DateOrder | undefined): Parsed<string> {
  if (year.length !== 4) return fail(`${quote(raw)} needs a 4-digit year`);
  let resolved = order;
  if (!resolved) {
    if (first > 12 && second <= 12) resolved = 'dmy';
    else if (second > 12 && first <= 12) resolved = 'mdy';
    else if (first === second) resolved = 'dmy';
    else return fail(`${quote(raw)} is ambiguous: set the date order to day-first (dmy) or month-first (mdy)`);
  }
  const [day, month] = resolved === 'dmy' ? [first, second] : [second, first];
  return calendarDay(Number(year), month, day, raw);
}

/**
 * ISO days and timestamps (a timestamp without a zone is read as UTC), `2024/10/16`, `20241016`,
 * `16/10/2024` / `16.10.2024` / `16-10-2024` by the date order, epoch seconds (9–10 digits) or milliseconds
 * (12–13 digits). Days come back as `YYYY-MM-DD`, timestamps as full ISO strings in UTC.
 */
export function parseDate(raw: string, order?: DateOrder): Parsed<string> {
  const s = raw.trim();
  let m = ISO_DAY.exec(s) ?? COMPACT_DAY.exec(s) ?? YEAR_FIRST.exec(s);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  m = ISO_TIME.exec(s);
  if (m) {
    const day = calendarDay(Number(m[1]), Number(m[2]), Number(m[3]), raw);
    if (!day.ok) return day;
    // Spelled the way every engine's Date.parse accepts: `T`, upper case, a colon in the zone offset.
    const iso = s.replace(' ', 'T').toUpperCase().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    return epochDate(Date.parse(m[4] ? iso : `${iso}Z`), raw);
  }
  m = DAY_OR_MONTH_FIRST.exec(s);
  if (m) return dayOrMonthFirst(Number(m[1]), Number(m[3]), m[4]!, raw, order);
  if (EPOCH_SECONDS.test(s)) return epochDate(Number(s) * 1000, raw);
  if (EPOCH_MS.test(s)) return epochDate(Number(s), raw);
  return fail(`expected a date (2024-10-16, 16/10/2024 or epoch seconds/milliseconds), got ${quote(raw)}`);
}
