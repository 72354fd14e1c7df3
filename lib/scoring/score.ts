// scoreAccount: one account, full result with explanation. The bulk path (bulk.ts) shares the kernel.
import { compiledFor, type CompiledConfig, type CompiledMetric } from './compile';
import type { RuleContext } from './conditions';
import { drivers, explainMeasures } from './explain';
import { newRowScore, scoreRow } from './kernel';
import { applyOverride } from './override';
import { readMetrics } from './read';
import type { ScoringConfig } from './schema';
import { nextTierChange } from './suggest';
import type { AccountInput, Action, FlagResult, MetricValues, OverrideResult, ScoreOptions, ScoreResult } from './types';
import { dayOf } from './values';

export function scoreAccount(config: ScoringConfig, account: AccountInput, metrics: MetricValues, options: ScoreOptions): ScoreResult {
  const compiled = compiledFor(config);
  const today = dayOf(options.now);
  const row = new Float64Array(compiled.metrics.length);
  const missing = new Uint8Array(compiled.metrics.length);
  readMetrics(compiled, metrics, today, row, 0, missing);
  const ctx: RuleContext = { attributes: attributesOf(account), row, offset: 0, score: NaN, today };

  const computed = newRowScore();
  scoreRow(compiled, ctx, computed);
  const card = compiled.scorecards[computed.scorecard]!;
  const measures = explainMeasures(compiled, card, row, missing, metrics);
  const { up, down } = drivers(compiled, card, measures);
  const nextTier = nextTierChange(compiled, card, ctx, computed, (metric, x) => categoryText(metric, x, metrics));

  const { score, tier, overridden } = applyOverride(compiled, options.override, options.now, computed);
  ctx.score = score;
  const flags = flagsOf(compiled, ctx);
  return {
    accountId: typeof account?.id === 'string' ? account.id : '',
    status: computed.score === computed.score ? 'scored' : 'insufficient',
    score: score === score ? score : null,
    tier: compiled.tiers[tier] ?? null,
    scorecard: { key: card.def.key, label: card.def.label },
    coverage: computed.coverage,
    flags,
    actions: actionsOf(compiled, tier, flags),
    override: overridden && options.override ? overrideResult(compiled, options.override, computed.score, computed.tier) : null,
    explanation: {
      measures,
      driversUp: up,
      driversDown: down,
      nextTier,
      baseline: card.baseline,
      total: computed.total === computed.total ? computed.total : null,
    },
  };
}

export function attributesOf(account: AccountInput | null | undefined): AccountInput['attributes'] {
  const attributes = account?.attributes;
  return attributes !== null && typeof attributes === 'object' ? attributes : {};
}

export function flagsOf(compiled: CompiledConfig, ctx: RuleContext): FlagResult[] {
  return compiled.config.flags.filter((_, i) => compiled.flags[i]!.test(ctx)).map((f) => ({ key: f.key, label: f.label, actions: f.actions }));
}

/** Tier actions first, then each flag's, de-duplicated by title. */
function actionsOf(compiled: CompiledConfig, tier: number, flags: FlagResult[]): Action[] {
  const all = [...(compiled.config.tiers[tier]?.actions ?? []), ...flags.flatMap((f) => f.actions)];
  const seen = new Set<string>();
  return all.filter((a) => !seen.has(a.title) && seen.add(a.title));
}

function overrideResult(compiled: CompiledConfig, o: NonNullable<ScoreOptions['override']>, score: number, tier: number): OverrideResult {
  return {
    author: o.author,
    reason: o.reason,
    expiresAt: o.expiresAt,
    computedScore: score === score ? score : null,
    computedTier: compiled.tiers[tier] ?? null,
  };
}

/** A category code back to text: the config's spelling, or what the account sent when the config does not know it. */
function categoryText(metric: CompiledMetric, x: number, metrics: MetricValues): string | null {
  const given = metrics?.[metric.def.key]?.value;
  return metric.categoryNames[x] ?? (typeof given === 'string' ? given.trim() : null);
}
