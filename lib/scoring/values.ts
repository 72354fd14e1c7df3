// Turning input values into the numbers the engine computes with. Days are whole UTC calendar days, so
// "days since" and "days until" do not depend on the hour a score is computed.
import type { AttributeValue, MetricValue } from './types';

export const DAY_MS = 86_400_000;

export const MISSING_NONE = 0;
export const MISSING_ABSENT = 1;
export const MISSING_STALE = 2;
export const MISSING_INVALID = 3;
export const MISSING_REASONS = [undefined, 'absent', 'stale', 'invalid'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

/** Day number (days since 1970-01-01 UTC) of an ISO date or timestamp; NaN when it is not one. */
export function isoDay(value: string): number {
  if (!ISO_DATE.test(value)) return NaN;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : NaN;
}

export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Remembers the last string it parsed: exports usually share one `asOf` for every account. */
export class DayParser {
  private lastText = '';
  private lastDay = NaN;
  parse(text: string): number {
    if (text !== this.lastText) {
      this.lastText = text;
      this.lastDay = isoDay(text);
    }
    return this.lastDay;
  }
}

/** A finite number from a number or a numeric text; NaN otherwise. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : NaN;
  }
  return NaN;
}

export function normText(value: string): string {
  return value.trim().toLowerCase();
}

/** What a metric value reads as: the number the engine uses, or NaN with the reason it is missing. */
export interface MetricReading {
  value: number;
  missing: number;
}

export interface MetricSpec {
  kind: 'number' | 'boolean' | 'category' | 'date';
  maxAgeDays: number | undefined;
  /** Category text (lower-cased) → code; unknown categories read as -1. */
  categoryCodes: Map<string, number>;
  days: DayParser;
}

/** Reads one metric value into `out` (no allocation: the bulk path calls this for every value). */
export function readMetric(spec: MetricSpec, input: MetricValue | undefined, today: number, out: MetricReading): void {
  out.value = NaN;
  if (input === undefined || input === null || typeof input !== 'object' || input.value === null || input.value === undefined || input.value === '') {
    out.missing = MISSING_ABSENT;
    return;
  }
  if (spec.maxAgeDays !== undefined) {
    const asOf = typeof input.asOf === 'string' ? spec.days.parse(input.asOf) : NaN;
    if (Number.isNaN(asOf)) {
      out.missing = MISSING_INVALID;
      return;
    }
    if (today - asOf > spec.maxAgeDays) {
      out.missing = MISSING_STALE;
      return;
    }
  }
  const value = convert(spec, input.value, today);
  out.value = value;
  out.missing = Number.isNaN(value) ? MISSING_INVALID : MISSING_NONE;
}

function convert(spec: MetricSpec, raw: MetricValue['value'], today: number): number {
  switch (spec.kind) {
    case 'number':
      return toNumber(raw);
    case 'boolean':
      if (typeof raw === 'boolean') return raw ? 1 : 0;
      if (raw === 'true' || raw === 1) return 1;
      if (raw === 'false' || raw === 0) return 0;
      return NaN;
    case 'category':
      return typeof raw === 'string' ? (spec.categoryCodes.get(normText(raw)) ?? -1) : NaN;
    case 'date': {
      // A number is already "days since"; a date in the future counts as today.
      const days = typeof raw === 'string' ? today - spec.days.parse(raw) : toNumber(raw);
      return days < 0 ? 0 : days;
    }
  }
}

/** A date attribute as whole days until (or since) today; NaN when it is not an ISO date. */
export function attributeDays(value: AttributeValue | undefined, today: number, since: boolean): number {
  if (typeof value !== 'string') return NaN;
  const day = isoDay(value);
  return since ? today - day : day - today;
}
