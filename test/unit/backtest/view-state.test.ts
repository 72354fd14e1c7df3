// The Backtest view's pure parts: one progress bar over the worker's stages, the run state driven by the
// worker's messages, the form's checks, and the bar and number helpers.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { BacktestReport } from '../../../lib/data/backtest';
import { STAGE_WEIGHTS, type WorkerMessage, overallProgress } from '../../../lib/data/backtest/worker-protocol';
import { type RunState, STARTED, nextState, readOptions } from '../../../components/options/backtest/backtest-state';
import { aucChange, churnAxis, decimal, overallChurnRate, percent, weightBarShares, weightColumn, weightColumns } from '../../../components/options/backtest/view-helpers';

describe('overallProgress', () => {
  test('starts at 0, ends at 1 when the fit is done', () => {
    expect(overallProgress('read', 0)).toBe(0);
    expect(overallProgress('fit', 1)).toBeCloseTo(1, 10);
  });

  test('never goes back while the stages run in order', () => {
    const steps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(steps, { minLength: STAGE_WEIGHTS.length, maxLength: STAGE_WEIGHTS.length }), (perStage) => {
        let last = 0;
        STAGE_WEIGHTS.forEach(([stage], s) => {
          for (const done of [...perStage[s]!].sort((a, b) => a - b)) {
            const now = overallProgress(stage, done);
            expect(now).toBeGreaterThanOrEqual(last - 1e-12);
            expect(now).toBeLessThanOrEqual(1 + 1e-12);
            last = now;
          }
        });
      }),
    );
  });
});

describe('nextState', () => {
  const report = { warnings: [] } as unknown as BacktestReport;
  const result: WorkerMessage = { kind: 'result', report, candidate: null, configName: 'Default 1', timings: { readMs: 5, runMs: 7 } };

  test('progress moves the bar while running', () => {
    const state = nextState(STARTED, { kind: 'progress', stage: 'fit', done: 0.5 });
    expect(state).toEqual({ state: 'running', stage: 'fit', progress: overallProgress('fit', 0.5) });
  });

  test('the result and errors end the run', () => {
    expect(nextState(STARTED, result)).toEqual({ state: 'done', report, candidate: null, configName: 'Default 1', timings: { readMs: 5, runMs: 7 } });
    expect(nextState(STARTED, { kind: 'error', message: 'No outcomes' })).toEqual({ state: 'error', message: 'No outcomes' });
  });

  test('a late progress message after the result or a cancel changes nothing', () => {
    const late: WorkerMessage = { kind: 'progress', stage: 'fit', done: 1 };
    const done = nextState(STARTED, result);
    expect(nextState(done, late)).toBe(done);
    const cancelled: RunState = { state: 'cancelled' };
    expect(nextState(cancelled, late)).toBe(cancelled);
  });
});

describe('readOptions', () => {
  test('whole numbers in range become options', () => {
    expect(readOptions({ leadDays: ' 30 ', folds: '5', seed: '0' })).toEqual({ ok: true, options: { leadDays: 30, folds: 5, seed: 0 } });
  });

  test('each bad field gets its own message with the range', () => {
    const read = readOptions({ leadDays: '-1', folds: '2.5', seed: '' });
    expect(read).toEqual({
      ok: false,
      errors: {
        leadDays: 'Enter a whole number from 0 to 3650.',
        folds: 'Enter a whole number from 2 to 20.',
        seed: 'Enter a whole number from 0 to 2147483647.',
      },
    });
    expect(readOptions({ leadDays: '30', folds: '21', seed: 'abc' })).toMatchObject({ ok: false, errors: { folds: expect.any(String), seed: expect.any(String) } });
  });
});

describe('view helpers', () => {
  const tier = (churnRate: number | null) => ({ key: 'k', label: 'K', accounts: 10, churned: 0, churnRate });

  test('the tier chart axis tops at a round rate above the highest, with each bar a share of it', () => {
    expect(churnAxis([tier(0.5), tier(0.25), tier(null), tier(0)], 0.3)).toEqual({ top: 0.5, ticks: [0, 0.25, 0.5], bars: [1, 0.5, 0, 0] });
    expect(churnAxis([tier(0.05), tier(0.025)], 0.07)).toEqual({ top: 0.1, ticks: [0, 0.05, 0.1], bars: [0.5, 0.25] });
    expect(churnAxis([tier(null)], null)).toEqual({ top: 0.05, ticks: [0, 0.025, 0.05], bars: [0] });
    const counts = [{ ...tier(0.5), accounts: 10, churned: 5 }, { ...tier(0), accounts: 30, churned: 0 }];
    expect(overallChurnRate(counts)).toBe(0.125);
    expect(overallChurnRate([])).toBeNull();
  });

  test('weights of a column get the same decimal places', () => {
    expect(weightColumn([3, 5.8, 0.13, 1.87, 0])).toEqual(['3.00', '5.80', '0.13', '1.87', '0.00']);
    expect(weightColumn([40, 15, 25])).toEqual(['40', '15', '25']);
    expect(weightColumns([{ weight: 3, suggestedWeight: 0.13 }, { weight: 1, suggestedWeight: 5.8 }])).toEqual({ current: ['3.00', '1.00'], suggested: ['0.13', '5.80'] });
  });

  test('current and suggested weights share one scale', () => {
    expect(weightBarShares([{ weight: 2, suggestedWeight: 4 }, { weight: 1, suggestedWeight: 0 }])).toEqual([
      { current: 0.5, suggested: 1 },
      { current: 0.25, suggested: 0 },
    ]);
    expect(weightBarShares([{ weight: 0, suggestedWeight: 0 }])).toEqual([{ current: 0, suggested: 0 }]);
  });

  test('numbers: percentages, decimals and the change in AUC', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(null)).toBe('–');
    expect(decimal(0.756)).toBe('0.76');
    expect(decimal(NaN)).toBe('–');
    expect(decimal(undefined)).toBe('–');
    expect(aucChange(0.7, 0.75)).toBeCloseTo(0.05, 10);
    expect(aucChange(null, 0.75)).toBeNull();
  });
});
