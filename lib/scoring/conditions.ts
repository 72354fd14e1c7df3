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
  const read = (ctx: RuleContext) => ctx.row[ctx.offset + index]!;
  const kind = metrics.kind(key);
  if (c.range) {
    // Flags like "seat use ≥ 90" run for every account in bulk: one closure, no nested calls.
    const inRange = rangeTest(c.range);
    return (ctx) => inRange(ctx.row[ctx.offset + index]!);
  }
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
  if (typeof c.equals === 'string') {
    // The common segment rule ("segment equals enterprise"), kept to one comparison per account.
    const want = c.equals;
    return (ctx) => {
      const v = ctx.attributes[name];
      return typeof v === 'string' && sameText(v, want);
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
  if (typeof want === 'string') return typeof actual === 'string' && sameText(actual, want);
  if (typeof want === 'number') return toNumber(actual) === want;
  return actual === want;
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160;

/**
 * normText(a) === normText(b), without building new strings: segment rules run for every account in bulk.
 * Only ASCII letters are folded here; anything else falls back to the allocating comparison.
 */
function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = a.length;
  let k = 0;
  let l = b.length;
  while (i < j && isSpace(a.charCodeAt(i))) i++;
  while (j > i && isSpace(a.charCodeAt(j - 1))) j--;
  while (k < l && isSpace(b.charCodeAt(k))) k++;
  while (l > k && isSpace(b.charCodeAt(l - 1))) l--;
  if (j - i !== l - k) return (hasNonAscii(a) || hasNonAscii(b)) && normText(a) === normText(b);
  for (; i < j; i++, k++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(k);
    if (x === y) continue;
    if (x > 127 || y > 127) return normText(a) === normText(b);
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}
