// Runs a backtest in a dedicated Web Worker: one worker per run, terminated when it answers, when the user
// cancels, or when the view goes away, so a cancelled fit stops computing at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BacktestRequest, WorkerMessage } from '../../../lib/data/backtest/worker-protocol';
// A `?worker` import: WXT defines import.meta.url for service workers, which hides `new URL(…, import.meta.url)`
// from Vite, so the worker would not be bundled. Vite emits it as its own file (allowed by the extension CSP).
import BacktestWorker from '../../../lib/data/backtest/worker?worker';
import { t } from '../../../lib/i18n';
import { type RunState, STARTED, nextState } from './backtest-state';

export function useBacktest(): { run: RunState; start: (request: BacktestRequest) => void; cancel: () => void } {
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const worker = useRef<Worker | null>(null);
  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  const start = (request: BacktestRequest) => {
    stop();
    const current = new BacktestWorker();
    worker.current = current;
    setRun(STARTED);
    current.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (worker.current !== current) return;
      if (event.data.kind !== 'progress') stop();
      setRun((state) => nextState(state, event.data));
    };
    current.onerror = (event) => {
      if (worker.current !== current) return;
      stop();
      setRun({ state: 'error', message: event.message || t('backtestWorkerFailed') });
    };
    current.postMessage(request);
  };
  const cancel = () => {
    stop();
    setRun({ state: 'cancelled' });
  };
  return { run, start, cancel };
}
