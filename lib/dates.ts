// Calendar days (UTC) for the data layer and the pages: ISO day strings as stored (`2024-03-01`) and day numbers
// (days since 1970-01-01) so date arithmetic in loops is plain number work. Parsed by hand because the leading
// check reads hundreds of thousands of history days: no regex match arrays, no Date objects. (lib/scoring keeps
// its own day arithmetic, so the engine stays self-contained.)

export const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of an ISO date or timestamp (`2024-03-01` or `2024-03-01T10:00:00Z`); NaN when it is not one. */
export function dayNumber(iso: string): number {
  if (iso.length < 10 || iso[4] !== '-' || iso[7] !== '-' || (iso.length > 10 && iso[10] !== 'T')) return NaN;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** dayNumber with a memory: exports and histories repeat the same few hundred days across many rows. */
export function cachedDayNumber(): (iso: string) => number {
  const days = new Map<string, number>();
  return (iso) => {
    let day = days.get(iso);
    if (day === undefined) days.set(iso, (day = dayNumber(iso)));
    return day;
  };
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO day (UTC) of a moment. */
export function isoDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO day (UTC) `days` days before a moment. */
export function isoDayBefore(date: Date, days: number): string {
  return isoDayOf(new Date(date.getTime() - days * DAY_MS));
}
