// The arithmetic shared by every path (single account, bulk, suggestions): one account's metric values in,
// action values, total, coverage, integer score and tier out. No allocation per call.
import type { CompiledConfig, CompiledScorecard } from './compile';
import type { RuleContext } from './conditions';
import { ACTION_LIMIT, SCALE_MAX } from './limits';

// Codes in CompiledScorecard.fn and .policy. They live here so the hot loop reads module-local constants.
export const FN_BANDS = 0;
export const FN_LINEAR = 1;
export const FN_BOOLEAN = 2;
export const FN_CATEGORY = 3;
export const FN_POINTS = 4;

export const POLICY_SKIP = 0;
export const POLICY_NEUTRAL = 1;
export const POLICY_ZERO = 2;

/** Action value of measure m for engine value x; NaN when x is missing or the function cannot score it. */
export function actionValue(card: CompiledScorecard, m: number, x: number): number {
  if (x !== x) return NaN;
  const p = card.params;
  const i = card.paramStart[m]!;
  // One small function per kind keeps each inlinable in the bulk loop.
  switch (card.fn[m]) {
    case FN_BANDS:
      return bandValue(p, i, x);
    case FN_LINEAR:
      return linearValue(p, i, x);
    case FN_BOOLEAN:
      return x === 1 ? p[i + 1]! : x === 0 ? p[i]! : NaN;
    case FN_CATEGORY:
      return categoryValue(p, i, x);
    default:
      return pointsValue(p, i, x);
  }
}

/** [count, then per band: threshold, inclusive (1/0), value]; the last band's threshold is +∞. */
function bandValue(p: Float64Array, i: number, x: number): number {
  const last = i + 1 + (p[i]! - 1) * 3;
  for (let b = i + 1; b < last; b += 3) if (p[b + 1] === 1 ? x <= p[b]! : x < p[b]!) return p[b + 2]!;
  return p[last + 2]!;
}

/** [min, max, clamp (1/0), invert (1/0)] */
function linearValue(p: Float64Array, i: number, x: number): number {
  const clamp = p[i + 2] === 1;
  let a = ((x - p[i]!) / (p[i + 1]! - p[i]!)) * SCALE_MAX;
  const lo = clamp ? 0 : -ACTION_LIMIT;
  const hi = clamp ? SCALE_MAX : ACTION_LIMIT;
  a = a < lo ? lo : a > hi ? hi : a;
  return p[i + 3] === 1 ? SCALE_MAX - a : a;
}

/** [otherwise, count, value per category code]; x is the category code (-1 = unknown). */
function categoryValue(p: Float64Array, i: number, x: number): number {
  const v = x >= 0 && x < p[i + 1]! ? p[i + 2 + x]! : NaN;
  return v === v ? v : p[i]!;
}

/** [neutral, perUnit, base, lowest, highest] */
function pointsValue(p: Float64Array, i: number, x: number): number {
  const a = p[i + 2]! + (x - p[i]!) * p[i + 1]!;
  return a < p[i + 3]! ? p[i + 3]! : a > p[i + 4]! ? p[i + 4]! : a;
}

export interface Evaluation {
  /** Unrounded, unclamped: weighted average, or baseline + points. NaN when nothing could be averaged. */
  total: number;
  coverage: number;
}

/** Scores one scorecard; leaves each measure's counted action value (NaN = skipped) in card.actions. */
export function evaluate(card: CompiledScorecard, row: Float64Array, offset: number, neutral: number, out: Evaluation): void {
  const n = card.fn.length;
  const { actions, groupSumW, groupSumWA, weight, group, nominal, policy, metricIndex } = card;
  for (let g = 0; g < groupSumW.length; g++) groupSumW[g] = groupSumWA[g] = 0;
  let coverage = 0;
  for (let m = 0; m < n; m++) {
    let a = actionValue(card, m, row[offset + metricIndex[m]!]!);
    if (a === a) coverage += nominal[m]!;
    else if (policy[m] === POLICY_SKIP) {
      actions[m] = NaN;
      continue;
    } else a = card.additive ? 0 : policy[m] === POLICY_NEUTRAL ? neutral : 0;
    actions[m] = a;
    const g = group[m]!;
    groupSumW[g]! += weight[m]!;
    groupSumWA[g]! += weight[m]! * a;
  }
  out.coverage = coverage > 1 ? 1 : coverage;
  out.total = card.additive ? additiveTotal(card) : weightedTotal(card);
}

function weightedTotal(card: CompiledScorecard): number {
  const { groupSumW, groupSumWA, groupWeight } = card;
  let total = 0;
  let weightWithData = 0;
  for (let g = 0; g < groupSumW.length; g++) {
    if (groupSumW[g]! > 0) {
      total += (groupWeight[g]! * groupSumWA[g]!) / groupSumW[g]!;
      weightWithData += groupWeight[g]!;
    }
  }
  return weightWithData > 0 ? total / weightWithData : NaN;
}

function additiveTotal(card: CompiledScorecard): number {
  let total = card.baseline;
  for (let g = 0; g < card.groupSumWA.length; g++) total += card.groupWeight[g]! * card.groupSumWA[g]!;
  return total;
}

export interface RowScore extends Evaluation {
  scorecard: number;
  /** Integer 0–100, NaN when there is too little data. */
  score: number;
  /** Tier index, -1 when there is no score. */
  tier: number;
}

export function newRowScore(): RowScore {
  return { total: NaN, coverage: 0, scorecard: 0, score: NaN, tier: -1 };
}

export function selectScorecard(compiled: CompiledConfig, ctx: RuleContext): number {
  const order = compiled.segmentOrder;
  for (let i = 0; i < order.length; i++) {
    const card = compiled.scorecards[order[i]!]!;
    if (card.when!(ctx)) return card.index;
  }
  return compiled.defaultScorecard;
}

/** Rounding rule: clamp to 0–100, then round half up to an integer; tiers are looked up by that integer. */
export function toScore(total: number): number {
  const clamped = total < 0 ? 0 : total > SCALE_MAX ? SCALE_MAX : total;
  // The tiny bias keeps 59.4999999 (float noise from a true 59.5) rounding the same way as 59.5.
  return Math.round(clamped + 1e-9);
}

export function scoreCard(compiled: CompiledConfig, card: CompiledScorecard, ctx: RuleContext, out: RowScore): void {
  out.scorecard = card.index;
  evaluate(card, ctx.row, ctx.offset, compiled.neutralValue, out);
  const sufficient = out.total === out.total && out.coverage + 1e-9 >= compiled.minCoverage;
  out.score = sufficient ? toScore(out.total) : NaN;
  out.tier = sufficient ? compiled.tierOfScore[out.score]! : -1;
}

export function scoreRow(compiled: CompiledConfig, ctx: RuleContext, out: RowScore): void {
  scoreCard(compiled, compiled.scorecards[selectScorecard(compiled, ctx)]!, ctx, out);
}
