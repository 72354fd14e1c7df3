// The smallest single-metric change that lifts an account into the next tier up.
// Candidates come from each measure's scoring function (band edges, a search along linear/points scales,
// the other boolean or category values); each is checked by re-scoring the account with that one value
// changed. "Smallest" means smallest relative to the measure's scale; filling in a missing value ranks last.
import type { CompiledConfig, CompiledMetric, CompiledScorecard } from './compile';
import type { RuleContext } from './conditions';
import { formatValue, measureLabel, shownValue } from './explain';
import { FN_BANDS, FN_BOOLEAN, FN_CATEGORY, FN_LINEAR, FN_POINTS, newRowScore, scoreCard, type RowScore } from './kernel';
import { SCALE_MAX } from './limits';
import type { NextTierChange } from './types';

interface Candidate {
  x: number;
  distance: number;
}

const MISSING_DISTANCE = 2;
const SEARCH_LIMIT = 10_000;

export function nextTierChange(
  compiled: CompiledConfig,
  card: CompiledScorecard,
  ctx: RuleContext,
  current: RowScore,
  categoryOf: (metric: CompiledMetric, x: number) => string | null,
): NextTierChange | null {
  if (current.tier < 0 || current.tier >= compiled.tiers.length - 1) return null;
  const row = Float64Array.from(ctx.row);
  const probeCtx: RuleContext = { ...ctx, row, offset: 0 };
  const probe = newRowScore();
  const reaches = (metricIndex: number, x: number): boolean => {
    const before = row[metricIndex]!;
    row[metricIndex] = x;
    scoreCard(compiled, card, probeCtx, probe);
    row[metricIndex] = before;
    return probe.tier > current.tier;
  };

  // Fixed candidates (band edges, other booleans and categories) are tried nearest first; the searches along
  // linear and points scales then only look for something nearer than the best found so far.
  const fixed: (Candidate & { m: number })[] = [];
  for (let m = 0; m < card.measures.length; m++)
    for (const c of fixedCandidates(card, m, compiled.metrics[card.metricIndex[m]!]!, ctx.row)) fixed.push({ x: c.x, distance: c.distance, m });
  fixed.sort((a, b) => a.distance - b.distance);
  let best = fixed.find((c) => reaches(card.metricIndex[c.m]!, c.x)) ?? null;
  for (let m = 0; m < card.measures.length; m++) {
    const metric = compiled.metrics[card.metricIndex[m]!]!;
    const found = searchCandidate(card, m, metric, ctx.row[metric.index]!, best?.distance ?? Infinity, (x) => reaches(metric.index, x));
    if (found && (!best || found.distance < best.distance)) best = { ...found, m };
  }
  if (!best) return null;
  const metric = compiled.metrics[card.metricIndex[best.m]!]!;
  const x0 = ctx.row[metric.index]!;
  const asValue = (x: number) => (metric.kind === 'boolean' ? x === 1 : metric.kind === 'category' ? categoryOf(metric, x) : x);
  const from = x0 === x0 ? asValue(x0) : null;
  const to = asValue(best.x) ?? String(best.x);
  const label = measureLabel(compiled, card, best.m);
  const verb = verbOf(from, to);
  return {
    tier: compiled.tiers[current.tier + 1]!,
    metric: metric.def.key,
    label,
    from,
    to,
    verb,
    fromShown: shownValue(metric, from),
    toShown: shownValue(metric, to),
    text: changeText(verb, lowerFirst(label), metric, from, to),
  };
}

function fixedCandidates(card: CompiledScorecard, m: number, metric: CompiledMetric, row: Float64Array): Candidate[] {
  const p = card.params;
  const i = card.paramStart[m]!;
  const x0 = row[metric.index]!;
  switch (card.fn[m]) {
    case FN_BOOLEAN:
      return [0, 1].filter((x) => x !== x0).map((x) => ({ x, distance: x0 === x0 ? 1 : MISSING_DISTANCE }));
    case FN_CATEGORY: {
      // Closer categories are those whose action value is closer to the current one.
      const mapped = Array.from({ length: p[i + 1]! }, (_, c) => c).filter((c) => !Number.isNaN(p[i + 2 + c]!));
      const valuesOf = mapped.map((c) => p[i + 2 + c]!);
      const range = Math.max(...valuesOf) - Math.min(...valuesOf) || 1;
      const current = x0 >= 0 && x0 < p[i + 1]! ? p[i + 2 + x0]! : NaN;
      return mapped
        .filter((c) => c !== x0)
        .map((x) => ({ x, distance: x0 !== x0 ? MISSING_DISTANCE : Number.isNaN(current) ? 1 : Math.abs(p[i + 2 + x]! - current) / range }));
    }
    case FN_BANDS:
      return bandCandidates(p, i, metric, x0, metric.def.step);
    default:
      return [];
  }
}

/** Linear and points measures: the nearest value along the scale that reaches, if nearer than `maxDistance`. */
function searchCandidate(card: CompiledScorecard, m: number, metric: CompiledMetric, x0: number, maxDistance: number, reaches: (x: number) => boolean): Candidate | null {
  const p = card.params;
  const i = card.paramStart[m]!;
  if (card.fn[m] === FN_LINEAR) {
    const [min, max, invert] = [p[i]!, p[i + 1]!, p[i + 3]!];
    const [worst, best] = invert === 1 ? [max, min] : [min, max];
    return searchAlong(x0 === x0 ? x0 : worst, best, x0, Math.abs(max - min), metric, maxDistance, reaches);
  }
  if (card.fn[m] === FN_POINTS) {
    // [neutral, perUnit, base, lowest, highest]: the ends are where the points stop changing.
    const [neutral, perUnit, base, lo, hi] = [p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!, p[i + 4]!];
    const worst = neutral + (lo - base) / perUnit;
    const best = neutral + (hi - base) / perUnit;
    return searchAlong(x0 === x0 ? x0 : worst, best, x0, Math.abs(best - worst), metric, maxDistance, reaches);
  }
  return null;
}

/** The point of each band closest to the current value (or to the worse end of the band when there is none). */
function bandCandidates(p: Float64Array, i: number, metric: CompiledMetric, x0: number, step: number): Candidate[] {
  const count = p[i]!;
  const thresholds = Array.from({ length: count - 1 }, (_, b) => p[i + 1 + b * 3]!);
  const span = Math.max(step, thresholds.length > 1 ? thresholds[thresholds.length - 1]! - thresholds[0]! : Math.abs(thresholds[0] ?? step));
  const floor = metric.kind === 'date' ? 0 : -Infinity;
  const out: Candidate[] = [];
  for (let b = 0; b < count; b++) {
    const at = i + 1 + b * 3;
    const prev = b === 0 ? -Infinity : p[at - 3]!;
    const lo = Math.max(floor, b === 0 ? -Infinity : p[at - 2] === 1 ? prev + step : prev);
    const hi = b === count - 1 ? Infinity : p[at + 1] === 1 ? p[at]! : p[at]! - step;
    if (lo > hi) continue;
    const x = x0 === x0 ? Math.min(hi, Math.max(lo, x0)) : metric.def.direction === 'lower' && Number.isFinite(hi) ? hi : Number.isFinite(lo) ? lo : hi;
    if (x !== x0 && Number.isFinite(x)) out.push({ x, distance: x0 === x0 ? Math.abs(x - x0) / span : MISSING_DISTANCE });
  }
  return out;
}

/** Binary search, in steps of the metric's `step`, for the first value from `start` towards `best` that reaches. */
function searchAlong(start: number, best: number, x0: number, span: number, metric: CompiledMetric, maxDistance: number, reaches: (x: number) => boolean): Candidate | null {
  const step = metric.def.step;
  const scale = Math.max(span, step);
  const distanceOf = (x: number) => (x0 === x0 ? Math.abs(x - x0) / scale : MISSING_DISTANCE);
  if (x0 !== x0 && MISSING_DISTANCE >= maxDistance) return null;
  const dir = best > start ? 1 : -1;
  // Nothing beyond maxDistance can win, so the search stops there.
  const length = Math.min(Math.abs(best - start), x0 === x0 ? maxDistance * scale : Infinity);
  if (!(length > 0) || !Number.isFinite(length)) return null;
  const origin = dir > 0 ? Math.floor(start / step) * step : Math.ceil(start / step) * step;
  const end = start + dir * length;
  const at = (k: number) => (k * step >= length ? end : origin + dir * k * step);
  let lo = 1;
  let hi = Math.min(SEARCH_LIMIT, Math.ceil(length / step));
  if (!reaches(at(hi))) return null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reaches(at(mid))) hi = mid;
    else lo = mid + 1;
  }
  const x = Math.max(metric.kind === 'date' ? 0 : -Infinity, at(lo));
  return { x, distance: distanceOf(x) };
}

function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function verbOf(from: NextTierChange['from'], to: NextTierChange['to']): NextTierChange['verb'] {
  if (from === null) return 'record';
  if (typeof to === 'boolean') return 'change';
  if (typeof to === 'string' || typeof from !== 'number') return 'move';
  return to > from ? 'raise' : 'lower';
}

function changeText(verb: NextTierChange['verb'], label: string, metric: CompiledMetric, from: NextTierChange['from'], to: NextTierChange['to']): string {
  if (verb === 'record') return `record ${label} (no data now) at ${formatValue(metric, to)}`;
  if (verb === 'change') return `change ${label} from ${from ? 'yes' : 'no'} to ${to ? 'yes' : 'no'}`;
  if (verb === 'move') return `move ${label} from ${String(from)} to ${String(to)}`;
  const plain = (v: number) => formatValue(metric, v).split(' ')[0];
  return `${verb} ${label} from ${plain(from as number)} to ${formatValue(metric, to as number)}`;
}
