import { describe, expect, it } from 'vitest';
import { formatReport, runBacktest } from '../../../lib/data/backtest';
import { suggestionLines } from '../../../lib/data/backtest/text';
import { syntheticDataset } from '../../fixtures/backtest/synthetic';

const data = syntheticDataset({ accounts: 2000, effects: [1, -0.9, 0], weights: [2, 1, 1], baseLogit: -1, missingShare: 0, seed: 2 });
data.scores[0] = NaN;
const report = runBacktest(data, { bootstrapReplicates: 200 });
const text = formatReport(report, 'Backtest of "Synthetic" 1');
const lines = text.split('\n');

describe('formatReport', () => {
  it('states the AUC with its interval and the decile lift', () => {
    if (!report.auc.defined || !report.interval || !report.lift) throw new Error('expected defined figures');
    const { auc, interval, lift } = report;
    expect(lines[0]).toBe('Backtest of "Synthetic" 1');
    expect(lines).toContain(
      `  AUC ${auc.auc.toFixed(2)} (95% CI ${interval.low.toFixed(2)}–${interval.high.toFixed(2)}, 200 bootstrap replicates, seed 1)`,
    );
    expect(text).toContain(`lift ${lift.lift!.toFixed(2)}×`);
    expect(text).toContain('left out: 1 with insufficient data, 0 without an outcome');
  });

  it('prints the tier table with aligned counts', () => {
    const header = lines.findIndex((line) => line.trim().startsWith('Tier'));
    expect(lines[header]).toMatch(/^ {2}Tier +Accounts +Churned +Churn rate$/);
    report.tiers.forEach((tier, t) => {
      expect(lines[header + 1 + t]).toMatch(new RegExp(`^  ${tier.label} +${tier.accounts} +${tier.churned} +\\d+\\.\\d%$`));
      expect(lines[header + 1 + t]!.length).toBe(lines[header]!.length);
    });
  });

  it('marks each measure verdict and shows suggested weights beside the current ones with both CV AUCs', () => {
    expect(lines).toContain(`  ✗ ${report.measures[1]!.text}`);
    expect(lines).toContain(`  ✓ ${report.measures[0]!.text}`);
    const s = report.suggestion!;
    expect(lines).toContain(
      `  Cross-validated AUC (mean over the same 5 held-out folds): current ${s.current.mean!.toFixed(2)} → suggested ${s.suggested.mean!.toFixed(2)}`,
    );
    expect(lines).toContain(
      `Suggested weights (L2 logistic regression, λ ${s.l2} chosen by inner cross-validation from 300, 30, 3, 0.3; 5-fold cross-validation, seed 1)`,
    );
    expect(lines.some((line) => /^ {2}Measure A +2 +\d+(\.\d+)? +\d+\.\d%$/.test(line))).toBe(true);
  });

  it('writes the weights of a table with the same decimal places, and says when fewer folds were compared', () => {
    const s = structuredClone(report.suggestion!);
    s.measures = s.measures.map((m, i) => ({ ...m, suggestedWeight: [2.5, 0.13, 1][i]! }));
    s.compared = 4;
    const table = suggestionLines(s);
    expect(table.filter((line) => line.startsWith('  Measure ')).slice(1)).toEqual(
      [/^ {2}Measure A +2\.00 +2\.50 +/, /^ {2}Measure B +1\.00 +0\.13 +/, /^ {2}Measure C +1\.00 +1\.00 +/].map((pattern) => expect.stringMatching(pattern)),
    );
    expect(table[1]).toMatch(/^ {2}Cross-validated AUC \(mean over the 4 of 5 held-out folds where both could be judged\)/);
  });

  it('ends with the warnings', () => {
    expect(lines.slice(-report.warnings.length)).toEqual(report.warnings.map((w) => `  ! ${w}`));
  });
});
