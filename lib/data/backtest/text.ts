// The report as plain text for the terminal: every figure with what it is about, tables aligned.
import type { BacktestReport } from './run';

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);
const decimal = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);

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
    );
  }
  lines.push('', `Measures of scorecard "${report.scorecard.label}" on their own (AUC 0.5 = no signal)`);
  const mark = { 'as-configured': '✓', opposite: '✗', 'no-signal': '·', undefined: '?' } as const;
  lines.push(...report.measures.map((m) => `  ${mark[m.verdict]} ${m.text}`));
  if (suggestion) {
    lines.push(
      '',
      `Suggested weights (L2 logistic regression, ${suggestion.folds}-fold cross-validation, seed ${suggestion.seed})`,
      `  Cross-validated AUC (mean over the same held-out folds): current ${decimal(suggestion.current.mean)} → ` +
        `suggested ${decimal(suggestion.suggested.mean)}`,
    );
    if (suggestion.groups.length) {
      const groups = suggestion.groups.map((g) => [g.label, String(g.weight), String(g.suggestedWeight)]);
      lines.push(...indent(table(['Group', 'Current', 'Suggested'], groups)));
    }
    const measures = suggestion.measures.map((m) => [m.label, String(m.weight), String(m.suggestedWeight), percent(m.share)]);
    lines.push(...indent(table(['Measure', 'Current', 'Suggested', 'Share'], measures)));
    const notes = [...suggestion.measures.flatMap((m) => (m.note ? [m.note] : [])), ...suggestion.notes];
    lines.push(...notes.map((note) => `  - ${note}`));
  }
  if (report.warnings.length) lines.push('', 'Warnings', ...report.warnings.map((w) => `  ! ${w}`));
  return lines.join('\n');
}
