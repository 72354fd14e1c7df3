// npm run bench:backtest — the backtest and weight fit on 100k accounts × 10 measures in Node, two ways:
//  1. core: the statistics on a ready columnar dataset (what a worker does once scores are stored);
//  2. engine: the default preset scoring 100k account objects first (readColumns + scoreColumns), then the
//     same statistics with four history points per account, the suggestion judged by re-scoring held-out folds
//     with the engine (what the CLI and the options page's worker run).
// Both include the weight fit with its penalty chosen by inner cross-validation in every training fold.
// Prints each stage's time, the total against the 2 s target (met / MISSED), and the ratio to a baseline
// measured in the same run: a plain native sort of the 100k scores, the core of an AUC. Best of three rounds.
import { readFileSync } from 'node:fs';
import { type BacktestOptions, type BacktestReport, type BacktestStage, backtestConfig, runBacktest } from '../../lib/data/backtest';
import { validateConfig } from '../../lib/scoring';
import { AS_OF, presetAccounts, presetHistory } from '../fixtures/backtest/accounts';
import { syntheticDataset, syntheticHistory } from '../fixtures/backtest/synthetic';

const ACCOUNTS = 100_000;
const MEASURES = 10;
const TARGET_MS = 2000;

const effects = Array.from({ length: MEASURES }, (_, j) => (MEASURES - j) / MEASURES);
const dataset = syntheticDataset({ accounts: ACCOUNTS, effects, weights: effects.map(() => 1), baseLogit: -1.5, missingShare: 0.05, seed: 1 });
const history = syntheticHistory(dataset, 6);
const validated = validateConfig(JSON.parse(readFileSync('public/presets/default.json', 'utf8')));
if (!validated.ok) throw new Error('public/presets/default.json does not validate');
const config = validated.config;
const accounts = presetAccounts(ACCOUNTS, 1);
const accountHistory = presetHistory(accounts, [10, 40, 70, 100], 5);
const now = new Date(`${AS_OF}T12:00:00Z`);

type Run = (options: Partial<BacktestOptions>) => BacktestReport;

const core: Run = (options) => runBacktest(dataset, { ...options, history, leadDays: 60 });
const engine: Run = (options) => {
  const result = backtestConfig({ config, accounts, now }, { ...options, history: accountHistory });
  if (!result.ok) throw new Error(result.error);
  return result.report;
};

function timed(run: Run) {
  const stageEnd = new Map<BacktestStage, number>();
  const start = performance.now();
  const report = run({ onProgress: (stage, done) => done === 1 && stageEnd.set(stage, performance.now()) });
  const total = performance.now() - start;
  let previous = start;
  const stages = [...stageEnd].map(([stage, end]) => {
    const ms = end - previous;
    previous = end;
    return { stage, ms };
  });
  return { report, total, stages };
}

function baselineSortMs(): number {
  const copy = Float64Array.from(dataset.scores);
  const start = performance.now();
  copy.sort();
  return performance.now() - start;
}

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

// Best of three rounds, baseline and both paths interleaved in each round, so a busy machine slows all alike.
const ROUNDS = 3;
core({});
engine({}); // warm-up: let the JIT compile the loops before measuring
let baseline = Infinity;
const best = new Map<string, ReturnType<typeof timed>>();
const scenarios: [string, Run][] = [
  [`1. core: columnar dataset + ${history.length} history points`, core],
  [`2. engine: default preset scoring 100k account objects first, + ${accountHistory.length} history points`, engine],
];
for (let round = 0; round < ROUNDS; round++) {
  baseline = Math.min(baseline, baselineSortMs());
  for (const [name, run] of scenarios) {
    const result = timed(run);
    if (result.total < (best.get(name)?.total ?? Infinity)) best.set(name, result);
  }
}

console.log(`backtest bench: ${ACCOUNTS} accounts × ${MEASURES} measures, best of ${ROUNDS} rounds`);
console.log(`baseline: native sort of ${ACCOUNTS} scores ${ms(baseline)}`);
for (const [name] of scenarios) {
  const { report, total, stages } = best.get(name)!;
  console.log(name);
  for (const { stage, ms: time } of stages) console.log(`  ${stage.padEnd(10)}${ms(time)}`);
  console.log(`  ${'total'.padEnd(10)}${ms(total)}   ${(total / baseline).toFixed(0)}× baseline; target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'MISSED'}`);
  const auc = report.auc.defined ? report.auc.auc.toFixed(3) : 'undefined';
  const cv = report.suggestion;
  console.log(
    `  sanity: AUC ${auc}, CI ${report.interval?.low.toFixed(3)}–${report.interval?.high.toFixed(3)} ` +
      `(${report.interval?.replicates} replicates), leading AUC ${report.leading?.auc.defined ? report.leading.auc.auc.toFixed(3) : '–'}, ` +
      `CV AUC current ${cv?.current.mean?.toFixed(3)} → suggested ${cv?.suggested.mean?.toFixed(3)} (λ ${cv?.l2}; per fold ${cv?.l2PerFold.join(', ')})`,
  );
}
