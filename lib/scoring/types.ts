// Shapes the scoring engine reads and returns. Pure data: no browser API, no Dexie.
// The config itself is described (and validated) by the zod schema in ./schema.ts; its type is exported there.

/** An attribute value of an account: plan, industry, employee count, renewal date (ISO string)… */
export type AttributeValue = string | number | boolean | null;

export interface AccountInput {
  id: string;
  name: string;
  attributes: Record<string, AttributeValue>;
}

/** One metric value with the day it describes (ISO date `YYYY-MM-DD` or full ISO timestamp). */
export interface MetricValue {
  value: number | string | boolean | null;
  asOf: string;
}

export type MetricValues = Record<string, MetricValue>;

/** A CSM's manual override of the computed result. */
export interface OverrideInput {
  /** Either a value 0–100 or a tier key. */
  value?: number;
  tier?: string;
  reason: string;
  author: string;
  createdAt: string;
  /** ISO timestamp; after it the computed score returns by itself. */
  expiresAt: string;
}

/** One stored daily point of an account's history. */
export interface HistoryPoint {
  day: string; // YYYY-MM-DD
  score: number | null;
  tier: string | null;
}

export interface TierRef {
  key: string;
  label: string;
  color: string;
}

export interface Action {
  title: string;
  detail?: string;
  link?: string;
}

export interface FlagResult {
  key: string;
  label: string;
  actions: Action[];
}

export interface MeasureExplanation {
  /** Stable id of the measure within its scorecard (its metric key unless the config names it). */
  key: string;
  metric: string;
  label: string;
  group?: string;
  raw: number | string | boolean | null;
  /** Why the value counts as missing, when it does. */
  missing?: 'absent' | 'stale' | 'invalid';
  /** 0–100 for averaged measures; ± points for additive measures; null when missing and skipped. */
  actionValue: number | null;
  /** Share of the total weight this measure ended up with (0–1), after re-weighting for missing data. */
  effectiveWeight: number;
  /** Points this measure adds to the final score. */
  contribution: number;
}

/**
 * A metric value as a page shows it, for the page to word in its language (`formatValue` is the English): a
 * number with the metric's unit as the config spells it ('' for none), days (date metrics), yes/no, a category.
 */
export type ShownValue =
  | { kind: 'number'; value: number; unit: string }
  | { kind: 'days'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'none' };

export interface Driver {
  key: string;
  label: string;
  /** Signed effect in points compared with a neutral (50) action value. */
  impact: number;
  /** The impact rounded to a tenth: what the driver's sentence says. */
  points: number;
  /** The value that drives it; `missing` when there was none and the missing-data policy counted `counted`. */
  shown: ShownValue | { kind: 'missing'; counted: number };
  /** e.g. "Logins per week: 2 logins (-6.2 points)", in English */
  text: string;
}

export interface NextTierChange {
  tier: TierRef;
  metric: string;
  label: string;
  from: number | string | boolean | null;
  to: number | string | boolean;
  /** What to do: record a missing value, change a yes/no, move to another category, raise or lower a number. */
  verb: 'record' | 'change' | 'move' | 'raise' | 'lower';
  fromShown: ShownValue;
  toShown: ShownValue;
  /** e.g. "raise weekly logins from 2 to 5", in English */
  text: string;
}

export interface Explanation {
  measures: MeasureExplanation[];
  driversUp: Driver[];
  driversDown: Driver[];
  nextTier: NextTierChange | null;
  /** Additive scorecards: the score before points (0 for weighted ones). */
  baseline: number;
  /** baseline + the sum of contributions, before clamping and rounding; null when nothing could be scored. */
  total: number | null;
}

export interface OverrideResult {
  author: string;
  reason: string;
  expiresAt: string;
  /** The score or tier the engine computed before the override. */
  computedScore: number | null;
  computedTier: TierRef | null;
}

export interface ScoreResult {
  accountId: string;
  status: 'scored' | 'insufficient';
  /** Final score 0–100 (integer), after any override; null when status is 'insufficient' and no override. */
  score: number | null;
  tier: TierRef | null;
  scorecard: { key: string; label: string };
  /** Share of weight with usable data, 0–1. */
  coverage: number;
  flags: FlagResult[];
  /** Tier actions followed by flag actions, de-duplicated by title. */
  actions: Action[];
  override: OverrideResult | null;
  explanation: Explanation;
}

export interface ScoreOptions {
  now: Date;
  override?: OverrideInput | null;
}

/** A problem found in a config, with its path (`scorecards[1].measures[2].bands`) and a sentence. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** Score change over 7 and 30 days; null where history does not reach back that far. */
export interface Trend {
  d7: number | null;
  d30: number | null;
}

/** An alert with its sentence in English (the CLI's) and the values a page needs to say it in its language. */
export type ScoreAlert =
  | { kind: 'drop'; text: string; points: number; days: number; from: number; to: number }
  | { kind: 'tier-worse'; text: string; from: TierRef; to: TierRef };

/** A score and tier as stored for an account (tier by key). */
export interface ScoreSnapshot {
  score: number | null;
  tier: string | null;
}

/** The bulk path's result for one account: no explanation. `flags` is a bit mask over config.flags. */
export interface CompactResult {
  accountId: string;
  status: 'scored' | 'insufficient';
  score: number | null;
  tier: string | null;
  coverage: number;
  /** Index into config.scorecards. */
  scorecard: number;
  flags: number;
  overridden: boolean;
}
