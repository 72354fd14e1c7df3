// Checks that relate parts of a structurally valid config: metric kinds that fit the scoring function or rule,
// one default scorecard, groups, weights that leave something to average. Duplicate and unknown keys are
// checked on the raw input by ./references.ts.
import { SCALE_MAX, type Condition, type Measure, type MetricDef, type Scorecard, type ScoringConfig } from './schema';
import type { ConfigIssue } from './types';

type Report = (path: string, message: string) => void;

export function semanticIssues(config: ScoringConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const metrics = new Map(config.metrics.map((m) => [m.key, m]));

  config.metrics.forEach((m, i) => checkMetric(m, `metrics[${i}]`, report));
  checkDefaultScorecard(config.scorecards, report);
  config.scorecards.forEach((card, i) => checkScorecard(card, `scorecards[${i}]`, metrics, report));
  config.flags.forEach((flag, i) =>
    flag.when.forEach((c, j) => checkCondition(c, `flags[${i}].when[${j}]`, metrics, report)),
  );
  return issues;
}

function checkMetric(metric: MetricDef, path: string, report: Report): void {
  if (metric.categories && metric.kind !== 'category') report(`${path}.categories`, 'applies only to metrics of kind "category"');
  const seen = new Set<string>();
  metric.categories?.forEach((c, i) => {
    const norm = c.toLowerCase();
    if (seen.has(norm)) report(`${path}.categories[${i}]`, `duplicate category "${c}" (categories ignore case)`);
    seen.add(norm);
  });
}

function checkDefaultScorecard(cards: readonly Scorecard[], report: Report): void {
  const defaults = cards.flatMap((c, i) => (c.when ? [] : [i]));
  if (defaults.length === 0)
    report('scorecards', 'needs one default scorecard without "when" (it scores every account no segment rule matches)');
  for (const i of defaults.slice(1))
    report(`scorecards[${i}].when`, `is missing: only one scorecard may be the default (scorecards[${defaults[0]}] already is)`);
}

function checkScorecard(card: Scorecard, path: string, metrics: Map<string, MetricDef>, report: Report): void {
  card.when?.forEach((c, j) => {
    if (c.attribute === undefined) report(`${path}.when[${j}]`, 'segment rules may only test account attributes');
  });
  if (card.baseline !== undefined && card.formula !== 'additive')
    report(`${path}.baseline`, 'applies only to the "additive" formula');
  card.measures.forEach((m, i) => checkMeasure(m, `${path}.measures[${i}]`, card, metrics, report));
  checkWeights(card, path, report);
}

const KINDS_FOR_TYPE: Record<Measure['type'], readonly MetricDef['kind'][]> = {
  bands: ['number', 'date'],
  linear: ['number', 'date'],
  points: ['number', 'date'],
  boolean: ['boolean'],
  category: ['category'],
};

function checkMeasure(m: Measure, path: string, card: Scorecard, metrics: Map<string, MetricDef>, report: Report): void {
  const metric = metrics.get(m.metric);
  if (metric && !KINDS_FOR_TYPE[m.type].includes(metric.kind))
    report(`${path}.type`, `"${m.type}" cannot score metric "${m.metric}" of kind "${metric.kind}" (it needs ${KINDS_FOR_TYPE[m.type].join(' or ')})`);

  if (card.groups && m.group === undefined) report(`${path}.group`, 'is required because this scorecard has groups');
  if (!card.groups && m.group !== undefined) report(`${path}.group`, 'is set but this scorecard defines no groups');
  if (card.groups && m.group !== undefined && !card.groups.some((g) => g.key === m.group))
    report(`${path}.group`, `unknown group "${m.group}"; groups here: ${card.groups.map((g) => g.key).join(', ')}`);

  if (m.type === 'category' && metric?.kind === 'category') checkCategoryMap(m.map, metric, `${path}.map`, report);
  if (card.formula === 'weighted') checkActionRange(m, path, report);
}

function checkCategoryMap(map: Record<string, number>, metric: MetricDef, path: string, report: Report): void {
  const known = metric.categories?.map((c) => c.toLowerCase());
  const seen = new Set<string>();
  for (const category of Object.keys(map)) {
    const norm = category.trim().toLowerCase();
    if (seen.has(norm)) report(`${path}.${category}`, `duplicate category "${category}" (categories ignore case)`);
    seen.add(norm);
    if (known && !known.includes(norm))
      report(`${path}.${category}`, `"${category}" is not a category of metric "${metric.key}" (${metric.categories?.join(', ')})`);
  }
}

/** In the weighted formula every action value lives on the 0–100 scale. */
function checkActionRange(m: Measure, path: string, report: Report): void {
  const values: [string, number][] =
    m.type === 'bands' ? m.bands.map((b, i) => [`bands[${i}].value`, b.value])
    : m.type === 'boolean' ? [['ifTrue', m.ifTrue], ['ifFalse', m.ifFalse]]
    : m.type === 'category' ? [...Object.entries(m.map).map(([k, v]): [string, number] => [`map.${k}`, v]), ...(m.otherwise === undefined ? [] : [['otherwise', m.otherwise] as [string, number]])]
    : [];
  for (const [field, value] of values)
    if (value < 0 || value > SCALE_MAX) report(`${path}.${field}`, `must be within 0–${SCALE_MAX} in a weighted scorecard, got ${value}`);
}

function checkWeights(card: Scorecard, path: string, report: Report): void {
  if (card.formula !== 'weighted') return;
  if (card.groups) {
    card.groups.forEach((g, i) => {
      const members = card.measures.filter((m) => m.group === g.key);
      if (members.length === 0) report(`${path}.groups[${i}]`, `group "${g.key}" has no measures`);
      else if (members.every((m) => m.weight === 0)) report(`${path}.groups[${i}]`, `total weight is 0: every measure of group "${g.key}" has weight 0`);
    });
  } else if (card.measures.every((m) => m.weight === 0)) {
    report(`${path}.measures`, 'total weight is 0: at least one measure needs a weight above 0');
  }
}

function checkCondition(c: Condition, path: string, metrics: Map<string, MetricDef>, report: Report): void {
  if (c.metric === undefined) return;
  const metric = metrics.get(c.metric);
  if (!metric) return;
  const numeric = metric.kind === 'number' || metric.kind === 'date';
  const values = c.equals !== undefined ? [c.equals] : (c.in ?? []);
  if (c.range && !numeric) report(`${path}.range`, `metric "${metric.key}" is a ${metric.kind}; "range" needs a number or date metric`);
  if (metric.kind === 'boolean' && c.in) report(`${path}.in`, `metric "${metric.key}" is a boolean; use "equals": true or false`);
  for (const v of values) {
    const fits = numeric ? typeof v === 'number' : metric.kind === 'boolean' ? typeof v === 'boolean' : typeof v === 'string';
    if (!fits) report(`${path}.${c.equals !== undefined ? 'equals' : 'in'}`, `${JSON.stringify(v)} cannot match metric "${metric.key}" of kind "${metric.kind}"`);
    else if (metric.kind === 'category' && metric.categories && !metric.categories.some((k) => k.toLowerCase() === String(v).trim().toLowerCase()))
      report(`${path}.${c.equals !== undefined ? 'equals' : 'in'}`, `"${String(v)}" is not a category of metric "${metric.key}" (${metric.categories.join(', ')})`);
  }
}
