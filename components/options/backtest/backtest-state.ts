// The Backtest view's run state, driven by the worker's messages (pure, so it is tested without a worker), and
// the checks of the form's numbers.
import type { BacktestRunOptions, BacktestTimings, WorkerMessage, WorkerStage } from '../../../lib/data/backtest/worker-protocol';
import { overallProgress } from '../../../lib/data/backtest/worker-protocol';
import type { BacktestReport } from '../../../lib/data/backtest';
import type { ScoringConfig } from '../../../lib/scoring';
import { t } from '../../../lib/i18n';

export type RunState =
  | { state: 'idle' }
  | { state: 'running'; stage: WorkerStage; progress: number }
  | { state: 'done'; report: BacktestReport; candidate: ScoringConfig | null; configName: string; timings: BacktestTimings }
  | { state: 'error'; message: string }
  | { state: 'cancelled' };

export const STARTED: RunState = { state: 'running', stage: 'read', progress: 0 };

export function nextState(current: RunState, message: WorkerMessage): RunState {
  switch (message.kind) {
    case 'progress':
      // A late progress message after the result (or a cancel) changes nothing.
      return current.state === 'running' ? { state: 'running', stage: message.stage, progress: overallProgress(message.stage, message.done) } : current;
    case 'result':
      return { state: 'done', report: message.report, candidate: message.candidate, configName: message.configName, timings: message.timings };
    case 'error':
      return { state: 'error', message: message.message };
  }
}

export const FIELD_LIMITS = {
  leadDays: { min: 0, max: 3650 },
  folds: { min: 2, max: 20 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const satisfies Record<keyof BacktestRunOptions, { min: number; max: number }>;

export type OptionTexts = Record<keyof BacktestRunOptions, string>;

/** The form's fields as options, or a message per field that is not a whole number in its range. */
export function readOptions(texts: OptionTexts): { ok: true; options: BacktestRunOptions } | { ok: false; errors: Partial<OptionTexts> } {
  const errors: Partial<OptionTexts> = {};
  const options = {} as BacktestRunOptions;
  for (const field of Object.keys(FIELD_LIMITS) as (keyof BacktestRunOptions)[]) {
    const { min, max } = FIELD_LIMITS[field];
    const text = texts[field].trim();
    const value = Number(text);
    if (text === '' || !Number.isInteger(value) || value < min || value > max) errors[field] = t('backtestFieldRange', min, max);
    else options[field] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, options };
}
