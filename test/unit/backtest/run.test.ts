import { describe, expect, it } from 'vitest';
import { CHURNED, NO_OUTCOME, RETAINED } from '../../../lib/data/backtest/dataset';
import { type BacktestStage, optionProblems, runBacktest } from '../../../lib/data/backtest/run';
import { syntheticDataset } from '../../fixtures/backtest/synthetic';

const fast = { bootstrapReplicates: 200 };

function dataset(accounts: number, seed = 2) {
  return syntheticDataset({ accounts, effects: [1, -0.9, 0], weights: [2, 1, 1], baseLogit: -1, missingShare: 0, seed });
}

describe('runBacktest', () => {
  it('warns with exact counts when there are too few outcomes', () => {
    const data = dataset(40);
    const churned = data.outcome.filter((o) => o === CHURNED).length;
    const retained = data.outcome.filter((o) => o === RETAINED).length;
    expect(churned).toBeLessThan(20);
    const report = runBacktest(data, fast);
    expect(report.warnings).toContain(
      `Too few outcomes to say anything reliable: ${churned} churned and ${retained} retained scored accounts have ` +
        'an outcome; at least 20 of each are needed.',
    );
    expect(runBacktest(dataset(2000), fast).warnings.join('\n')).not.toMatch(/Too few outcomes/);
  });

  it('cautions against the draft with too few outcomes, or when it gains nothing on held-out folds', () => {
    const few = runBacktest(dataset(60), fast);
    expect(few.suggestion).not.toBeNull();
    expect(few.cautions[0]).toBe(
      `Too few outcomes (${few.population.churned} churned, ${few.population.retained} retained; at least 20 of each are needed): ` +
        'these weights may fit chance rather than what drives churn.',
    );
    // Weights already in proportion to the planted effects: nothing left to gain.
    const right = syntheticDataset({ accounts: 4000, effects: [1, 0.5], weights: [2, 1], baseLogit: -1, missingShare: 0, seed: 3 });
    const report = runBacktest(right, fast);
    const { current, suggested } = report.suggestion!;
    expect(suggested.mean! - current.mean!).toBeLessThan(0.01);
    expect(report.cautions).toEqual([
      `On held-out accounts the suggested weights rank churners no better than the current ones (cross-validated AUC ${current.mean!.toFixed(2)} → ` +
        `${suggested.mean!.toFixed(2)}): the data gives no reason to change them.`,
    ]);
    expect(runBacktest(dataset(3000), fast).cautions).toEqual([]);
  });

  it('counts and leaves out accounts with insufficient data or no outcome', () => {
    const data = dataset(500);
    data.scores[0] = NaN;
    data.scores[1] = NaN;
    data.outcome[2] = NO_OUTCOME;
    const report = runBacktest(data, fast);
    expect(report.population).toMatchObject({ accounts: 500, insufficient: 2, withoutOutcome: 1 });
    expect(report.population.churned + report.population.retained).toBe(497);
    expect(report.auc).toMatchObject({ defined: true, churned: report.population.churned, retained: report.population.retained });
    expect(report.warnings).toContain('2 accounts had insufficient data for a score and were left out.');
    expect(report.warnings).toContain('1 scored accounts have no outcome (churned or not) and were left out.');
  });

  it('says per measure whether the data agrees with its configured direction', () => {
    const report = runBacktest(dataset(3000), fast);
    expect(report.measures.map((m) => m.verdict)).toEqual(['as-configured', 'opposite', 'no-signal']);
    expect(report.measures[1]!.text).toMatch(/^Measure B: configured higher-is-better but the data says the opposite \(AUC 0\.\d\d\)$/);
    expect(report.suggestion?.measures[1]?.suggestedWeight).toBe(0);
  });

  it('gives an undefined AUC and no suggestion, with reasons, when nobody churned', () => {
    const data = dataset(100);
    data.outcome.fill(RETAINED);
    const report = runBacktest(data, fast);
    expect(report.auc.defined).toBe(false);
    expect(report.interval).toBeNull();
    expect(report.suggestion).toBeNull();
    expect(report.warnings.some((w) => w.startsWith('No weight suggestion: 5-fold cross-validation needs'))).toBe(true);
  });

  it('reports progress for every stage and is reproducible', () => {
    const stages = new Set<BacktestStage>();
    const data = dataset(500);
    const report = runBacktest(data, { ...fast, onProgress: (stage) => stages.add(stage) });
    expect([...stages]).toEqual(['auc', 'bootstrap', 'measures', 'leading', 'fit']);
    expect(runBacktest(data, fast)).toEqual(report);
  });

  it('rejects a dataset whose columns disagree in length', () => {
    const data = dataset(10);
    data.outcome = new Uint8Array(9);
    expect(() => runBacktest(data, fast)).toThrow('outcome has 9 rows, expected 10 (one per account)');
  });

  it('names options that cannot work', () => {
    expect(optionProblems({ folds: 1, confidenceLevel: 95, leadDays: -3, referenceDate: 'yesterday' })).toEqual([
      'folds must be a whole number from 2 to 50, got 1',
      'confidenceLevel must be between 0 and 1, got 95',
      'leadDays must be a whole number of days, got -3',
      'referenceDate must be a date (YYYY-MM-DD), got "yesterday"',
    ]);
    expect(optionProblems(fast)).toEqual([]);
    expect(() => runBacktest(dataset(10), { bootstrapReplicates: 0 })).toThrow(
      'Backtest cannot run: bootstrapReplicates must be a whole number from 1 to 100000, got 0',
    );
  });
});
