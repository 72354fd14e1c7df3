// CSV import in Node: 100k accounts × 14 columns written the way real exports are (`1,234.5`, `45%`, `TRUE`,
// `16/10/2024`), parsed and mapped by the shared import. Baseline, measured in the same run: papaparse alone
// on the same text (no mapping, no value parsing). Also the longest stretch the import holds the thread
// between two yields, which is what keeps a page responsive.
// Run: npx tsx test/bench/import-node.bench.ts [rows]
import Papa from 'papaparse';
import { importEvents } from '../../lib/data/import';
import { catalogue } from '../fixtures/imports/catalogue';
import { makeCsv } from './import-data';

const ROWS = Number(process.argv[2] ?? 100_000);

const text = makeCsv(ROWS);
const mb = (text.length / (1024 * 1024)).toFixed(1);

let start = performance.now();
const raw = Papa.parse<string[]>(text, { skipEmptyLines: true });
const baselineMs = performance.now() - start;

// Wall time between yields, and the process's CPU time over the same stretches (on a busy machine the wall time
// also counts time the process was not running at all).
start = performance.now();
let last = start;
let lastCpu = process.cpuUsage();
const stretches: { wallMs: number; cpuMs: number }[] = [];
let accounts = 0;
let rejected = 0;
for await (const event of importEvents(text, { catalogue, dateOrder: 'dmy', defaultAsOf: '2024-10-16' })) {
  const cpu = process.cpuUsage(lastCpu);
  stretches.push({ wallMs: performance.now() - last, cpuMs: (cpu.user + cpu.system) / 1000 });
  if (event.type === 'done') {
    accounts = event.result.ok ? event.result.accounts.length : 0;
    rejected = event.result.rejectedRows;
  }
  last = performance.now();
  lastCpu = process.cpuUsage();
}
const importMs = performance.now() - start;

console.log(`rows: ${ROWS} × 14 columns (${mb} MB of CSV)`);
console.log(`baseline papaparse only: ${baselineMs.toFixed(0)} ms (${raw.data.length - 1} rows)`);
console.log(`import (parse + map + values): ${importMs.toFixed(0)} ms, ${Math.round(ROWS / (importMs / 1000)).toLocaleString('en-US')} rows/s, ${accounts} accounts, ${rejected} rejected`);
console.log(`ratio to baseline: ${(importMs / baselineMs).toFixed(2)}×`);
const sorted = (pick: (s: (typeof stretches)[number]) => number) => stretches.map(pick).sort((a, b) => a - b);
const wall = sorted((s) => s.wallMs);
const cpu = sorted((s) => s.cpuMs);
const at = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))]!.toFixed(0);
console.log(`stretches without yielding: ${stretches.length}; wall median ${at(wall, 0.5)} ms, p95 ${at(wall, 0.95)} ms, max ${at(wall, 1)} ms; CPU max ${at(cpu, 1)} ms`);
