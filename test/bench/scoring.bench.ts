// Scoring benchmark: 100k synthetic accounts × 10 measures × 3 segment scorecards.
// Prints accounts/s for the bulk path (numeric rows), the object path, reading rows, and full explanations,
// next to a hand-written typed-array loop doing the same arithmetic, measured in the same run.
// Run: npm run bench:scoring
import { compileConfig, readColumns, scoreAccount, scoreColumns, scoreMany, validateConfig, type AccountEntry } from '../../lib/scoring';
import type { ScoringConfig, ScoringConfigInput } from '../../lib/scoring/schema';

const ACCOUNTS = 100_000;
const FULL_ACCOUNTS = 10_000;
const WARMUP = 3;
const RUNS = 9;
const NOW = new Date('2025-06-02T12:00:00Z');
const SEGMENTS = ['enterprise', 'smb', 'mid-market'] as const;
const METRICS = 10;
const BANDED = 7; // measures 0–6 use bands, 7–9 linear

/** Deterministic pseudo-random numbers (mulberry32), so every run scores the same accounts. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per segment s and measure m: four thresholds, five band values, a linear range and a weight. */
const thresholds = (s: number, m: number) => [10, 30, 50, 70].map((t) => t + s * 5 + m);
const bandValues = (s: number, m: number) => [0, 25 + s, 50 + m, 75, 100];
const linearRange = (s: number, m: number) => [5 + s + m, 90 - s];
const weight = (s: number, m: number) => 1 + ((s + m) % 4);

function benchConfig(): ScoringConfig {
  const measures = (s: number) =>
    Array.from({ length: METRICS }, (_, m) =>
      m < BANDED
        ? { metric: `m${m}`, weight: weight(s, m), type: 'bands' as const, bands: [...thresholds(s, m).map((t, b) => ({ lt: t, value: bandValues(s, m)[b]! })), { value: bandValues(s, m)[4]! }] }
        : { metric: `m${m}`, weight: weight(s, m), type: 'linear' as const, min: linearRange(s, m)[0]!, max: linearRange(s, m)[1]! },
    );
  const input: ScoringConfigInput = {
    schemaVersion: 1,
    name: 'Benchmark',
    version: '1',
    metrics: Array.from({ length: METRICS }, (_, m) => ({ key: `m${m}`, label: `Metric ${m}`, kind: 'number' as const })),
    scorecards: [
      { key: 'enterprise', label: 'Enterprise', when: [{ attribute: 'segment', equals: 'enterprise' }], measures: measures(0) },
      { key: 'smb', label: 'SMB', when: [{ attribute: 'segment', equals: 'smb' }], measures: measures(1) },
      { key: 'default', label: 'Default', measures: measures(2) },
    ],
    tiers: [
      { key: 'at_risk', label: 'At risk', color: '#d93025', min: 0, max: 39 },
      { key: 'needs_attention', label: 'Needs attention', color: '#f9ab00', min: 40, max: 59 },
      { key: 'healthy', label: 'Healthy', color: '#1e8e3e', min: 60, max: 79 },
      { key: 'champion', label: 'Champion', color: '#1a73e8', min: 80, max: 100 },
    ],
    missing: { minCoverage: 0.5 },
    flags: [
      { key: 'heavy', label: 'Heavy use', when: [{ metric: 'm0', range: { min: 90 } }] },
      { key: 'expansion', label: 'Expansion', when: [{ metric: 'm1', range: { min: 80 } }, { score: true, range: { min: 70 } }] },
    ],
  };
  const result = validateConfig(input);
  if (!result.ok) throw new Error(`benchmark config is invalid: ${JSON.stringify(result.issues)}`);
  return result.config;
}

function syntheticAccounts(count: number): AccountEntry[] {
  const next = random(42);
  return Array.from({ length: count }, (_, i) => {
    const metrics: AccountEntry['metrics'] = {};
    for (let m = 0; m < METRICS; m++) if (next() > 0.05) metrics[`m${m}`] = { value: Math.round(next() * 1000) / 10, asOf: '2025-06-01' };
    return { account: { id: `acc-${i}`, name: `Account ${i}`, attributes: { segment: SEGMENTS[i % 3]!, plan: 'growth' } }, metrics };
  });
}

/** The same arithmetic written by hand for this one config: the speed of light for the bulk path. */
function baselineTables() {
  const t = new Float64Array(3 * BANDED * 4);
  const v = new Float64Array(3 * BANDED * 5);
  const lin = new Float64Array(3 * METRICS * 2);
  const w = new Float64Array(3 * METRICS);
  const nominal = new Float64Array(3 * METRICS);
  for (let s = 0; s < 3; s++) {
    let total = 0;
    for (let m = 0; m < METRICS; m++) total += weight(s, m);
    for (let m = 0; m < METRICS; m++) {
      w[s * METRICS + m] = weight(s, m);
      nominal[s * METRICS + m] = weight(s, m) / total;
      if (m < BANDED) {
        t.set(thresholds(s, m), (s * BANDED + m) * 4);
        v.set(bandValues(s, m), (s * BANDED + m) * 5);
      } else lin.set(linearRange(s, m), (s * METRICS + m) * 2);
    }
  }
  const tierOf = new Uint8Array(101).map((_, score) => (score >= 80 ? 3 : score >= 60 ? 2 : score >= 40 ? 1 : 0));
  return { t, v, lin, w, nominal, tierOf };
}

function baseline(values: Float64Array, attributes: readonly Record<string, unknown>[], tables: ReturnType<typeof baselineTables>, out: { score: Float64Array; tier: Int8Array; coverage: Float64Array; flags: Uint32Array }) {
  const { t, v, lin, w, nominal, tierOf } = tables;
  for (let i = 0; i < attributes.length; i++) {
    const segment = attributes[i]!.segment;
    const s = segment === 'enterprise' ? 0 : segment === 'smb' ? 1 : 2;
    const row = i * METRICS;
    let sumW = 0;
    let sumWA = 0;
    let coverage = 0;
    for (let m = 0; m < METRICS; m++) {
      const x = values[row + m]!;
      if (x !== x) continue;
      let a: number;
      if (m < BANDED) {
        const tb = (s * BANDED + m) * 4;
        let b = 0;
        while (b < 4 && !(x < t[tb + b]!)) b++;
        a = v[(s * BANDED + m) * 5 + b]!;
      } else {
        const lo = lin[(s * METRICS + m) * 2]!;
        const hi = lin[(s * METRICS + m) * 2 + 1]!;
        a = ((x - lo) / (hi - lo)) * 100;
        a = a < 0 ? 0 : a > 100 ? 100 : a;
      }
      sumW += w[s * METRICS + m]!;
      sumWA += w[s * METRICS + m]! * a;
      coverage += nominal[s * METRICS + m]!;
    }
    const ok = sumW > 0 && coverage + 1e-9 >= 0.5;
    const score = ok ? Math.round(Math.min(100, Math.max(0, sumWA / sumW)) + 1e-9) : NaN;
    out.score[i] = score;
    out.tier[i] = ok ? tierOf[score]! : -1;
    out.coverage[i] = coverage;
    out.flags[i] = (values[row]! >= 90 ? 1 : 0) | (values[row + 1]! >= 80 && score >= 70 ? 2 : 0);
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * Median seconds per contender over RUNS rounds after WARMUP untimed ones. Rounds interleave the contenders,
 * so a busy machine slows the baseline and the engine alike and their ratio stays meaningful.
 */
function timeInterleaved(contenders: Record<string, () => void>): Record<string, number> {
  const names = Object.keys(contenders);
  for (let i = 0; i < WARMUP; i++) for (const name of names) contenders[name]!();
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const name of names) {
      const start = performance.now();
      contenders[name]!();
      times[name]!.push((performance.now() - start) / 1000);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n]!)]));
}

const rate = (count: number, seconds: number) => Math.round(count / seconds);
const fmt = (n: number) => n.toLocaleString('en-US');

function main(): void {
  const config = benchConfig();
  const compiled = compileConfig(config);
  const entries = syntheticAccounts(ACCOUNTS);
  const columns = readColumns(compiled, entries, NOW);
  const tables = baselineTables();
  const engineOut = scoreColumns(compiled, columns, NOW);
  const baseOut = { score: new Float64Array(ACCOUNTS), tier: new Int8Array(ACCOUNTS), coverage: new Float64Array(ACCOUNTS), flags: new Uint32Array(ACCOUNTS) };

  // Check that both loops compute the same thing before timing them.
  baseline(columns.values, columns.attributes, tables, baseOut);
  for (let i = 0; i < ACCOUNTS; i++) {
    const same = Object.is(engineOut.score[i], baseOut.score[i]) && engineOut.tier[i] === baseOut.tier[i] && engineOut.flags[i] === baseOut.flags[i] && Math.abs(engineOut.coverage[i]! - baseOut.coverage[i]!) < 1e-9;
    if (!same) throw new Error(`engine and baseline disagree on account ${i}: ${engineOut.score[i]} vs ${baseOut.score[i]}`);
  }

  const fullEntries = entries.slice(0, FULL_ACCOUNTS);
  const seconds = timeInterleaved({
    baseline: () => baseline(columns.values, columns.attributes, tables, baseOut),
    bulk: () => scoreColumns(compiled, columns, NOW, engineOut),
    many: () => scoreMany(compiled, entries, { now: NOW }),
    read: () => readColumns(compiled, entries, NOW),
    full: () => {
      for (const e of fullEntries) scoreAccount(config, e.account, e.metrics, { now: NOW });
    },
  });
  const { baseline: baselineS, bulk: bulkS, many: manyS, read: readS, full: fullS } = seconds as Record<'baseline' | 'bulk' | 'many' | 'read' | 'full', number>;

  const rows: [string, number, string][] = [
    ['baseline: hand-written typed-array loop', rate(ACCOUNTS, baselineS), ''],
    ['bulk: scoreColumns (numeric rows)', rate(ACCOUNTS, bulkS), `${(bulkS / baselineS).toFixed(2)}× baseline time (target ≤ 3)`],
    ['bulk from objects: scoreMany', rate(ACCOUNTS, manyS), `${(manyS / baselineS).toFixed(2)}× baseline time`],
    ['reading objects into rows: readColumns', rate(ACCOUNTS, readS), ''],
    ['full explanations: scoreAccount', rate(FULL_ACCOUNTS, fullS), `${FULL_ACCOUNTS.toLocaleString('en-US')} accounts per run`],
  ];
  console.log(`Scoring benchmark: ${fmt(ACCOUNTS)} accounts × ${METRICS} measures × ${SEGMENTS.length} segments, median of ${RUNS} interleaved runs after ${WARMUP} warm-ups (Node ${process.version})`);
  for (const [name, perSecond, note] of rows) console.log(`  ${name.padEnd(42)} ${fmt(perSecond).padStart(12)} accounts/s  ${note}`);
  const scored = engineOut.score.filter((s) => !Number.isNaN(s)).length;
  console.log(`  results: engine and baseline agree on all ${fmt(ACCOUNTS)} accounts (${fmt(scored)} scored, ${fmt(ACCOUNTS - scored)} insufficient)`);
}

main();
