// compileConfig: turns a validated config into flat numeric tables the kernel loops over, once per config.
import { compileAll, type MetricLookup, type Predicate } from './conditions';
import { FN_BANDS, FN_BOOLEAN, FN_CATEGORY, FN_LINEAR, FN_POINTS, POLICY_NEUTRAL, POLICY_SKIP, POLICY_ZERO } from './kernel';
import { ACTION_LIMIT, SCALE_MAX } from './limits';
import type { Measure, MetricDef, Scorecard, ScoringConfig } from './schema';
import type { TierRef } from './types';
import { DayParser, normText, type MetricSpec } from './values';

/** The action value a measure is compared with when explaining drivers. */
export const NEUTRAL_ACTION = 50;

export interface CompiledMetric extends MetricSpec {
  def: MetricDef;
  index: number;
  /** Category code → the text as written in the config. */
  categoryNames: string[];
}

export interface CompiledScorecard {
  def: Scorecard;
  index: number;
  additive: boolean;
  baseline: number;
  when: Predicate | null;
  measures: readonly Measure[];
  metricIndex: Int32Array;
  fn: Uint8Array;
  /** Each measure's parameters start at paramStart[m] in params (layout per function in kernel.ts). */
  paramStart: Int32Array;
  params: Float64Array;
  weight: Float64Array;
  group: Int32Array;
  /** Weighted: group weight share (sums to 1). Additive: the group weight itself, a multiplier. */
  groupWeight: Float64Array;
  /** Share of the total weight each measure has when nothing is missing (sums to 1). */
  nominal: Float64Array;
  policy: Uint8Array;
  // Scratch space reused by every evaluation of this scorecard.
  actions: Float64Array;
  groupSumW: Float64Array;
  groupSumWA: Float64Array;
}

export interface CompiledFlag {
  key: string;
  label: string;
  test: Predicate;
}

export interface CompiledConfig {
  config: ScoringConfig;
  metrics: CompiledMetric[];
  metricIndex: Map<string, number>;
  scorecards: CompiledScorecard[];
  /** Segment scorecards in the order they are tried, then the default. */
  segmentOrder: number[];
  defaultScorecard: number;
  tiers: TierRef[];
  /** Integer score 0–100 → tier index. */
  tierOfScore: Uint8Array;
  flags: CompiledFlag[];
  minCoverage: number;
  neutralValue: number;
}

export function compileConfig(config: ScoringConfig): CompiledConfig {
  const metrics = config.metrics.map((def, index) => compileMetric(def, index, config));
  const metricIndex = new Map(metrics.map((m) => [m.def.key, m.index]));
  const lookup = metricLookup(metrics, metricIndex);
  const scorecards = config.scorecards.map((card, index) => compileScorecard(card, index, config, metrics, metricIndex, lookup));
  const defaultScorecard = Math.max(0, scorecards.findIndex((c) => c.when === null));
  return {
    config,
    metrics,
    metricIndex,
    scorecards,
    segmentOrder: scorecards.filter((c) => c.when !== null).map((c) => c.index),
    defaultScorecard,
    tiers: config.tiers.map((t) => ({ key: t.key, label: t.label, color: t.color })),
    tierOfScore: tierTable(config),
    flags: config.flags.map((f) => ({ key: f.key, label: f.label, test: compileAll(f.when, lookup) })),
    minCoverage: config.missing.minCoverage,
    neutralValue: config.missing.neutralValue,
  };
}

/** Compiles once per config object: the extension scores one account at a time with the same config. */
const cache = new WeakMap<ScoringConfig, CompiledConfig>();
export function compiledFor(config: ScoringConfig): CompiledConfig {
  let compiled = cache.get(config);
  if (!compiled) {
    compiled = compileConfig(config);
    cache.set(config, compiled);
  }
  return compiled;
}

function compileMetric(def: MetricDef, index: number, config: ScoringConfig): CompiledMetric {
  // Every category the config mentions gets a code, so rules and maps compare numbers.
  const names: string[] = [];
  const codes = new Map<string, number>();
  const add = (text: string) => {
    const norm = normText(text);
    if (!codes.has(norm)) {
      codes.set(norm, names.length);
      names.push(text.trim());
    }
  };
  if (def.kind === 'category') {
    def.categories?.forEach(add);
    for (const card of config.scorecards)
      for (const m of card.measures) if (m.type === 'category' && m.metric === def.key) Object.keys(m.map).forEach(add);
    for (const flag of config.flags)
      for (const c of flag.when)
        if (c.metric === def.key) [...(c.equals !== undefined ? [c.equals] : []), ...(c.in ?? [])].forEach((v) => add(String(v)));
  }
  return { def, index, kind: def.kind, maxAgeDays: def.maxAgeDays, categoryCodes: codes, categoryNames: names, days: new DayParser() };
}

function metricLookup(metrics: CompiledMetric[], metricIndex: Map<string, number>): MetricLookup {
  const get = (key: string) => metrics[metricIndex.get(key) ?? -1];
  return {
    index: (key) => metricIndex.get(key) ?? -1,
    kind: (key) => get(key)?.kind ?? 'number',
    categoryCode: (key, category) => get(key)?.categoryCodes.get(normText(category)) ?? -1,
  };
}

function compileScorecard(
  def: Scorecard,
  index: number,
  config: ScoringConfig,
  metrics: CompiledMetric[],
  metricIndex: Map<string, number>,
  lookup: MetricLookup,
): CompiledScorecard {
  const n = def.measures.length;
  const additive = def.formula === 'additive';
  const groups = def.groups ?? [{ key: '', label: '', weight: 1 }];
  const groupTotal = groups.reduce((s, g) => s + g.weight, 0);
  const groupWeight = Float64Array.from(groups, (g) => (additive ? g.weight : g.weight / groupTotal));
  const group = Int32Array.from(def.measures, (m) => Math.max(0, groups.findIndex((g) => g.key === (m.group ?? ''))));
  const weight = Float64Array.from(def.measures, (m) => m.weight);
  const params: number[] = [];
  const paramStart = new Int32Array(n);
  def.measures.forEach((m, i) => {
    paramStart[i] = params.length;
    const metric = metrics[metricIndex.get(m.metric) ?? -1];
    params.push(...measureParams(m, metric, additive));
  });
  const policies = { skip: POLICY_SKIP, neutral: POLICY_NEUTRAL, zero: POLICY_ZERO };
  return {
    def,
    index,
    additive,
    baseline: def.baseline ?? 0,
    when: def.when ? compileAll(def.when, lookup) : null,
    measures: def.measures,
    metricIndex: Int32Array.from(def.measures, (m) => metricIndex.get(m.metric) ?? -1),
    fn: Uint8Array.from(def.measures, (m) => FN_CODES[m.type]),
    paramStart,
    params: Float64Array.from(params),
    weight,
    group,
    groupWeight,
    nominal: nominalShares(weight, group, groupWeight, additive),
    policy: Uint8Array.from(def.measures, (m) => policies[m.missing ?? config.missing.policy]),
    actions: new Float64Array(n),
    groupSumW: new Float64Array(groups.length),
    groupSumWA: new Float64Array(groups.length),
  };
}

const FN_CODES: Record<Measure['type'], number> = {
  bands: FN_BANDS,
  linear: FN_LINEAR,
  boolean: FN_BOOLEAN,
  category: FN_CATEGORY,
  points: FN_POINTS,
};

/** Parameter layout per scoring function; kernel.ts reads them back in the same order. */
function measureParams(m: Measure, metric: CompiledMetric | undefined, additive: boolean): number[] {
  switch (m.type) {
    case 'bands':
      // [count, then per band: threshold, inclusive (1/0), value] — the last band's threshold is +∞.
      return [m.bands.length, ...m.bands.flatMap((b) => [b.lte ?? b.lt ?? Infinity, b.lte !== undefined ? 1 : 0, b.value])];
    case 'linear':
      return [m.min, m.max, m.clamp ? 1 : 0, (m.invert ?? metric?.def.direction === 'lower') ? 1 : 0];
    case 'boolean':
      return [m.ifFalse, m.ifTrue];
    case 'category': {
      // [otherwise, count, value per category code of the metric]
      const names = metric?.categoryNames ?? [];
      const byNorm = new Map(Object.entries(m.map).map(([k, v]) => [normText(k), v]));
      return [m.otherwise ?? NaN, names.length, ...names.map((name) => byNorm.get(normText(name)) ?? NaN)];
    }
    case 'points': {
      // [neutral, perUnit, base, lowest, highest]: weighted scorecards add the points to the neutral 50, within 0–100.
      const base = additive ? 0 : NEUTRAL_ACTION;
      const lo = base + (m.minPoints ?? -ACTION_LIMIT);
      const hi = base + (m.maxPoints ?? ACTION_LIMIT);
      return [m.neutral, m.perUnit, base, additive ? lo : Math.max(0, lo), additive ? hi : Math.min(SCALE_MAX, hi)];
    }
  }
}

function nominalShares(weight: Float64Array, group: Int32Array, groupWeight: Float64Array, additive: boolean): Float64Array {
  const groupSum = new Float64Array(groupWeight.length);
  weight.forEach((w, m) => (groupSum[group[m]!]! += w));
  const share = Float64Array.from(weight, (w, m) => {
    const g = group[m]!;
    return groupSum[g]! > 0 ? (groupWeight[g]! * w) / groupSum[g]! : 0;
  });
  // Additive group weights are multipliers, not shares: normalise so shares still sum to 1.
  const total = share.reduce((s, v) => s + v, 0);
  return additive && total > 0 ? share.map((v) => v / total) : share;
}

function tierTable(config: ScoringConfig): Uint8Array {
  const table = new Uint8Array(SCALE_MAX + 1);
  config.tiers.forEach((t, i) => table.fill(i, t.min, t.max + 1));
  return table;
}
