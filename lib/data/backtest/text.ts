// The report as plain text for the terminal: every figure with what it is about, tables aligned.
import { decimal, penalty, percent, weightColumns } from './format';
import type { BacktestReport } from './run';
import type { WeightSuggestion } from './suggest';

/** Left-aligned first column, right-aligned others. */
function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  return all.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd(),
  );
}

const indent = (lines: string[]) => lines.map((line) => `  ${line}`);

export function formatReport(report: BacktestReport, title: string): string {
  const { population: p, auc, interval, lift, leading, suggestion } = report;
  const lines = [
    title,
    `Accounts: ${p.accounts} · with an outcome: ${p.churned} churned, ${p.retained} retained · left out: ` +
      `${p.insufficient} with insufficient data, ${p.withoutOutcome} without an outcome`,
    '',
    'Score vs churn',
    auc.defined
      ? `  AUC ${decimal(auc.auc)}` +
        (interval
          ? ` (${Math.round(interval.level * 100)}% CI ${decimal(interval.low)}–${decimal(interval.high)}, ` +
            `${interval.replicates} bootstrap replicates, seed ${interval.seed})`
          : '')
      : `  ${auc.reason}`,
  ];
  if (lift) {
    lines.push(
      `  Riskiest decile (${lift.accounts} lowest scores, up to ${lift.cutoffScore}): churn ${percent(lift.churnRate)} ` +
        `vs ${percent(lift.overallChurnRate)} overall, lift ${lift.lift === null ? '–' : `${decimal(lift.lift)}×`}`,
    );
  }
  lines.push('', 'Churn by tier');
  lines.push(
    ...indent(
      table(
        ['Tier', 'Accounts', 'Churned', 'Churn rate'],
        report.tiers.map((t) => [t.label, String(t.accounts), String(t.churned), percent(t.churnRate)]),
      ),
    ),
  );
  if (leading) {
    lines.push(
      '',
      `Leading indicator: the score ${leading.leadDays} days before churn (retained: before ${leading.referenceDate})`,
      `  ${leading.auc.defined ? `AUC ${decimal(leading.auc.auc)}` : leading.auc.reason} · ${leading.churnedWithPoint} churned ` +
        `and ${leading.retainedWithPoint} retained accounts had a score that old`,
      '  Scores as the history recorded them, from the configs active then: not re-scored with this config.',
    );
  }
  lines.push('', `Measures of scorecard "${report.scorecard.label}" on their own (AUC 0.5 = no signal)`);
  const mark = { 'as-configured': '✓', opposite: '✗', 'no-signal': '·', undefined: '?' } as const;
  lines.push(...report.measures.map((m) => `  ${mark[m.verdict]} ${m.text}`));
  if (suggestion) {
    lines.push('', ...suggestionLines(suggestion));
    lines.push(...report.cautions.map((caution) => `  Caution: ${caution}`));
  }
  if (report.warnings.length) lines.push('', 'Warnings', ...report.warnings.map((w) => `  ! ${w}`));
  return lines.join('\n');
}

/** The fitting method in one line, then the cross-validated AUCs, the weight tables and the notes. */
export function suggestionLines(suggestion: WeightSuggestion): string[] {
  const { folds, compared, l2Grid } = suggestion;
  const over = compared === folds ? `the same ${folds} held-out folds` : `the ${compared} of ${folds} held-out folds where both could be judged`;
  const lines = [
    `Suggested weights (L2 logistic regression, λ ${penalty(suggestion.l2)} chosen by inner cross-validation from ` +
      `${l2Grid.map(penalty).join(', ')}; ${folds}-fold cross-validation, seed ${suggestion.seed})`,
    `  Cross-validated AUC (mean over ${over}): current ${decimal(suggestion.current.mean)} → suggested ${decimal(suggestion.suggested.mean)}`,
  ];
  const weightTable = (rows: readonly { label: string; weight: number; suggestedWeight: number; share: number }[], header: string) => {
    const { current, suggested } = weightColumns(rows);
    return indent(table([header, 'Current', 'Suggested', 'Share'], rows.map((row, i) => [row.label, current[i]!, suggested[i]!, percent(row.share)])));
  };
  if (suggestion.groups.length) lines.push(...weightTable(suggestion.groups, 'Group'));
  lines.push(...weightTable(suggestion.measures, 'Measure'));
  const notes = [...suggestion.measures.flatMap((m) => (m.note ? [m.note] : [])), ...suggestion.notes];
  return [...lines, ...notes.map((note) => `  - ${note}`)];
}
