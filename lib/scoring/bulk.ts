// The bulk path: many accounts, one compiled config, compact results and no explanation.
// scoreColumns works on numeric rows (typed arrays in, typed arrays out, nothing allocated per account);
// scoreMany takes the same inputs as scoreAccount and returns one small object per account.
import type { CompiledConfig } from './compile';
import type { RuleContext } from './conditions';
import { newRowScore, scoreRow, type RowScore } from './kernel';
import { applyOverride } from './override';
import { readMetrics } from './read';
import { attributesOf } from './score';
import type { AccountInput, AttributeValue, CompactResult, MetricValues, OverrideInput } from './types';
import { dayOf } from './values';

export interface AccountEntry {
  account: AccountInput;
  metrics: MetricValues;
  override?: OverrideInput | null;
}

/** Accounts as numeric rows: values[i * metricCount + metric index], engine values (see values.ts), NaN = missing. */
export interface MetricColumns {
  count: number;
  values: Float64Array;
  attributes: readonly Record<string, AttributeValue>[];
}

export interface BulkScores {
  /** Integer 0–100, NaN when the account has too little data. */
  score: Float64Array;
  /** Tier index into config.tiers, -1 when there is no score. */
  tier: Int8Array;
  scorecard: Uint8Array;
  coverage: Float64Array;
  /** Bit i set when config.flags[i] holds. */
  flags: Uint32Array;
}

function flagMask(compiled: CompiledConfig, ctx: RuleContext): number {
  let mask = 0;
  const flags = compiled.flags;
  for (let i = 0; i < flags.length; i++) if (flags[i]!.test(ctx)) mask |= 1 << i;
  return mask >>> 0;
}

/** Flag keys of a bit mask from the bulk path. */
export function flagKeys(compiled: CompiledConfig, mask: number): string[] {
  return compiled.flags.filter((_, i) => (mask >>> i) & 1).map((f) => f.key);
}

/** Reads accounts into numeric rows once, e.g. when data is loaded, so they can be re-scored quickly. */
export function readColumns(compiled: CompiledConfig, entries: readonly AccountEntry[], now: Date): MetricColumns {
  const width = compiled.metrics.length;
  const values = new Float64Array(entries.length * width);
  const today = dayOf(now);
  entries.forEach((e, i) => readMetrics(compiled, e?.metrics, today, values, i * width));
  return { count: entries.length, values, attributes: entries.map((e) => attributesOf(e?.account)) };
}

export function allocateScores(count: number): BulkScores {
  return {
    score: new Float64Array(count),
    tier: new Int8Array(count),
    scorecard: new Uint8Array(count),
    coverage: new Float64Array(count),
    flags: new Uint32Array(count),
  };
}

/** Computed scores of numeric rows (no overrides). Pass `out` to reuse result arrays between runs. */
export function scoreColumns(compiled: CompiledConfig, columns: MetricColumns, now: Date, out = allocateScores(columns.count)): BulkScores {
  const width = compiled.metrics.length;
  const ctx: RuleContext = { attributes: {}, row: columns.values, offset: 0, score: NaN, today: dayOf(now) };
  const rs = newRowScore();
  for (let i = 0; i < columns.count; i++) {
    ctx.attributes = columns.attributes[i] ?? {};
    ctx.offset = i * width;
    scoreRow(compiled, ctx, rs);
    ctx.score = rs.score;
    out.score[i] = rs.score;
    out.tier[i] = rs.tier;
    out.scorecard[i] = rs.scorecard;
    out.coverage[i] = rs.coverage;
    out.flags[i] = flagMask(compiled, ctx);
  }
  return out;
}

/** Scores many accounts with the same inputs as scoreAccount (overrides included); compact results. */
export function scoreMany(compiled: CompiledConfig, entries: readonly AccountEntry[], options: { now: Date }): CompactResult[] {
  const today = dayOf(options.now);
  const row = new Float64Array(compiled.metrics.length);
  const ctx: RuleContext = { attributes: {}, row, offset: 0, score: NaN, today };
  const rs: RowScore = newRowScore();
  return entries.map((entry) => {
    readMetrics(compiled, entry?.metrics, today, row, 0);
    ctx.attributes = attributesOf(entry?.account);
    scoreRow(compiled, ctx, rs);
    const { score, tier, overridden } = applyOverride(compiled, entry?.override, options.now, rs);
    ctx.score = score;
    return {
      accountId: typeof entry?.account?.id === 'string' ? entry.account.id : '',
      status: rs.score === rs.score ? 'scored' : 'insufficient',
      score: score === score ? score : null,
      tier: compiled.tiers[tier]?.key ?? null,
      coverage: rs.coverage,
      scorecard: rs.scorecard,
      flags: flagMask(compiled, ctx),
      overridden,
    };
  });
}
