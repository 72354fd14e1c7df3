// The scoring config language (schemaVersion 1), described as a zod schema.
// Checks that need only one part of the config (band order, tier coverage, one operator per condition) live
// here as refinements so they are reported together with type errors; checks that relate parts to each other
// (unknown metric keys, duplicate keys, weights) live in ./semantics.ts. docs/config.md documents every field.
import { z } from 'zod';
import { ACTION_LIMIT, SCALE_MAX } from './limits';

export { ACTION_LIMIT, SCALE_MAX };
export const SCHEMA_VERSION = 1;
/** Bound for thresholds and other raw-scale numbers: keeps every intermediate result finite. */
const RAW_LIMIT = 1e12;

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });

const key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must start with a letter and use only letters, digits, "_" or "-" (at most 64)');
const label = z.string().trim().min(1).max(120);
const text = z.string().max(2000);
const finite = z.number().min(-RAW_LIMIT).max(RAW_LIMIT);
const action = z.number().min(-ACTION_LIMIT).max(ACTION_LIMIT);

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
export const actionSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  detail: text.optional(),
  link: z.string().max(2000).regex(SAFE_LINK, 'must start with https://, http:// or mailto:').optional(),
});
const actions = z.array(actionSchema).max(20).default([]);

export const metricSchema = z.strictObject({
  key,
  label,
  description: text.optional(),
  kind: z.enum(['number', 'boolean', 'category', 'date']),
  unit: z.string().max(20).optional(),
  direction: z.enum(['higher', 'lower']).default('higher'),
  /** Values whose `asOf` is more than this many days before today count as missing ('stale'). */
  maxAgeDays: z.number().int().min(0).optional(),
  /** Smallest meaningful change of the value; suggestions ("raise X from 2 to 5") move in these steps. */
  step: z.number().positive().default(1),
  /** For kind 'category': the values it can take (optional; when given, maps and rules are checked against it). */
  categories: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
});

// ── conditions (segment rules and flags) ────────────────────────────────────────────────────────────────
export const rangeSchema = z
  .strictObject({
    min: finite.optional(),
    max: finite.optional(),
    minInclusive: z.boolean().default(true),
    maxInclusive: z.boolean().default(true),
  })
  .superRefine((range, ctx) => {
    if (range.min === undefined && range.max === undefined) issue(ctx, [], 'needs "min", "max" or both');
    if (range.min !== undefined && range.max !== undefined && range.min > range.max)
      issue(ctx, ['max'], `must not be below min (${range.min})`);
  });

const SUBJECTS = ['attribute', 'metric', 'score'] as const;
const OPERATORS = ['equals', 'in', 'range', 'exists', 'pattern'] as const;
const scalar = z.union([z.string().max(200), finite, z.boolean()]);

export const conditionSchema = z
  .strictObject({
    attribute: z.string().trim().min(1).max(100).optional(),
    metric: key.optional(),
    score: z.literal(true).optional(),
    /** Reads a date attribute as whole days until / since today. */
    as: z.enum(['daysUntil', 'daysSince']).optional(),
    equals: scalar.optional(),
    in: z.array(z.union([z.string().max(200), finite])).min(1).max(200).optional(),
    range: rangeSchema.optional(),
    exists: z.boolean().optional(),
    pattern: z.string().min(1).max(200).optional(),
  })
  .superRefine((cond, ctx) => {
    const subjects = SUBJECTS.filter((s) => cond[s] !== undefined);
    const operators = OPERATORS.filter((o) => cond[o] !== undefined);
    if (subjects.length !== 1)
      issue(ctx, [], `needs exactly one of "attribute", "metric" or "score"; found ${describeList(subjects)}`);
    if (operators.length !== 1)
      issue(ctx, [], `needs exactly one of "equals", "in", "range", "exists" or "pattern"; found ${describeList(operators)}`);
    if (cond.as !== undefined && cond.attribute === undefined) issue(ctx, ['as'], 'applies only to an "attribute"');
    if (cond.as !== undefined && cond.range === undefined && cond.exists === undefined)
      issue(ctx, ['as'], 'works only with "range" or "exists"');
    if (cond.pattern !== undefined && cond.attribute === undefined)
      issue(ctx, ['pattern'], 'applies only to an "attribute"');
    if (cond.pattern !== undefined && !compiles(cond.pattern))
      issue(ctx, ['pattern'], 'is not a valid regular expression');
  });

function describeList(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.map((i) => `"${i}"`).join(' and ');
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

const conditions = z.array(conditionSchema).min(1).max(20);

// ── measures ────────────────────────────────────────────────────────────────────────────────────────────
/** A band takes the values below (`lt`) or up to (`lte`) its threshold; the last band has neither and takes the rest. */
export const bandSchema = z.strictObject({ lt: finite.optional(), lte: finite.optional(), value: action });

function checkBands(bands: z.infer<typeof bandSchema>[], ctx: Ctx): void {
  let previous: { at: number; inclusive: boolean; index: number } | null = null;
  bands.forEach((band, index) => {
    const isLast = index === bands.length - 1;
    if (band.lt !== undefined && band.lte !== undefined) return issue(ctx, [index], 'use either "lt" or "lte", not both');
    const at = band.lt ?? band.lte;
    if (isLast) {
      if (at !== undefined) issue(ctx, [index], 'the last band must have no "lt"/"lte": it takes every value above the previous threshold');
      return;
    }
    if (at === undefined) return issue(ctx, [index], 'needs "lt" (values below) or "lte" (values up to and including)');
    const inclusive = band.lte !== undefined;
    // Equal thresholds are fine only as `lt x` then `lte x`: the second band then holds exactly x.
    if (previous && (at < previous.at || (at === previous.at && !(inclusive && !previous.inclusive))))
      issue(ctx, [], `thresholds must increase: band ${index + 1} (${inclusive ? 'lte' : 'lt'} ${at}) does not come after band ${previous.index + 1} (${previous.inclusive ? 'lte' : 'lt'} ${previous.at})`);
    previous = { at, inclusive, index };
  });
}

const measureBase = {
  /** Stable id within the scorecard; defaults to the metric key. */
  key: key.optional(),
  metric: key,
  label: label.optional(),
  weight: z.number().min(0).max(1_000_000).default(1),
  group: key.optional(),
  /** What a missing value does here; defaults to the config's `missing.policy`. */
  missing: z.enum(['skip', 'neutral', 'zero']).optional(),
};

const bandsMeasure = z.strictObject({
  ...measureBase,
  type: z.literal('bands'),
  bands: z.array(bandSchema).min(1).max(50).superRefine(checkBands),
});

const linearMeasure = z
  .strictObject({
    ...measureBase,
    type: z.literal('linear'),
    min: finite,
    max: finite,
    clamp: z.boolean().default(true),
    /** Defaults to true for metrics whose direction is 'lower'. */
    invert: z.boolean().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.max <= m.min) issue(ctx, ['max'], `must be above min (${m.min})`);
  });

const booleanMeasure = z.strictObject({ ...measureBase, type: z.literal('boolean'), ifTrue: action, ifFalse: action });

const categoryMeasure = z.strictObject({
  ...measureBase,
  type: z.literal('category'),
  map: z.record(z.string().trim().min(1).max(100), action),
  /** Action value for a category missing from `map`; without it such a value counts as invalid (missing). */
  otherwise: action.optional(),
});

const pointsMeasure = z
  .strictObject({
    ...measureBase,
    type: z.literal('points'),
    /** The raw value worth 0 points. */
    neutral: finite,
    perUnit: finite,
    minPoints: action.optional(),
    maxPoints: action.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.perUnit === 0) issue(ctx, ['perUnit'], 'must not be 0');
    if (m.minPoints !== undefined && m.maxPoints !== undefined && m.minPoints > m.maxPoints)
      issue(ctx, ['maxPoints'], `must not be below minPoints (${m.minPoints})`);
  });

export const measureSchema = z.discriminatedUnion('type', [
  bandsMeasure,
  linearMeasure,
  booleanMeasure,
  categoryMeasure,
  pointsMeasure,
]);

export const groupSchema = z.strictObject({ key, label, weight: z.number().positive().max(1_000_000) });

export const scorecardSchema = z.strictObject({
  key,
  label,
  description: text.optional(),
  /** Segment rule: all conditions must hold (attributes only). The one scorecard without `when` is the default. */
  when: conditions.optional(),
  formula: z.enum(['weighted', 'additive']).default('weighted'),
  /** Additive formula only: the score before any points are added. */
  baseline: z.number().min(0).max(SCALE_MAX).optional(),
  groups: z.array(groupSchema).min(1).max(20).optional(),
  measures: z.array(measureSchema).min(1).max(100),
});

// ── tiers ───────────────────────────────────────────────────────────────────────────────────────────────
export const tierSchema = z.strictObject({
  key,
  label,
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour like "#1e8e3e"'),
  min: z.number().int().min(0).max(SCALE_MAX),
  max: z.number().int().min(0).max(SCALE_MAX),
  actions,
});

function checkTiers(tiers: z.infer<typeof tierSchema>[], ctx: Ctx): void {
  let expectedMin = 0;
  tiers.forEach((tier, index) => {
    if (tier.max < tier.min) issue(ctx, [index, 'max'], `must not be below min (${tier.min})`);
    if (tier.min > expectedMin) issue(ctx, [index, 'min'], `leaves a gap: scores ${expectedMin}–${tier.min - 1} have no tier (tiers are listed from lowest to highest)`);
    if (tier.min < expectedMin) issue(ctx, [index, 'min'], `overlaps the tier before: scores ${tier.min}–${expectedMin - 1} would be in two tiers (tiers are listed from lowest to highest)`);
    expectedMin = Math.max(expectedMin, tier.max + 1);
  });
  const last = tiers[tiers.length - 1];
  if (last && last.max !== SCALE_MAX) issue(ctx, [tiers.length - 1, 'max'], `must be ${SCALE_MAX}: the highest tier ends the scale`);
}

// ── flags, missing data, alerts ─────────────────────────────────────────────────────────────────────────
export const flagSchema = z.strictObject({ key, label, description: text.optional(), when: conditions, actions });

export const missingSchema = z.strictObject({
  policy: z.enum(['skip', 'neutral', 'zero']).default('skip'),
  /** Action value used by the 'neutral' policy (weighted formula; additive measures add 0 points). */
  neutralValue: z.number().min(0).max(SCALE_MAX).default(50),
  /** Below this share of weight with data the result is 'insufficient' instead of a score. */
  minCoverage: z.number().min(0).max(1).default(0),
});

export const alertsSchema = z.strictObject({
  drop: z.strictObject({ points: z.number().positive().max(SCALE_MAX), days: z.number().int().min(1).max(365) }).optional(),
  tierChange: z.boolean().default(false),
});

export const configSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: label,
  version: z.string().trim().min(1).max(50),
  description: text.optional(),
  metrics: z.array(metricSchema).min(1).max(200),
  scorecards: z.array(scorecardSchema).min(1).max(20),
  tiers: z.array(tierSchema).min(1).max(10).superRefine(checkTiers),
  missing: missingSchema.default({ policy: 'skip', neutralValue: 50, minCoverage: 0 }),
  flags: z.array(flagSchema).max(32).default([]),
  alerts: alertsSchema.default({ tierChange: false }),
});

/** A validated config with defaults filled in. Obtain one from `validateConfig`. */
export type ScoringConfig = z.output<typeof configSchema>;
/** What an author may write (defaults optional). */
export type ScoringConfigInput = z.input<typeof configSchema>;
export type MetricDef = ScoringConfig['metrics'][number];
export type Scorecard = ScoringConfig['scorecards'][number];
export type Measure = Scorecard['measures'][number];
export type Condition = z.output<typeof conditionSchema>;
export type Tier = ScoringConfig['tiers'][number];
export type Flag = ScoringConfig['flags'][number];
