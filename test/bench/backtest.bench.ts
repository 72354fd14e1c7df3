// npm run bench:backtest — the whole backtest and weight fit on 100k accounts × 10 measures in Node.
// Prints each stage's time, the total, and the ratio to a baseline measured in the same run: a plain native
// sort of the 100k scores, the core of an AUC. Target: total under 2 s.
import { type BacktestStage, runBacktest } from '../../lib/data/backtest/run';
import { syntheticDataset, syntheticHistory } from '../fixtures/backtest/synthetic';

const ACCOUNTS = 100_000;
const MEASURES = 10;
const HISTORY_MONTHS = 6;
const TARGET_MS = 2000;

const effects = Array.from({ length: MEASURES }, (_, j) => (MEASURES - j) / MEASURES);
const data = syntheticDataset({
  accounts: ACCOUNTS,
  effects,
  weights: effects.map(() => 1),
  baseLogit: -1.5,
  missingShare: 0.05,
  seed: 1,
});
const history = syntheticHistory(data, HISTORY_MONTHS);

function baselineSortMs(): number {
  const runs = 5;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const copy = Float64Array.from(data.scores);
    const start = performance.now();
    copy.sort();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function timedBacktest() {
  const stageEnd = new Map<BacktestStage, number>();
  const start = performance.now();
  const report = runBacktest(data, {
    history,
    leadDays: 60,
    onProgress: (stage, done) => {
      if (done === 1) stageEnd.set(stage, performance.now());
    },
  });
  const total = performance.now() - start;
  let previous = start;
  const stages = [...stageEnd].map(([stage, end]) => {
    const ms = end - previous;
    previous = end;
    return { stage, ms };
  });
  return { report, total, stages };
}

timedBacktest(); // warm-up: let the JIT compile the loops before measuring
const baseline = baselineSortMs();
const { report, total, stages } = timedBacktest();

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;
console.log(`backtest bench: ${ACCOUNTS} accounts × ${MEASURES} measures, ${history.length} history points`);
for (const { stage, ms: time } of stages) console.log(`  ${stage.padEnd(10)}${ms(time)}`);
console.log(`  ${'total'.padEnd(10)}${ms(total)}   (target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'MISSED'})`);
console.log(`  baseline: native sort of ${ACCOUNTS} scores ${ms(baseline)}; total = ${(total / baseline).toFixed(0)}× baseline`);
const auc = report.auc.defined ? report.auc.auc.toFixed(3) : 'undefined';
const cv = report.suggestion;
console.log(
  `  sanity: AUC ${auc}, CI ${report.interval?.low.toFixed(3)}–${report.interval?.high.toFixed(3)} ` +
    `(${report.interval?.replicates} replicates), CV AUC current ${cv?.current.mean?.toFixed(3)} → suggested ${cv?.suggested.mean?.toFixed(3)}`,
);
