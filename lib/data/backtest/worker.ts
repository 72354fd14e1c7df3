// The backtest Web Worker of the options page: reads its data from IndexedDB (the extension origin's database
// is open to workers too), runs the backtest and the weight fit, and posts progress and the result. The page
// cancels by terminating it, so there is no cancel message.
import { openDb } from '../db';
import { backtestConfig } from './engine';
import { readStoredInput } from './worker-data';
import type { BacktestRequest, WorkerMessage, WorkerStage } from './worker-protocol';

const post = (message: WorkerMessage) => self.postMessage(message);

/** Posts progress at most once per percent of a stage: the bootstrap reports a thousand steps. */
function progressPoster(): (stage: WorkerStage, done: number) => void {
  let last = { stage: '', percent: -1 };
  return (stage, done) => {
    const percent = Math.floor(done * 100);
    if (stage === last.stage && percent === last.percent) return;
    last = { stage, percent };
    post({ kind: 'progress', stage, done });
  };
}

async function run({ config, options }: BacktestRequest): Promise<WorkerMessage> {
  const progress = progressPoster();
  progress('read', 0);
  const started = performance.now();
  const db = openDb();
  try {
    // A config other than the active one gets no leading check: see readStoredInput.
    const read = await readStoredInput(db, config, config === null ? options.leadDays : undefined);
    if (!read.ok) return { kind: 'error', message: read.error };
    const { input } = read;
    progress('read', 1);
    const readDone = performance.now();
    const result = backtestConfig(
      { config: input.config, accounts: input.accounts },
      { ...options, ...(input.history ? { history: input.history.points, referenceDate: input.history.referenceDate } : {}), onProgress: progress },
    );
    if (!result.ok) return { kind: 'error', message: result.error };
    const timings = { readMs: readDone - started, runMs: performance.now() - readDone };
    return { kind: 'result', report: result.report, candidate: result.candidate, configName: `${input.config.name} ${input.config.version}`, timings };
  } finally {
    db.close();
  }
}

self.onmessage = (event: MessageEvent<BacktestRequest>) => {
  run(event.data).then(post, (error: unknown) => post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
};
