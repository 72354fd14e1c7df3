// The whole backtest on one dataset: plain data in, plain data out, progress reported by stage, so the options
// page can run it in a Web Worker and the CLI in Node.
import { type AucResult, aucOfSorted, sortClasses } from './auc';
import { type ConfidenceInterval, bootstrapAucInterval } from './bootstrap';
import { draftCautions } from './caution';
import { type BacktestDataset, CHURNED, NO_OUTCOME, RETAINED, datasetProblems } from './dataset';
import { dayNumber } from '../../dates';
import { type LeadingResult, type ScorePoint, leadingAuc } from './leading';
import { type DecileLift, riskiestDecileLift } from './lift';
import { type MeasureCheck, checkMeasure, column } from './measures';
import { DEFAULT_L2_GRID } from './penalty';
import { type WeightPlan, flatPlan } from './plan';
import { type WeightSuggestion, suggestWeights } from './suggest';
import { type TierChurn, churnByTier } from './tiers';
import { warningsFor } from './warnings';

export type BacktestStage = 'score' | 'auc' | 'bootstrap' | 'measures' | 'leading' | 'fit';

export interface BacktestOptions {
  /** Seed of every random choice (bootstrap, folds): the same seed gives the same report. */
  seed: number;
  bootstrapReplicates: number;
  confidenceLevel: number;
  folds: number;
  /** L2 penalties the weight fit chooses from by inner cross-validation in each training fold; one value fixes it. */
  l2Grid: readonly number[];
  /** Fewer churned or fewer retained accounts than this and the figures get a warning. */
  minPerClass: number;
  /** Score history for the leading-indicator check; none → the check is skipped. */
  history?: readonly ScorePoint[];
  leadDays: number;
  /** YYYY-MM-DD; retained accounts are judged at this date minus the lead. Default: latest history day. */
  referenceDate?: string;
  /** How suggested shares become config weights and how weights score accounts; default: a flat weighted average. */
  plan?: WeightPlan;
  onProgress?: (stage: BacktestStage, done: number) => void;
}

export const DEFAULT_OPTIONS: BacktestOptions = {
  seed: 1,
  bootstrapReplicates: 1000,
  confidenceLevel: 0.95,
  folds: 5,
  l2Grid: DEFAULT_L2_GRID,
  minPerClass: 20,
  leadDays: 30,
};

export interface Population {
  accounts: number;
  /** Scored, with an outcome: the accounts every figure except the leading check is about. */
  churned: number;
  retained: number;
  /** Accounts with insufficient data: counted and left out. */
  insufficient: number;
  /** Scored accounts without an outcome: left out. */
  withoutOutcome: number;
}

export interface BacktestReport {
  population: Population;
  auc: AucResult;
  interval: ConfidenceInterval | null;
  tiers: TierChurn[];
  lift: DecileLift | null;
  scorecard: { key: string; label: string };
  measures: MeasureCheck[];
  leading: LeadingResult | null;
  suggestion: WeightSuggestion | null;
  /** Why there is no suggestion, when there is none. */
  noSuggestion: string | null;
  /** Why the suggestion may not be worth a draft (too few outcomes, no cross-validated gain); empty when it is. */
  cautions: string[];
  warnings: string[];
}

/** Options that cannot work, as sentences; empty when all are usable. */
export function optionProblems(options: Partial<BacktestOptions>): string[] {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  return [
    whole(o.folds, 2, 50) ? '' : `folds must be a whole number from 2 to 50, got ${o.folds}`,
    whole(o.bootstrapReplicates, 1, 100_000) ? '' : `bootstrapReplicates must be a whole number from 1 to 100000, got ${o.bootstrapReplicates}`,
    o.confidenceLevel > 0 && o.confidenceLevel < 1 ? '' : `confidenceLevel must be between 0 and 1, got ${o.confidenceLevel}`,
    o.l2Grid.length > 0 && o.l2Grid.length <= 20 && o.l2Grid.every((l2) => l2 >= 0 && Number.isFinite(l2))
      ? ''
      : `l2Grid must list 1 to 20 penalties, each 0 or more, got [${o.l2Grid.join(', ')}]`,
    o.minPerClass >= 0 ? '' : `minPerClass must be 0 or more, got ${o.minPerClass}`,
    whole(o.leadDays, 0, 36_500) ? '' : `leadDays must be a whole number of days, got ${o.leadDays}`,
    o.referenceDate === undefined || !Number.isNaN(dayNumber(o.referenceDate)) ? '' : `referenceDate must be a date (YYYY-MM-DD), got "${o.referenceDate}"`,
  ].filter(Boolean);
}

/** Throws on a dataset or options that cannot work (a caller's mistake); see datasetProblems and optionProblems. */
export function runBacktest(data: BacktestDataset, options: Partial<BacktestOptions> = {}): BacktestReport {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const problems = [...datasetProblems(data), ...optionProblems(options)];
  if (problems.length) throw new Error(`Backtest cannot run: ${problems.join('; ')}`);
  const progress = settings.onProgress ?? (() => {});
  const { labels, population } = analysedPopulation(data);

  const classes = sortClasses(data.scores, labels);
  const auc = aucOfSorted(classes);
  progress('auc', 1);
  const interval = auc.defined
    ? bootstrapAucInterval(classes, {
        replicates: settings.bootstrapReplicates,
        level: settings.confidenceLevel,
        seed: settings.seed,
        onProgress: (done) => progress('bootstrap', done),
      })
    : null;

  const width = data.measures.length;
  const measures = data.measures.map((measure, j) => {
    progress('measures', j / width);
    return checkMeasure(measure, column(data.actionValues, width, j), labels);
  });
  progress('measures', 1);

  const leading = settings.history ? leadingCheck(data, settings.history, settings) : null;
  progress('leading', 1);

  const fitRows = rowsWhere(labels, (label, row) => label !== NO_OUTCOME && data.inScorecard[row] === 1);
  const { suggestion, noSuggestion } = suggest(data, labels, fitRows, settings);
  progress('fit', 1);

  const report = {
    population,
    auc,
    interval,
    tiers: churnByTier(data.tiers, data.tierIndex, labels),
    lift: riskiestDecileLift(classes),
    scorecard: data.scorecard,
    measures,
    leading,
    suggestion,
    noSuggestion,
    cautions: draftCautions(population, suggestion, settings.minPerClass),
  };
  return { ...report, warnings: warningsFor(report, settings) };
}

/** Outcome by row, with accounts that had insufficient data set to NO_OUTCOME so every figure leaves them out. */
function analysedPopulation(data: BacktestDataset): { labels: Uint8Array; population: Population } {
  const labels = new Uint8Array(data.outcome.length);
  const population: Population = { accounts: labels.length, churned: 0, retained: 0, insufficient: 0, withoutOutcome: 0 };
  for (let i = 0; i < labels.length; i++) {
    const scored = !Number.isNaN(data.scores[i]!);
    const outcome = data.outcome[i]!;
    labels[i] = scored ? outcome : NO_OUTCOME;
    if (!scored) population.insufficient++;
    else if (outcome === CHURNED) population.churned++;
    else if (outcome === RETAINED) population.retained++;
    else population.withoutOutcome++;
  }
  return { labels, population };
}

function leadingCheck(data: BacktestDataset, history: readonly ScorePoint[], settings: BacktestOptions): LeadingResult {
  const rowOf = new Map(data.accountIds.map((id, row) => [id, row]));
  return leadingAuc({ rowOf, churned: data.outcome, churnDay: data.churnDay }, history, settings.leadDays, settings.referenceDate);
}

function rowsWhere(labels: Uint8Array, keep: (label: number, row: number) => boolean): Uint32Array {
  const rows: number[] = [];
  for (let i = 0; i < labels.length; i++) if (keep(labels[i]!, i)) rows.push(i);
  return Uint32Array.from(rows);
}

function suggest(data: BacktestDataset, labels: Uint8Array, rows: Uint32Array, settings: BacktestOptions) {
  const { folds, seed, l2Grid } = settings;
  let churned = 0;
  for (const row of rows) churned += labels[row] === CHURNED ? 1 : 0;
  // Every fold needs at least one churned and one retained account.
  if (churned < folds || rows.length - churned < folds) {
    return {
      suggestion: null,
      noSuggestion:
        `No weight suggestion: ${folds}-fold cross-validation needs at least ${folds} churned and ${folds} retained ` +
        `accounts scored with scorecard "${data.scorecard.label}" (found ${churned} and ${rows.length - churned}).`,
    };
  }
  const features = { values: data.actionValues, rows: labels.length, width: data.measures.length };
  const plan = settings.plan ?? flatPlan(features, data.measures.map((measure) => measure.weight));
  const onProgress = (done: number) => settings.onProgress?.('fit', done);
  const suggestion = suggestWeights(features, labels, rows, data.measures, { folds, seed, l2Grid, plan, onProgress });
  return suggestion
    ? { suggestion, noSuggestion: null }
    : {
        suggestion: null,
        noSuggestion: 'No weight suggestion: no measure ranks churned accounts below retained ones in its configured direction.',
      };
}
