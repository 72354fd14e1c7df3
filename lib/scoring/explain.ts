// Per-measure explanation and drivers, read from the kernel's scratch values right after an evaluation.
import { NEUTRAL_ACTION, type CompiledConfig, type CompiledMetric, type CompiledScorecard } from './compile';
import { actionValue } from './kernel';
import type { Driver, MeasureExplanation, MetricValue, MetricValues, ShownValue } from './types';
import { MISSING_NONE, MISSING_REASONS } from './values';

const TOP_DRIVERS = 3;

export function measureLabel(compiled: CompiledConfig, card: CompiledScorecard, m: number): string {
  return card.measures[m]!.label ?? compiled.metrics[card.metricIndex[m]!]!.def.label;
}

/** Call right after `evaluate` for this card: it reads card.actions and the group sums. */
export function explainMeasures(
  compiled: CompiledConfig,
  card: CompiledScorecard,
  row: Float64Array,
  missing: Uint8Array,
  inputs: MetricValues | null | undefined,
): MeasureExplanation[] {
  const shares = effectiveWeights(card);
  return card.measures.map((measure, m) => {
    const metric = compiled.metrics[card.metricIndex[m]!]!;
    const x = row[metric.index]!;
    const a = card.actions[m]!;
    const own = actionValue(card, m, x);
    const g = card.group[m]!;
    const contribution = a !== a ? 0 : card.additive ? a * card.weight[m]! * card.groupWeight[g]! : shares[m]! * a;
    const reason = own === own ? undefined : (MISSING_REASONS[missing[metric.index]!] ?? 'invalid');
    return {
      key: measure.key ?? measure.metric,
      metric: measure.metric,
      label: measureLabel(compiled, card, m),
      ...(measure.group !== undefined ? { group: card.def.groups?.find((gr) => gr.key === measure.group)?.label ?? measure.group } : {}),
      raw: rawValue(metric, x, missing[metric.index]!, inputs?.[metric.def.key]),
      ...(reason ? { missing: reason } : {}),
      actionValue: a === a ? a : null,
      effectiveWeight: shares[m]!,
      contribution,
    };
  });
}

/** Each measure's share of the weight that counted (sums to 1 over counted measures). */
function effectiveWeights(card: CompiledScorecard): Float64Array {
  const { actions, weight, group, groupWeight, groupSumW } = card;
  const shares = new Float64Array(actions.length);
  if (card.additive) {
    let total = 0;
    actions.forEach((a, m) => a === a && (total += weight[m]! * groupWeight[group[m]!]!));
    if (total > 0) actions.forEach((a, m) => a === a && (shares[m] = (weight[m]! * groupWeight[group[m]!]!) / total));
    return shares;
  }
  let withData = 0;
  groupSumW.forEach((w, g) => w > 0 && (withData += groupWeight[g]!));
  actions.forEach((a, m) => {
    const g = group[m]!;
    if (a === a && groupSumW[g]! > 0) shares[m] = (groupWeight[g]! / withData) * (weight[m]! / groupSumW[g]!);
  });
  return shares;
}

/** The value as scored (date metrics as days since); what was given when it could not be used. */
function rawValue(metric: CompiledMetric, x: number, missing: number, input: MetricValue | undefined): MeasureExplanation['raw'] {
  if (missing === MISSING_NONE) {
    if (metric.kind === 'boolean') return x === 1;
    if (metric.kind === 'category') return typeof input?.value === 'string' ? input.value.trim() : null;
    return x;
  }
  const given = input !== null && typeof input === 'object' ? input.value : null;
  return typeof given === 'number' ? (Number.isFinite(given) ? given : null) : (given ?? null);
}

/** A value as a page shows it (numbers rounded to hundredths, date metrics as days). */
export function shownValue(metric: CompiledMetric, value: number | string | boolean | null): ShownValue {
  if (value === null) return { kind: 'none' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value !== 'number') return { kind: 'text', value: String(value) };
  const rounded = Number.isFinite(value * 100) ? Math.round(value * 100) / 100 : value; // huge values stay as they are
  return metric.def.kind === 'date' ? { kind: 'days', value: rounded } : { kind: 'number', value: rounded, unit: metric.def.unit ?? '' };
}

/** A shown value in English (the CLI's words). */
export function englishValue(v: ShownValue): string {
  switch (v.kind) {
    case 'none':
      return 'no data';
    case 'boolean':
      return String(v.value);
    case 'text':
      return v.value;
    case 'days':
      return `${v.value} days`;
    case 'number':
      return v.unit === '' ? String(v.value) : v.unit === '%' ? `${v.value}%` : `${v.value} ${v.unit.trim()}`;
  }
}

export function formatValue(metric: CompiledMetric, value: number | string | boolean | null): string {
  return englishValue(shownValue(metric, value));
}

export function drivers(compiled: CompiledConfig, card: CompiledScorecard, measures: MeasureExplanation[]): { up: Driver[]; down: Driver[] } {
  const all = measures.flatMap((e, m): Driver[] => {
    if (e.actionValue === null) return [];
    const impact = card.additive ? e.contribution : e.effectiveWeight * (e.actionValue - NEUTRAL_ACTION);
    if (Math.abs(impact) < 1e-9) return [];
    const metric = compiled.metrics[card.metricIndex[m]!]!;
    const points = Math.round(impact * 10) / 10;
    const shown: Driver['shown'] = e.missing ? { kind: 'missing', counted: e.actionValue } : shownValue(metric, e.raw);
    const value = shown.kind === 'missing' ? `no data (counted as ${shown.counted})` : englishValue(shown);
    return [{ key: e.key, label: e.label, impact, points, shown, text: `${e.label}: ${value} (${points > 0 ? '+' : ''}${points} points)` }];
  });
  return {
    up: all.filter((d) => d.impact > 0).sort((a, b) => b.impact - a.impact).slice(0, TOP_DRIVERS),
    down: all.filter((d) => d.impact < 0).sort((a, b) => a.impact - b.impact).slice(0, TOP_DRIVERS),
  };
}
