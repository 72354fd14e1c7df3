// The backtest report: AUC with its interval, lift and the leading-indicator AUC up front, then churn per tier
// (the table is the source of truth; its bars are decoration, hidden from screen readers), each measure on its
// own, and the suggested weights beside the current ones with both cross-validated AUCs.
import type { BacktestReport, TierChurn } from '../../../lib/data/backtest';
import type { BacktestTimings } from '../../../lib/data/backtest/worker-protocol';
import { t } from '../../../lib/i18n';
import type { ScoringConfig } from '../../../lib/scoring';
import { aucChange, decimal, percent, tierBarShares, weightBarShares } from './view-helpers';

interface Props {
  report: BacktestReport;
  candidate: ScoringConfig | null;
  configName: string;
  timings: BacktestTimings;
  tierColors: ReadonlyMap<string, string>;
  onUseDraft: (candidate: ScoringConfig) => void;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function Bar({ share, color, class: className = '' }: { share: number; color?: string | undefined; class?: string }) {
  return (
    <span class={`bt-track ${className}`} aria-hidden="true">
      <span class="bt-fill" style={{ width: `${(share * 100).toFixed(1)}%`, ...(color ? { background: color } : {}) }} />
    </span>
  );
}

function Headline({ report }: { report: BacktestReport }) {
  const { auc, interval, lift, leading } = report;
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
          {leading ? t('backtestLeadingDetail', leading.churnedWithPoint.toLocaleString(), leading.retainedWithPoint.toLocaleString()) : t('backtestLeadingNoHistory')}
        </dd>
      </div>
    </dl>
  );
}

function TierTable({ tiers, colors }: { tiers: TierChurn[]; colors: ReadonlyMap<string, string> }) {
  const shares = tierBarShares(tiers);
  return (
    <table class="bt-tiers" data-testid="backtest-tiers">
      <caption class="visually-hidden">{t('backtestTiersTitle')}</caption>
      <thead>
        <tr><th scope="col">{t('backtestTier')}</th><th scope="col" class="num">{t('backtestAccounts')}</th><th scope="col" class="num">{t('backtestChurned')}</th><th scope="col">{t('backtestChurnRate')}</th></tr>
      </thead>
      <tbody>
        {tiers.map((tier, i) => (
          <tr key={tier.key} data-tier={tier.key}>
            <th scope="row"><span class="tier-name"><i style={{ background: colors.get(tier.key) ?? 'var(--muted)' }} />{tier.label}</span></th>
            <td class="num">{tier.accounts.toLocaleString()}</td>
            <td class="num">{tier.churned.toLocaleString()}</td>
            <td class="bt-bar-cell"><span class="bt-rate">{percent(tier.churnRate)}</span><Bar share={shares[i]!} color={colors.get(tier.key)} /></td>
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

interface WeightRow {
  key: string;
  label: string;
  weight: number;
  suggestedWeight: number;
  share?: number;
}

/** Current and suggested weights as bars on one scale per table (group and measure weights have different scales). */
function WeightTable({ rows, caption, kind }: { rows: WeightRow[]; caption: string; kind: 'group' | 'measure' }) {
  const shares = weightBarShares(rows);
  return (
    <table class="bt-weights" data-testid={`backtest-${kind}-weights`}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{kind === 'group' ? t('backtestGroupHeader') : t('backtestMeasure')}</th>
          <th scope="col">{t('backtestCurrent')}</th>
          <th scope="col">{t('backtestSuggested')}</th>
          {kind === 'measure' ? <th scope="col" class="num">{t('backtestShare')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.key} data-measure={kind === 'measure' ? row.key : undefined} data-group={kind === 'group' ? row.key : undefined}>
            <th scope="row">{row.label}</th>
            <td><span class="bt-weight"><Bar share={shares[i]!.current} class="bt-current" /><span class="weight-text">{row.weight}</span></span></td>
            <td><span class="bt-weight"><Bar share={shares[i]!.suggested} /><span class="weight-text" data-testid="suggested-weight">{row.suggestedWeight}</span></span></td>
            {kind === 'measure' ? <td class="num">{percent(row.share ?? null)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Suggestion({ report, candidate, onUseDraft }: Pick<Props, 'report' | 'candidate' | 'onUseDraft'>) {
  const { suggestion } = report;
  if (!suggestion) return <p class="muted" data-testid="backtest-no-suggestion">{report.noSuggestion}</p>;
  const change = aucChange(suggestion.current.mean, suggestion.suggested.mean);
  return (
    <div data-testid="backtest-suggestion">
      <p data-testid="backtest-cv">
        {t('backtestCv', suggestion.folds, decimal(suggestion.current.mean), decimal(suggestion.suggested.mean))}{' '}
        {change !== null && change !== 0 ? <span class={change > 0 ? 'delta-up' : 'delta-down'}>({change > 0 ? '+' : ''}{decimal(change)})</span> : null}
      </p>
      <div class="bt-weight-tables">
        {suggestion.groups.length ? <WeightTable rows={suggestion.groups} caption={t('backtestGroupWeights')} kind="group" /> : null}
        <WeightTable rows={suggestion.measures} caption={t('backtestWeightsTitle')} kind="measure" />
      </div>
      {[...suggestion.measures.flatMap((m) => (m.note ? [m.note] : [])), ...suggestion.notes].map((note) => <p key={note} class="muted bt-note">{note}</p>)}
      <div class="editor-actions">
        <button type="button" class="primary" data-testid="backtest-use-draft" disabled={!candidate} onClick={() => candidate && onUseDraft(candidate)}>
          {t('backtestUseDraft')}
        </button>
        <span class="muted">{t('backtestUseDraftHint')}</span>
      </div>
    </div>
  );
}

export function BacktestResults({ report, candidate, configName, timings, tierColors, onUseDraft }: Props) {
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
      <Headline report={report} />
      <h3>{t('backtestTiersTitle')}</h3>
      <TierTable tiers={report.tiers} colors={tierColors} />
      <h3>{t('backtestMeasuresTitle', report.scorecard.label)}</h3>
      <MeasureTable report={report} />
      <h3>{t('backtestWeightsTitle')}</h3>
      <Suggestion report={report} candidate={candidate} onUseDraft={onUseDraft} />
    </div>
  );
}
