import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDate, parseNumber } from '../../../lib/data/import/values';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: string }) => (r.ok ? r.value : `error: ${r.error}`);

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['-12', -12],
    ['+3.5', 3.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1 234 567.25', 1234567.25],
    ['1\u00a0234', 1234],
    ["1'234.5", 1234.5],
    ['45%', 45],
    ['12.5 %', 12.5],
    ['$1,200', 1200],
    ['1200€', 1200],
    ['.5', 0.5],
    ['1e3', 1000],
    ['  7  ', 7],
  ])('reads %j with the decimal mark "."', (raw, expected) => {
    expect(value(parseNumber(raw, '.'))).toBe(expected);
  });

  it.each([
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['1.234', 1234],
    ['1 234,75', 1234.75],
    ['66,5%', 66.5],
    ['-0,25', -0.25],
  ])('reads %j with the decimal mark ","', (raw, expected) => {
    expect(value(parseNumber(raw, ','))).toBe(expected);
  });

  it('refuses a decimal comma when the mark is "." and says how to fix it', () => {
    const r = parseNumber('1,5', '.');
    expect(r.ok).toBe(false);
    expect(value(r)).toContain("set the decimal mark to ','");
  });

  it('refuses a decimal point when the mark is ","', () => {
    expect(value(parseNumber('12.5', ','))).toContain("set the decimal mark to '.'");
  });

  it.each(['abc', '-', '%', '1,23,456', '1.2.3', 'NaN', 'Infinity', '1e999', '12.', '1,234.5.6', '0x10'])('refuses %j', (raw) => {
    const r = parseNumber(raw, '.');
    expect(r.ok).toBe(false);
    expect(value(r)).toContain(JSON.stringify(raw));
  });

  it('does not mention the decimal mark for text that has no separators', () => {
    expect(value(parseNumber('lots', '.'))).toBe('error: expected a number, got "lots"');
  });

  it('shortens a huge cell in its message', () => {
    const r = parseNumber('x'.repeat(5000), '.');
    expect(!r.ok && r.error.length).toBeLessThan(120);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true], ['TRUE', true], ['True', true], ['yes', true], ['Y', true], ['1', true],
    ['false', false], ['FALSE', false], ['no', false], ['n', false], ['0', false], [' no ', false],
  ])('reads %j', (raw, expected) => {
    expect(value(parseBoolean(raw))).toBe(expected);
  });

  it.each(['maybe', '2', 'truee', 'on'])('refuses %j and lists what it accepts', (raw) => {
    expect(value(parseBoolean(raw))).toBe(`error: expected a boolean (true/false, yes/no, y/n or 1/0), got "${raw}"`);
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-10-16', undefined, '2024-10-16'],
    ['20241016', undefined, '2024-10-16'],
    ['2024/10/16', undefined, '2024-10-16'],
    ['16/10/2024', undefined, '2024-10-16'],
    ['10/16/2024', undefined, '2024-10-16'],
    ['16.10.2024', undefined, '2024-10-16'],
    ['03/04/2024', 'dmy', '2024-04-03'],
    ['03/04/2024', 'mdy', '2024-03-04'],
    ['3-4-2024', 'dmy', '2024-04-03'],
    ['05/05/2024', undefined, '2024-05-05'],
    ['2024-10-16T12:30:00Z', undefined, '2024-10-16T12:30:00.000Z'],
    ['2024-10-16 12:30:00', undefined, '2024-10-16T12:30:00.000Z'],
    ['2024-10-16T12:30:00+0200', undefined, '2024-10-16T10:30:00.000Z'],
    ['2024-10-16t12:30z', undefined, '2024-10-16T12:30:00.000Z'],
    ['1729080000', undefined, '2024-10-16T12:00:00.000Z'],
    ['1729080000000', undefined, '2024-10-16T12:00:00.000Z'],
  ] as const)('reads %j (order %s)', (raw, order, expected) => {
    expect(value(parseDate(raw, order))).toBe(expected);
  });

  it('calls a date whose order is not evident ambiguous instead of guessing', () => {
    expect(value(parseDate('03/04/2024'))).toBe('error: "03/04/2024" is ambiguous: set the date order to day-first (dmy) or month-first (mdy)');
  });

  it('refuses a date that contradicts the configured order', () => {
    expect(value(parseDate('16/10/2024', 'mdy'))).toContain('is not a calendar date (year 2024, month 16, day 10)');
  });

  it.each([
    ['2024-02-30', 'is not a calendar date'],
    ['2023-02-29', 'is not a calendar date'],
    ['2024-13-01', 'is not a calendar date'],
    ['16/10/24', 'needs a 4-digit year'],
    ['Oct 16 2024', 'expected a date'],
    ['45581', 'expected a date'],
    ['12345678901', 'expected a date'],
    ['2024-10-16T25:00:00Z', 'out of the date range'],
    ['', 'expected a date'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(value(parseDate(raw))).toContain(reason);
  });

  it('accepts 29 February in a leap year', () => {
    expect(value(parseDate('29/02/2024'))).toBe('2024-02-29');
  });
});
