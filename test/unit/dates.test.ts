// Calendar days in UTC: ISO day strings and day numbers convert both ways, and "days before" never depends on the hour.
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay, isoDayBefore, isoDayOf } from '../../lib/dates';

describe('days', () => {
  it('gives the UTC day of a moment, whatever its hour', () => {
    expect(isoDayOf(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
    expect(isoDayOf(new Date('2024-03-01T23:59:59.999Z'))).toBe('2024-03-01');
  });

  it('counts back across a month end and a leap day', () => {
    expect(isoDayBefore(new Date('2024-03-01T08:00:00Z'), 1)).toBe('2024-02-29');
    expect(isoDayBefore(new Date('2024-03-01T08:00:00Z'), 30)).toBe('2024-01-31');
    expect(isoDayBefore(new Date('2024-03-01T08:00:00Z'), 0)).toBe('2024-03-01');
  });

  it('turns day numbers and ISO days into each other', () => {
    for (const day of ['1970-01-01', '2000-02-29', '2024-12-31']) expect(isoDay(dayNumber(day))).toBe(day);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-01')).toBe(29);
  });
});
