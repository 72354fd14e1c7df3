// The messages between the options page and the backtest Web Worker. The worker reads the accounts, their
// outcomes and the score history from IndexedDB itself: the page sends only which config and the options, so
// 100k accounts are never copied from the page's main thread to the worker.
import type { ScoringConfig } from '../../scoring';
import type { BacktestReport, BacktestStage } from './run';

export interface BacktestRunOptions {
  leadDays: number;
  folds: number;
  seed: number;
}

export interface BacktestRequest {
  /** The config to test; null tests the active one. */
  config: ScoringConfig | null;
  options: BacktestRunOptions;
}

/** Reading the database comes before the engine's own stages. */
export type WorkerStage = 'read' | BacktestStage;

export interface BacktestTimings {
  /** Reading accounts, metrics and history from IndexedDB. */
  readMs: number;
  /** The backtest and the weight fit. */
  runMs: number;
}

export type WorkerMessage =
  | { kind: 'progress'; stage: WorkerStage; done: number }
  | { kind: 'result'; report: BacktestReport; candidate: ScoringConfig | null; configName: string; timings: BacktestTimings }
  | { kind: 'error'; message: string };

/** Every stage in the order they run, with a rough share of the total time (for one progress bar). */
export const STAGE_WEIGHTS: readonly [WorkerStage, number][] = [
  ['read', 0.3],
  ['score', 0.15],
  ['auc', 0.02],
  ['bootstrap', 0.1],
  ['measures', 0.03],
  ['leading', 0.05],
  ['fit', 0.35],
];

/** Overall progress 0–1 when `stage` is `done` (0–1) through. */
export function overallProgress(stage: WorkerStage, done: number): number {
  let before = 0;
  for (const [name, weight] of STAGE_WEIGHTS) {
    if (name === stage) return before + weight * Math.min(1, Math.max(0, done));
    before += weight;
  }
  return before;
}
