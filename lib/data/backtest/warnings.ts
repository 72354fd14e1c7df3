// What a CS lead must know before trusting the figures, each as one specific sentence.
import type { BacktestOptions, BacktestReport } from './run';

type Findings = Omit<BacktestReport, 'warnings'>;

export function warningsFor(report: Findings, settings: BacktestOptions): string[] {
  const { population, leading, suggestion } = report;
  const { minPerClass } = settings;
  const warnings: string[] = [];
  if (population.churned < minPerClass || population.retained < minPerClass) {
    warnings.push(
      `Too few outcomes to say anything reliable: ${population.churned} churned and ${population.retained} retained ` +
        `scored accounts have an outcome; at least ${minPerClass} of each are needed.`,
    );
  }
  if (population.insufficient > 0) {
    warnings.push(`${population.insufficient} accounts had insufficient data for a score and were left out.`);
  }
  if (population.withoutOutcome > 0) {
    warnings.push(`${population.withoutOutcome} scored accounts have no outcome (churned or not) and were left out.`);
  }
  if (report.noSuggestion) warnings.push(report.noSuggestion);
  if (suggestion && !suggestion.converged) {
    warnings.push('The weight fit did not fully converge; treat the suggested weights as rough.');
  }
  if (leading) {
    const lead = `a score from at least ${leading.leadDays} days before churn (or before ${leading.referenceDate})`;
    if (leading.churnedWithPoint < minPerClass || leading.retainedWithPoint < minPerClass) {
      warnings.push(
        `Leading-indicator check: only ${leading.churnedWithPoint} churned and ${leading.retainedWithPoint} retained ` +
          `accounts have ${lead}; at least ${minPerClass} of each are needed.`,
      );
    }
    if (leading.churnedWithoutDate > 0) {
      warnings.push(`${leading.churnedWithoutDate} churned accounts have no churn date and were left out of the leading-indicator check.`);
    }
    if (leading.ignoredPoints > 0) {
      warnings.push(`${leading.ignoredPoints} history points name an unknown account or have no valid day and were ignored.`);
    }
  }
  return warnings;
}
