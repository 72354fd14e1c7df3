// Public API of the backtest: does the score predict churn, and which weights would predict it better?
// Pure TypeScript (no browser API, no Dexie): runs in Node (CLI) and in a Web Worker (options page).
export { backtestConfig, prepareDataset, latestAsOf, type ConfigBacktest, type ConfigBacktestInput, type Outcome, type OutcomeAccount } from './engine';
export { runBacktest, optionProblems, DEFAULT_OPTIONS, type BacktestOptions, type BacktestReport, type BacktestStage, type Population } from './run';
export { type BacktestDataset, CHURNED, RETAINED, NO_OUTCOME } from './dataset';
export { healthAuc, type AucResult } from './auc';
export type { ConfidenceInterval } from './bootstrap';
export type { TierChurn } from './tiers';
export type { DecileLift } from './lift';
export type { LeadingResult, ScorePoint } from './leading';
export type { MeasureCheck, Verdict } from './measures';
export type { WeightSuggestion, MeasureSuggestion, GroupSuggestion, CrossValidatedAuc } from './suggest';
export type { ConfigWeights, WeightPlan } from './plan';
export { formatReport } from './text';
export { readHistory, type HistoryResult } from './history';
