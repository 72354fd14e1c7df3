// @vitest-environment happy-dom
// The Backtest view with a stand-in for its Web Worker: what it asks the worker, progress, Cancel terminating
// the worker, a late message from a terminated worker ignored, the report (tier chart included), a candidate
// config from the editor tested instead of the active one, and "Use as draft" — with a caution for a weak
// suggestion and a question before it replaces edits that are not applied.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BacktestView } from '../../../components/options/backtest/BacktestView';
import { type BacktestReport, backtestConfig } from '../../../lib/data/backtest';
import type { BacktestRequest, WorkerMessage } from '../../../lib/data/backtest/worker-protocol';
import { type ScoringConfig, validateConfig } from '../../../lib/scoring';
import { percent } from '../../../lib/data/backtest/format';
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
const accounts = presetAccounts(600, 3);
const now = new Date(`${AS_OF}T12:00:00Z`);
function resultFor(config: ScoringConfig, name: string): { message: Extract<WorkerMessage, { kind: 'result' }>; report: BacktestReport; candidate: ScoringConfig } {
  const computed = backtestConfig({ config, accounts, now }, { bootstrapReplicates: 50 });
  if (!computed.ok || !computed.candidate) throw new Error('the fixture must give a report with a draft');
  const message = { kind: 'result' as const, report: computed.report, candidate: computed.candidate, configName: name, timings: { readMs: 120, runMs: 480 } };
  return { message, report: computed.report, candidate: computed.candidate };
}
const computed = resultFor(active, 'Default SaaS health 2025.1');
const result = computed.message;
// The editor's candidate: the same config with nearly all group weight on support & billing.
const edited = structuredClone(active);
edited.version = 'edited';
edited.scorecards[0]!.groups!.forEach((group, g) => (group.weight = g === 3 ? 97 : 1));

let host: HTMLElement;
let onUseDraft: ReturnType<typeof vi.fn<(candidate: ScoringConfig) => void>>;
function mount(props: { draft?: ScoringConfig | null; unsavedEdits?: boolean } = {}) {
  act(() => render(<BacktestView active={active} draft={props.draft ?? null} unsavedEdits={props.unsavedEdits ?? false} onUseDraft={onUseDraft} />, host));
}
beforeEach(() => {
  FakeWorker.all = [];
  onUseDraft = vi.fn<(candidate: ScoringConfig) => void>();
  host = document.createElement('div');
  document.body.append(host);
  mount();
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
    // The chart draws one bar per tier, hidden from screen readers: the table holds the same figures.
    const chart = byTestId('backtest-tier-chart')!;
    expect(chart.getAttribute('aria-hidden')).toBe('true');
    expect(chart.querySelectorAll('rect.bt-chart-bar')).toHaveLength(report.tiers.length);
    expect([...chart.querySelectorAll('.bt-chart-value')].map((text) => text.textContent)).toEqual(report.tiers.map((tier) => percent(tier.churnRate)));
    // Group and measure weights in tables with the same columns; each table with one number of decimals.
    for (const kind of ['group', 'measure']) {
      expect([...host.querySelectorAll(`[data-testid="backtest-${kind}-weights"] thead th`)].map((th) => th.textContent)).toEqual([kind === 'group' ? 'Group' : 'Measure', 'Current weight', 'Suggested weight', 'Share of score']);
      const decimals = [...host.querySelectorAll(`[data-testid="backtest-${kind}-weights"] .weight-text`)].map((cell) => cell.textContent!.split('.')[1]?.length ?? 0);
      expect(new Set(decimals).size).toBe(1);
    }
    expect(byTestId('backtest-caution')).toBeNull();
    expect(byTestId('backtest-use-draft')!.className).toBe('primary');
    click('backtest-use-draft');
    expect(onUseDraft).toHaveBeenCalledWith(computed.candidate);
  });

  test('the config in the editor is sent to the worker and its own figures are shown, without a leading check', () => {
    act(() => render(null, host));
    mount({ draft: edited });
    const draftRadio = host.querySelectorAll<HTMLInputElement>('input[name="bt-config"]')[1]!;
    expect(draftRadio.disabled).toBe(false);
    act(() => draftRadio.click());
    click('backtest-run');
    expect(FakeWorker.all[0]!.requests).toEqual([{ config: edited, options: { leadDays: 30, folds: 5, seed: 1 } }]);
    const own = resultFor(edited, 'Default SaaS health edited');
    FakeWorker.all[0]!.send({ ...own.message, report: { ...own.report, leading: null } });
    const shownAuc = byTestId('backtest-auc')!.querySelector('.bt-big')!.textContent;
    expect(own.report.auc.defined && computed.report.auc.defined).toBe(true);
    if (!own.report.auc.defined || !computed.report.auc.defined) return;
    expect(shownAuc).toBe(own.report.auc.auc.toFixed(2));
    expect(shownAuc).not.toBe(computed.report.auc.auc.toFixed(2));
    expect(byTestId('backtest-population')!.textContent).toContain('Default SaaS health edited on 600 accounts');
    expect(byTestId('backtest-leading')!.textContent).toContain('not computed for the config in the editor');
  });

  test('a weak suggestion gets a caution and a plain button; unsaved edits are replaced only after asking', () => {
    act(() => render(null, host));
    mount({ unsavedEdits: true });
    click('backtest-run');
    const cautions = ['Too few outcomes (13 churned, 17 retained; at least 20 of each are needed): these weights may fit chance rather than what drives churn.'];
    FakeWorker.all[0]!.send({ ...result, report: { ...computed.report, cautions } });
    expect(byTestId('backtest-caution')!.textContent).toContain(cautions[0]);
    const button = byTestId('backtest-use-draft')!;
    expect(button.className).toBe('');
    expect(button.textContent).toBe('Use as draft anyway');
    expect(button.getAttribute('aria-describedby')).toBe('bt-caution bt-draft-hint');

    click('backtest-use-draft');
    expect(onUseDraft).not.toHaveBeenCalled();
    expect(byTestId('backtest-replace-question')!.textContent).toContain('The editor holds changes that are not applied.');
    expect(document.activeElement).toBe(byTestId('backtest-replace-edits'));
    click('backtest-keep-edits');
    expect(byTestId('backtest-replace-question')).toBeNull();
    expect(document.activeElement).toBe(byTestId('backtest-use-draft'));
    expect(onUseDraft).not.toHaveBeenCalled();
    click('backtest-use-draft');
    click('backtest-replace-edits');
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
