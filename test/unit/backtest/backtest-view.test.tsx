// @vitest-environment happy-dom
// The Backtest view with a stand-in for its Web Worker: what it asks the worker, progress, Cancel terminating
// the worker, a late message from a terminated worker ignored, the report, and "Use as draft".
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BacktestView } from '../../../components/options/backtest/BacktestView';
import { backtestConfig } from '../../../lib/data/backtest';
import type { BacktestRequest, WorkerMessage } from '../../../lib/data/backtest/worker-protocol';
import { type ScoringConfig, validateConfig } from '../../../lib/scoring';
import { AS_OF, presetAccounts } from '../../fixtures/backtest/accounts';

// Hoisted with the mock below, which replaces the `?worker` import.
const { FakeWorker } = vi.hoisted(() => {
  class FakeWorker {
    static all: FakeWorker[] = [];
    onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
    onerror: ((event: { message: string }) => void) | null = null;
    requests: BacktestRequest[] = [];
    terminated = false;
    constructor() {
      FakeWorker.all.push(this);
    }
    postMessage(request: BacktestRequest) {
      this.requests.push(request);
    }
    terminate() {
      this.terminated = true;
    }
    send(message: WorkerMessage) {
      act(() => this.onmessage?.({ data: message }));
    }
  }
  return { FakeWorker };
});
vi.mock('../../../lib/data/backtest/worker?worker', () => ({ default: FakeWorker }));

const checked = validateConfig(JSON.parse(readFileSync('public/presets/default.json', 'utf8')));
if (!checked.ok) throw new Error('the default preset must validate');
const active = checked.config;
const computed = backtestConfig({ config: active, accounts: presetAccounts(600, 3), now: new Date(`${AS_OF}T12:00:00Z`) }, { bootstrapReplicates: 50 });
if (!computed.ok || !computed.candidate) throw new Error('the fixture must give a report with a draft');
const result: WorkerMessage = { kind: 'result', report: computed.report, candidate: computed.candidate, configName: 'Default SaaS health 2025.1', timings: { readMs: 120, runMs: 480 } };

let host: HTMLElement;
let onUseDraft: ReturnType<typeof vi.fn<(candidate: ScoringConfig) => void>>;
beforeEach(() => {
  FakeWorker.all = [];
  onUseDraft = vi.fn<(candidate: ScoringConfig) => void>();
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<BacktestView active={active} draft={null} onUseDraft={onUseDraft} />, host));
});
afterEach(() => {
  act(() => render(null, host));
  host.remove();
});

const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const click = (id: string) => act(() => byTestId(id)!.click());

describe('Backtest view', () => {
  test('Run asks a new worker to test the active config with the form options; Cancel terminates it', () => {
    click('backtest-run');
    const worker = FakeWorker.all[0]!;
    expect(worker.requests).toEqual([{ config: null, options: { leadDays: 30, folds: 5, seed: 1 } }]);
    expect(byTestId('backtest-run')).toHaveProperty('disabled', true);
    expect(document.activeElement).toBe(byTestId('backtest-cancel'));

    worker.send({ kind: 'progress', stage: 'fit', done: 0.5 });
    expect(byTestId('backtest-progress')!.textContent).toContain('Fitting and cross-validating weights');

    click('backtest-cancel');
    expect(worker.terminated).toBe(true);
    expect(byTestId('backtest-cancelled')!.textContent).toContain('cancelled');
    worker.send(result); // a message already on its way from the terminated worker
    expect(byTestId('backtest-results')).toBeNull();
  });

  test('the result shows the figures, and "Use as draft" hands over the candidate config', () => {
    click('backtest-run');
    FakeWorker.all[0]!.send(result);
    expect(FakeWorker.all[0]!.terminated).toBe(true); // one worker per run
    const { report } = computed;
    expect(byTestId('backtest-auc')!.textContent).toContain(report.auc.defined ? report.auc.auc.toFixed(2) : 'x');
    expect(host.querySelectorAll('[data-testid="backtest-tiers"] tbody tr')).toHaveLength(report.tiers.length);
    expect(host.querySelectorAll('[data-testid="backtest-measure-weights"] tbody tr')).toHaveLength(report.suggestion!.measures.length);
    expect(byTestId('backtest-population')!.textContent).toContain('Ran in 0.6 s (reading 0.1 s, computing 0.5 s)');
    click('backtest-use-draft');
    expect(onUseDraft).toHaveBeenCalledWith(computed.candidate);
  });

  test('errors from the worker are shown in words; bad options never reach a worker', () => {
    click('backtest-run');
    FakeWorker.all[0]!.send({ kind: 'error', message: 'None of the 40 stored accounts has an outcome.' });
    expect(byTestId('backtest-error')!.textContent).toBe('None of the 40 stored accounts has an outcome.');

    const folds = host.querySelectorAll<HTMLInputElement>('input[type="number"]')[1]!;
    act(() => {
      folds.value = '1';
      folds.dispatchEvent(new Event('input', { bubbles: true }));
    });
    click('backtest-run');
    expect(FakeWorker.all).toHaveLength(1);
    expect(folds.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('#bt-folds-hint')!.textContent).toBe('Enter a whole number from 2 to 20.');
  });
});
