// The backtest worker's side: what it reads from the database (config, accounts with outcomes, history), the
// errors in words when there is nothing to test, and the messages it posts for a run (progress, then the result).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { replaceDataset } from '../../../lib/data/apply';
import { backtestConfig } from '../../../lib/data/backtest';
import { readStoredInput } from '../../../lib/data/backtest/worker-data';
import type { BacktestRequest, WorkerMessage } from '../../../lib/data/backtest/worker-protocol';
import { type HealthmarkDb, openDb } from '../../../lib/data/db';
import { demo, now, readPreset } from '../options/fixtures';

/** Demo accounts with outcomes: the first `churned` churned a week before `now`, the rest retained. */
function withOutcomes(churned: number) {
  const churnedAt = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  return demo.accounts.map((account, i) => ({ ...account, outcome: i < churned ? { churned: true, churnedAt } : { churned: false } }));
}

let db: HealthmarkDb;
beforeEach(() => {
  db = openDb(); // the default name: the worker opens the same database
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function store(accounts: typeof demo.accounts) {
  await replaceDataset(db, { config: readPreset('default'), configSource: 'preset:default', accounts, snapshots: demo.snapshots, mode: 'demo' }, now);
}

describe('readStoredInput', () => {
  test('an empty database: no config to test', async () => {
    expect(await readStoredInput(db, null)).toEqual({ ok: false, error: 'There is no active scoring config to test.' });
  });

  test('demo accounts without outcomes: says how many accounts and which columns are missing', async () => {
    await store(demo.accounts);
    const read = await readStoredInput(db, null);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toContain(`None of the ${demo.accounts.length} stored accounts has an outcome`);
    expect(read.error).toContain('"churned" or "churn date" column');
  });

  test('an invalid config is refused with its path', async () => {
    await store(withOutcomes(10));
    const broken = { ...readPreset('default'), tiers: [] };
    const read = await readStoredInput(db, broken);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/^The config to test is not valid \(tiers/);
  });

  test('reads the active config, every account with its metrics and outcome, and the score history', async () => {
    await store(withOutcomes(10));
    const read = await readStoredInput(db, null, 7);
    if (!read.ok) throw new Error(read.error);
    const { input } = read;
    expect(input.config.name).toBe(readPreset('default').name);
    expect(input.withOutcome).toBe(demo.accounts.length);
    expect(input.accounts).toHaveLength(demo.accounts.length);
    const first = input.accounts.find((a) => a.id === demo.accounts[0]!.id)!;
    expect(first.outcome).toMatchObject({ churned: true });
    expect(first.metrics).toEqual(demo.accounts[0]!.metrics);
    expect(input.history?.points.length).toBeGreaterThan(0);
    expect(input.history?.points.every((p) => typeof p.day === 'string' && 'score' in p && !('tier' in p))).toBe(true);
  });

  test('a write started during the read waits for it: the accounts and their history come from one dataset', async () => {
    await store(withOutcomes(10));
    const reading = readStoredInput(db, null, 7);
    // What a data replace does to the tables the read spans, queued while the read is under way.
    const replacing = db.transaction('rw', [db.accounts, db.history], () => Promise.all([db.accounts.clear(), db.history.clear()]));
    const [read] = await Promise.all([reading, replacing]);
    if (!read.ok) throw new Error(read.error);
    expect(read.input.accounts).toHaveLength(demo.accounts.length);
    expect(read.input.history?.points.length).toBeGreaterThan(0);
  });

  test('a config passed in is tested instead of the active one', async () => {
    await store(withOutcomes(10));
    const other = { ...readPreset('default'), version: 'edited' };
    const read = await readStoredInput(db, other);
    expect(read.ok && read.input.config.version).toBe('edited');
  });
});

describe('the worker', () => {
  const posted: WorkerMessage[] = [];
  const fakeSelf = { postMessage: (m: WorkerMessage) => posted.push(m), onmessage: null as ((e: { data: BacktestRequest }) => void) | null };

  beforeEach(async () => {
    posted.length = 0;
    vi.stubGlobal('self', fakeSelf);
    await import('../../../lib/data/backtest/worker');
  });
  afterEach(() => vi.unstubAllGlobals());

  async function run(request: BacktestRequest): Promise<WorkerMessage> {
    fakeSelf.onmessage!({ data: request });
    await vi.waitFor(() => expect(posted.some((m) => m.kind !== 'progress')).toBe(true));
    return posted.find((m) => m.kind !== 'progress')!;
  }

  test('posts progress through every stage, then the same report as the engine on all the stored data', async () => {
    await store(withOutcomes(12));
    const options = { leadDays: 7, folds: 3, seed: 4 };
    const last = await run({ config: null, options });
    if (last.kind !== 'result') throw new Error(JSON.stringify(last));
    const stages = [...new Set(posted.flatMap((m) => (m.kind === 'progress' ? [m.stage] : [])))];
    expect(stages).toEqual(['read', 'score', 'auc', 'bootstrap', 'measures', 'leading', 'fit']);
    expect(posted.filter((m) => m.kind === 'progress').length).toBeLessThan(1000); // throttled per percent

    const read = await readStoredInput(db, null);
    if (!read.ok) throw new Error(read.error);
    const history = await db.history.toArray(); // every point: the worker's reduced read must not change the result
    const direct = backtestConfig({ config: read.input.config, accounts: read.input.accounts }, { ...options, history });
    if (!direct.ok) throw new Error(direct.error);
    expect(last.report).toEqual(direct.report);
    expect(last.candidate).toEqual(direct.candidate);
    expect(last.configName).toBe(`${read.input.config.name} ${read.input.config.version}`);
    expect(last.timings.readMs).toBeGreaterThanOrEqual(0);
    expect(last.timings.runMs).toBeGreaterThan(0);
  });

  test('a config other than the active one gets no leading check: stored scores came from the configs active then', async () => {
    await store(withOutcomes(12));
    const active = await run({ config: null, options: { leadDays: 7, folds: 3, seed: 4 } });
    expect(active.kind === 'result' && active.report.leading).not.toBeNull();
    posted.length = 0;
    const edited = structuredClone(readPreset('default'));
    edited.version = 'edited';
    edited.scorecards[0]!.groups!.forEach((group, g) => (group.weight = g === 3 ? 97 : 1));
    const last = await run({ config: edited, options: { leadDays: 7, folds: 3, seed: 4 } });
    if (last.kind !== 'result' || active.kind !== 'result') throw new Error(JSON.stringify(last));
    expect(last.report.leading).toBeNull();
    expect(last.configName).toBe(`${edited.name} edited`);
    expect(last.report.auc).not.toEqual(active.report.auc);
  });

  test('nothing to test: one error message in words', async () => {
    await store(demo.accounts);
    const last = await run({ config: null, options: { leadDays: 30, folds: 5, seed: 1 } });
    expect(last).toEqual({ kind: 'error', message: expect.stringContaining('has an outcome') });
  });

  test('options the engine refuses come back as an error, not an exception', async () => {
    await store(withOutcomes(12));
    const last = await run({ config: null, options: { leadDays: 30, folds: 1, seed: 1 } });
    expect(last).toEqual({ kind: 'error', message: 'folds must be a whole number from 2 to 50, got 1' });
  });
});
