// Outcomes files: which accounts churned, when, and which expanded, merged into the stored accounts (or, in the
// CLI, into an accounts file) for the backtest, without touching metrics or anything else.
export { readOutcomeFile, detectColumns, columnProblems, type OutcomeColumns, type OutcomeMatch, type OutcomeReadSettings, type OutcomeFile, type OutcomeRecord } from './read';
export { matchOutcomes, accountResolver, type OutcomesReport, type OutcomesResult, type MatchedOutcome } from './match';
