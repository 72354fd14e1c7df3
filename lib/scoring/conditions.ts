// Segment rules and flag rules compiled once into small predicate functions.
// Text comparisons ignore case and surrounding spaces; a missing value never satisfies a rule except `exists: false`.
import type { Condition } from './schema';
import type { AttributeValue } from './types';
import { attributeDays, normText, toNumber } from './values';

/** What a rule can look at. One mutable context is reused for every account. */
export interface RuleContext {
  attributes: Record<string, AttributeValue>;
  /** Metric values read by the engine (see values.ts), at `offset + metric index`. NaN = missing. */
  row: Float64Array;
  offset: number;
  /** Final score, NaN when there is none. */
  score: number;
  today: number;
}

export type Predicate = (ctx: RuleContext) => boolean;

/** How a metric's engine values relate to config values (category text → code). */
export interface MetricLookup {
  index(key: string): number;
  kind(key: string): 'number' | 'boolean' | 'category' | 'date';
  categoryCode(key: string, category: string): number;
}

export function compileAll(conditions: readonly Condition[], metrics: MetricLookup): Predicate {
  const tests = conditions.map((c) => compileCondition(c, metrics));
  if (tests.length === 1) return tests[0]!;
  return (ctx) => {
    for (const test of tests) if (!test(ctx)) return false;
    return true;
  };
}

function compileCondition(c: Condition, metrics: MetricLookup): Predicate {
  if (c.metric !== undefined) return metricCondition(c, c.metric, metrics);
  if (c.score !== undefined) return numericCondition(c, (ctx) => ctx.score);
  const name = c.attribute ?? '';
  if (c.as !== undefined) {
    const since = c.as === 'daysSince';
    return numericCondition(c, (ctx) => attributeDays(ctx.attributes[name], ctx.today, since));
  }
  return attributeCondition(c, name);
}

/** Conditions on a number: equals, in, range, exists (score, date attributes, numeric metrics). */
function numericCondition(c: Condition, read: (ctx: RuleContext) => number): Predicate {
  if (c.exists !== undefined) {
    const want = c.exists;
    return (ctx) => !Number.isNaN(read(ctx)) === want;
  }
  if (c.range) {
    const inRange = rangeTest(c.range);
    return (ctx) => inRange(read(ctx));
  }
  const allowed = (c.equals !== undefined ? [c.equals] : (c.in ?? [])).map(toNumber).filter((n) => !Number.isNaN(n));
  return (ctx) => allowed.includes(read(ctx));
}

export function rangeTest(r: NonNullable<Condition['range']>): (value: number) => boolean {
  const min = r.min ?? -Infinity;
  const max = r.max ?? Infinity;
  const minInclusive = r.minInclusive;
  const maxInclusive = r.maxInclusive;
  return (v) => (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
}

function metricCondition(c: Condition, key: string, metrics: MetricLookup): Predicate {
  const index = metrics.index(key);
  const read = (ctx: RuleContext) => ctx.row[ctx.offset + index] ?? NaN;
  const kind = metrics.kind(key);
  if (kind === 'number' || kind === 'date' || c.exists !== undefined) return numericCondition(c, read);
  // Booleans read as 1/0 and categories as codes: translate the config values the same way.
  const allowed = (c.equals !== undefined ? [c.equals] : (c.in ?? [])).map((v) =>
    kind === 'boolean' ? (v === true ? 1 : 0) : metrics.categoryCode(key, String(v)),
  );
  return (ctx) => allowed.includes(read(ctx));
}

function attributeCondition(c: Condition, name: string): Predicate {
  if (c.exists !== undefined) {
    const want = c.exists;
    return (ctx) => present(ctx.attributes[name]) === want;
  }
  if (c.range) {
    const inRange = rangeTest(c.range);
    return (ctx) => inRange(toNumber(ctx.attributes[name]));
  }
  if (c.pattern !== undefined) {
    const regex = new RegExp(c.pattern, 'i');
    return (ctx) => {
      const v = ctx.attributes[name];
      return present(v) && regex.test(String(v));
    };
  }
  const allowed = c.equals !== undefined ? [c.equals] : (c.in ?? []);
  return (ctx) => allowed.some((want) => sameValue(ctx.attributes[name], want));
}

function present(v: AttributeValue | undefined): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/** Texts compare without case; a number matches its numeric text ("500" equals 500). */
function sameValue(actual: AttributeValue | undefined, want: string | number | boolean): boolean {
  if (actual === null || actual === undefined) return false;
  if (typeof want === 'string') return typeof actual === 'string' && normText(actual) === normText(want);
  if (typeof want === 'number') return toNumber(actual) === want;
  return actual === want;
}
