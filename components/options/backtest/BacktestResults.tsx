// The backtest report: AUC with its interval, lift and the leading-indicator AUC up front, then churn per tier (a
// bar chart, with the table as the data for screen readers), each measure on its own, and the suggested weights
// beside the current ones with both cross-validated AUCs.
import type { BacktestReport, TierChurn } from '../../../lib/data/backtest';
import type { BacktestTimings } from '../../../lib/data/backtest/worker-protocol';
import { t } from '../../../lib/i18n';
import type { ScoringConfig } from '../../../lib/scoring';
import { Suggestion } from './Suggestion';
import { TierChart } from './TierChart';
import { decimal, percent } from './view-helpers';

interface Props {
  report: BacktestReport;
  candidate: ScoringConfig | null;
  configName: string;
  timings: BacktestTimings;
  tierColors: ReadonlyMap<string, string>;
  /** The run tested a config other than the active one (the leading check was not made). */
  testedDraft: boolean;
  /** The editor holds changes that are not applied: taking the draft asks first. */
  unsavedEdits: boolean;
  onUseDraft: (candidate: ScoringConfig) => void;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function Headline({ report, testedDraft }: { report: BacktestReport; testedDraft: boolean }) {
  const { auc, interval, lift, leading } = report;
  const noLeading = testedDraft ? t('backtestLeadingDraft') : t('backtestLeadingNoHistory');
  return (
    <dl class="bt-figures">
      <div data-testid="backtest-auc">
        <dt>{t('backtestAuc')}</dt>
        <dd class="bt-big">{auc.defined ? decimal(auc.auc) : '–'}</dd>
        <dd class="muted">
          {!auc.defined ? auc.reason : interval ? t('backtestInterval', Math.round(interval.level * 100), decimal(interval.low), decimal(interval.high), interval.replicates) : null}
        </dd>
      </div>
      <div data-testid="backtest-lift">
        <dt>{t('backtestLift')}</dt>
        <dd class="bt-big">{lift?.lift == null ? '–' : `${decimal(lift.lift, 1)}×`}</dd>
        <dd class="muted">{lift ? t('backtestLiftDetail', percent(lift.churnRate), percent(lift.overallChurnRate), lift.accounts.toLocaleString()) : null}</dd>
      </div>
      <div data-testid="backtest-leading">
        <dt>{leading ? t('backtestLeading', leading.leadDays) : t('backtestLeadingNone')}</dt>
        <dd class="bt-big">{leading?.auc.defined ? decimal(leading.auc.auc) : '–'}</dd>
        <dd class="muted">
          {leading ? `${t('backtestLeadingSource')} ${t('backtestLeadingDetail', leading.churnedWithPoint.toLocaleString(), leading.retainedWithPoint.toLocaleString())}` : noLeading}
        </dd>
      </div>
    </dl>
  );
}

function TierTable({ tiers, colors }: { tiers: TierChurn[]; colors: ReadonlyMap<string, string> }) {
  return (
    <table class="bt-tiers" data-testid="backtest-tiers">
      <caption class="visually-hidden">{t('backtestTiersTitle')}</caption>
      <thead>
        <tr><th scope="col">{t('backtestTier')}</th><th scope="col" class="num">{t('backtestAccounts')}</th><th scope="col" class="num">{t('backtestChurned')}</th><th scope="col" class="num">{t('backtestChurnRate')}</th></tr>
      </thead>
      <tbody>
        {tiers.map((tier) => (
          <tr key={tier.key} data-tier={tier.key}>
            <th scope="row"><span class="tier-name"><i style={{ background: colors.get(tier.key) ?? 'var(--muted)' }} />{tier.label}</span></th>
            <td class="num">{tier.accounts.toLocaleString()}</td>
            <td class="num">{tier.churned.toLocaleString()}</td>
            <td class="num bt-rate">{percent(tier.churnRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const VERDICT_MARK = { 'as-configured': '✓', opposite: '✗', 'no-signal': '·', undefined: '?' } as const;

function MeasureTable({ report }: { report: BacktestReport }) {
  return (
    <table class="bt-measures" data-testid="backtest-measures">
      <caption class="visually-hidden">{t('backtestMeasuresTitle', report.scorecard.label)}</caption>
      <thead>
        <tr><th scope="col">{t('backtestMeasure')}</th><th scope="col" class="num">{t('backtestAuc')}</th><th scope="col">{t('backtestVerdict')}</th></tr>
      </thead>
      <tbody>
        {report.measures.map((m) => (
          <tr key={m.key} data-verdict={m.verdict}>
            <th scope="row">{m.label}</th>
            <td class="num">{m.auc.defined ? decimal(m.auc.auc) : '–'}</td>
            <td><span class={`bt-verdict bt-${m.verdict}`} aria-hidden="true">{VERDICT_MARK[m.verdict]}</span> {m.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BacktestResults({ report, candidate, configName, timings, tierColors, testedDraft, unsavedEdits, onUseDraft }: Props) {
  const p = report.population;
  return (
    <div class="bt-results" data-testid="backtest-results">
      <p class="muted" data-testid="backtest-population" data-read-ms={timings.readMs.toFixed(0)} data-run-ms={timings.runMs.toFixed(0)}>
        {t('backtestPopulation', configName, p.accounts.toLocaleString(), p.churned.toLocaleString(), p.retained.toLocaleString())}{' '}
        {t('backtestTimings', seconds(timings.readMs + timings.runMs), seconds(timings.readMs), seconds(timings.runMs))}
      </p>
      {report.warnings.length ? (
        <ul class="bt-warnings" data-testid="backtest-warnings" aria-label={t('backtestWarnings')}>
          {report.warnings.map((warning) => <li key={warning}>{warning}</li>)}
        </ul>
      ) : null}
      <Headline report={report} testedDraft={testedDraft} />
      <h3>{t('backtestTiersTitle')}</h3>
      <div class="bt-tier-view">
        <TierChart tiers={report.tiers} colors={tierColors} />
        <TierTable tiers={report.tiers} colors={tierColors} />
      </div>
      <h3>{t('backtestMeasuresTitle', report.scorecard.label)}</h3>
      <MeasureTable report={report} />
      <h3>{t('backtestWeightsTitle')}</h3>
      <Suggestion report={report} candidate={candidate} unsavedEdits={unsavedEdits} onUseDraft={onUseDraft} />
    </div>
  );
}
