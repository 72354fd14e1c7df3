// The backtest of a scoring config on accounts with outcomes: scores them with the real engine (bulk path),
// builds the columnar dataset, runs the statistics, and turns the weight suggestion into a draft config.
// Plain data in, plain data out: the options page runs it in a Web Worker, the CLI in Node.
import { type MetricColumns, type ScoringConfig, compileConfig, readColumns, scoreColumns, validateConfig } from '../../scoring';
import { actionValue } from '../../scoring/kernel';
import type { AttributeValue, MetricValues } from '../../scoring/types';
import { candidateConfig, currentWeights, groupOf, weightsFromShares, withWeights } from './candidate';
import { type BacktestDataset, CHURNED, NO_OUTCOME, RETAINED } from './dataset';
import { DAY_MS, cachedDayNumber, dayNumber } from '../../dates';
import type { Direction } from './measures';
import type { WeightPlan } from './plan';
import { type BacktestOptions, type BacktestReport, optionProblems, runBacktest } from './run';

export interface Outcome {
  churned: boolean;
  churnedAt?: string;
  expanded?: boolean;
}

/** What an import yields per account (extra fields such as domains are ignored). */
export interface OutcomeAccount {
  id: string;
  name?: string;
  attributes?: Record<string, AttributeValue>;
  metrics: MetricValues;
  outcome?: Outcome;
}

export interface ConfigBacktestInput {
  /** A config that passed validateConfig. */
  config: ScoringConfig;
  accounts: readonly OutcomeAccount[];
  /**
   * Metrics older than their metric's maxAgeDays before this moment count as missing. Default: the end of the
   * newest `asOf` day in the accounts (the export's own date), so a backtest of a file gives the same report
   * whenever it runs.
   */
  now?: Date;
  /** Key of the scorecard whose measures are checked and re-weighted; default: the one most outcomes fall in. */
  scorecard?: string;
}

export type ConfigBacktest =
  | {
      ok: true;
      report: BacktestReport;
      /** The config with the suggested weights (a deep copy; nothing is applied), or null without a suggestion. */
      candidate: ScoringConfig | null;
    }
  | { ok: false; error: string };

export function backtestConfig(input: ConfigBacktestInput, options: Partial<BacktestOptions> = {}): ConfigBacktest {
  const problems = optionProblems(options);
  if (problems.length) return { ok: false, error: problems.join('; ') };
  const prepared = prepareDataset(input);
  if (!prepared.ok) return prepared;
  options.onProgress?.('score', 1);
  const { dataset, cardIndex, plan } = prepared;
  const report = runBacktest(dataset, { ...options, plan });
  const suggestion = report.suggestion;
  if (!suggestion) return { ok: true, report, candidate: null };
  const candidate = candidateConfig(input.config, cardIndex, suggestion.weights);
  const check = validateConfig(candidate);
  if (!check.ok) {
    const issues = check.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    report.warnings.push(`The draft config with the suggested weights does not validate (${issues}); no draft is offered.`);
    return { ok: true, report, candidate: null };
  }
  return { ok: true, report, candidate };
}

type Prepared = { ok: true; dataset: BacktestDataset; cardIndex: number; plan: WeightPlan } | { ok: false; error: string };

export function prepareDataset({ config, accounts, now = latestAsOf(accounts), scorecard }: ConfigBacktestInput): Prepared {
  const compiled = compileConfig(config);
  const entries = accounts.map((a) => ({ account: { id: a.id, name: a.name ?? a.id, attributes: a.attributes ?? {} }, metrics: a.metrics }));
  const columns = readColumns(compiled, entries, now);
  const bulk = scoreColumns(compiled, columns, now);
  const outcome = Uint8Array.from(accounts, (a) => (a.outcome ? (a.outcome.churned ? CHURNED : RETAINED) : NO_OUTCOME));

  const cardIndex = scorecard === undefined ? busiestScorecard(bulk.scorecard, bulk.score, outcome, config) : config.scorecards.findIndex((c) => c.key === scorecard);
  if (cardIndex < 0) {
    const known = config.scorecards.map((c) => `"${c.key}"`).join(', ');
    return { ok: false, error: `scorecard "${scorecard}" is not in the config (it has ${known})` };
  }
  const card = compiled.scorecards[cardIndex]!;
  const width = card.measures.length;
  const metricWidth = compiled.metrics.length;
  const actionValues = new Float64Array(accounts.length * width).fill(NaN);
  const inScorecard = new Uint8Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    if (bulk.scorecard[i] !== cardIndex) continue;
    inScorecard[i] = 1;
    for (let m = 0; m < width; m++) {
      actionValues[i * width + m] = actionValue(card, m, columns.values[i * metricWidth + card.metricIndex[m]!]!);
    }
  }

  const dataset: BacktestDataset = {
    accountIds: accounts.map((a) => a.id),
    scores: bulk.score,
    tiers: compiled.tiers.map(({ key, label }) => ({ key, label })),
    tierIndex: Int16Array.from(bulk.tier),
    outcome,
    churnDay: Float64Array.from(accounts, (a) => (a.outcome?.churned && a.outcome.churnedAt ? dayNumber(a.outcome.churnedAt) : NaN)),
    scorecard: { key: card.def.key, label: card.def.label },
    measures: card.measures.map((measure, m) => {
      const metric = compiled.metrics[card.metricIndex[m]!]!.def;
      const direction: Direction = metric.kind === 'number' || metric.kind === 'date' ? metric.direction : null;
      return { key: measure.key ?? measure.metric, label: measure.label ?? metric.label, direction, weight: measure.weight };
    }),
    actionValues,
    inScorecard,
  };
  return { ok: true, dataset, cardIndex, plan: enginePlan(config, cardIndex, columns, bulk.score, now) };
}

/** The last moment of the newest day any metric value describes; today when no value has a valid day. */
export function latestAsOf(accounts: readonly OutcomeAccount[]): Date {
  const dayOf = cachedDayNumber();
  let latest = -Infinity;
  for (const account of accounts) {
    for (const value of Object.values(account.metrics ?? {})) {
      const day = typeof value?.asOf === 'string' ? dayOf(value.asOf) : NaN;
      if (day > latest) latest = day;
    }
  }
  return Number.isFinite(latest) ? new Date((latest + 1) * DAY_MS - 1) : new Date();
}

/** The scorecard with the most scored accounts that have an outcome (ties: the first). */
function busiestScorecard(scorecardOf: Uint8Array, scores: Float64Array, outcome: Uint8Array, config: ScoringConfig): number {
  const counts = new Uint32Array(config.scorecards.length);
  for (let i = 0; i < scorecardOf.length; i++) if (outcome[i] !== NO_OUTCOME && !Number.isNaN(scores[i]!)) counts[scorecardOf[i]!]!++;
  return counts.indexOf(Math.max(...counts));
}

/**
 * Weights go into a copy of the config and held-out accounts are scored by the engine itself; under the current
 * weights those are the scores the dataset already holds.
 */
function enginePlan(config: ScoringConfig, cardIndex: number, columns: MetricColumns, scores: Float64Array, now: Date): WeightPlan {
  const card = config.scorecards[cardIndex]!;
  const current = currentWeights(card);
  return {
    groups: (card.groups ?? []).map(({ key, label }) => ({ key, label })),
    measureGroup: groupOf(card),
    current,
    fromShares: (shares) => weightsFromShares(card, shares),
    score: (weights, rows) =>
      weights === current
        ? Float64Array.from(rows, (row) => scores[row]!)
        : scoreColumns(compileConfig(withWeights(config, cardIndex, weights)), subset(columns, config.metrics.length, rows), now).score,
  };
}

function subset(columns: MetricColumns, width: number, rows: Uint32Array): MetricColumns {
  const values = new Float64Array(rows.length * width);
  rows.forEach((row, r) => values.set(columns.values.subarray(row * width, (row + 1) * width), r * width));
  return { count: rows.length, values, attributes: Array.from(rows, (row) => columns.attributes[row]!) };
}
