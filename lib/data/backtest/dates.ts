// Days as integers (days since 1970-01-01, UTC) so date arithmetic in the loops is plain number work.

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** Day number of an ISO date or timestamp (`2024-03-01` or `2024-03-01T10:00:00Z`); NaN when it is not one. */
export function dayNumber(iso: string): number {
  const match = ISO_DAY.exec(iso);
  if (!match) return NaN;
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const date = new Date(ms);
  // Date.UTC rolls 2024-02-31 over to March: reject instead of guessing.
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1 ? ms / MS_PER_DAY : NaN;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
