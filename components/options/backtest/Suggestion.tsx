// The suggested weights beside the current ones (groups and measures in tables with the same columns, each table
// with one number of decimal places, bars on one scale per table), both cross-validated AUCs, and "Use as draft":
// with a caution when the suggestion is weak (too few outcomes, no held-out gain), and a question before it
// replaces edits in the editor that are not applied.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BacktestReport } from '../../../lib/data/backtest';
import { penalty } from '../../../lib/data/backtest/format';
import { t } from '../../../lib/i18n';
import type { ScoringConfig } from '../../../lib/scoring';
import { aucChange, decimal, percent, weightBarShares, weightColumns } from './view-helpers';

interface Props {
  report: BacktestReport;
  candidate: ScoringConfig | null;
  unsavedEdits: boolean;
  onUseDraft: (candidate: ScoringConfig) => void;
}

function Bar({ share, class: className = '' }: { share: number; class?: string }) {
  return (
    <span class={`bt-track ${className}`} aria-hidden="true">
      <span class="bt-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
    </span>
  );
}

interface WeightRow {
  key: string;
  label: string;
  weight: number;
  suggestedWeight: number;
  share: number;
}

/** Current and suggested weights as bars on one scale per table (group and measure weights have different scales). */
function WeightTable({ rows, caption, kind }: { rows: WeightRow[]; caption: string; kind: 'group' | 'measure' }) {
  const shares = weightBarShares(rows);
  const { current, suggested } = weightColumns(rows);
  return (
    <table class="bt-weights" data-testid={`backtest-${kind}-weights`}>
      <caption class="visually-hidden">{caption}</caption>
      <colgroup>
        <col class="bt-col-name" />
        <col class="bt-col-weight" />
        <col class="bt-col-weight" />
        <col class="bt-col-share" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{kind === 'group' ? t('backtestGroupHeader') : t('backtestMeasure')}</th>
          <th scope="col">{t('backtestCurrent')}</th>
          <th scope="col">{t('backtestSuggested')}</th>
          <th scope="col" class="num">{t('backtestShare')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.key} data-measure={kind === 'measure' ? row.key : undefined} data-group={kind === 'group' ? row.key : undefined}>
            <th scope="row">{row.label}</th>
            <td><span class="bt-weight"><Bar share={shares[i]!.current} class="bt-current" /><span class="weight-text">{current[i]}</span></span></td>
            <td><span class="bt-weight"><Bar share={shares[i]!.suggested} /><span class="weight-text" data-testid="suggested-weight">{suggested[i]}</span></span></td>
            <td class="num">{percent(row.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Asks before the draft replaces the editor's edits; focus goes to the question, and back to the button on "keep". */
function ReplaceQuestion({ onReplace, onKeep }: { onReplace: () => void; onKeep: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div role="group" aria-labelledby="bt-replace-text" class="confirm bt-replace" data-testid="backtest-replace-question">
      <p id="bt-replace-text">{t('backtestReplaceEdits')}</p>
      <button type="button" class="primary" ref={first} onClick={onReplace} data-testid="backtest-replace-edits">{t('backtestReplaceYes')}</button>
      <button type="button" onClick={onKeep} data-testid="backtest-keep-edits">{t('backtestReplaceNo')}</button>
    </div>
  );
}

export function Suggestion({ report, candidate, unsavedEdits, onUseDraft }: Props) {
  // 'kept': the admin kept their edits, so focus returns to the button that asked.
  const [question, setQuestion] = useState<'none' | 'asking' | 'kept'>('none');
  const useDraft = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (question === 'kept') useDraft.current?.focus();
  }, [question]);
  const { suggestion, cautions } = report;
  if (!suggestion) return <p class="muted" data-testid="backtest-no-suggestion">{report.noSuggestion}</p>;
  const change = aucChange(suggestion.current.mean, suggestion.suggested.mean);
  const take = () => {
    if (!candidate) return;
    if (unsavedEdits) setQuestion('asking');
    else onUseDraft(candidate);
  };
  const over = suggestion.compared === suggestion.folds ? suggestion.folds : `${suggestion.compared}/${suggestion.folds}`;
  return (
    <div data-testid="backtest-suggestion">
      <p data-testid="backtest-cv">
        {t('backtestCv', over, decimal(suggestion.current.mean), decimal(suggestion.suggested.mean))}{' '}
        {change !== null && change !== 0 ? <span class={change > 0 ? 'delta-up' : 'delta-down'}>({change > 0 ? '+' : ''}{decimal(change)})</span> : null}
      </p>
      <p class="muted bt-note" data-testid="backtest-penalty">{t('backtestPenalty', penalty(suggestion.l2), suggestion.l2Grid.map(penalty).join(', '))}</p>
      <div class="bt-weight-tables">
        {suggestion.groups.length ? <WeightTable rows={suggestion.groups} caption={t('backtestGroupWeights')} kind="group" /> : null}
        <WeightTable rows={suggestion.measures} caption={t('backtestWeightsTitle')} kind="measure" />
      </div>
      {[...suggestion.measures.flatMap((m) => (m.note ? [m.note] : [])), ...suggestion.notes].map((note) => <p key={note} class="muted bt-note">{note}</p>)}
      {cautions.length ? (
        <div class="bt-caution" id="bt-caution" data-testid="backtest-caution">
          <p><strong>{t('backtestCautionTitle')}</strong></p>
          <ul>{cautions.map((caution) => <li key={caution}>{caution}</li>)}</ul>
        </div>
      ) : null}
      {question === 'asking' && candidate ? (
        <ReplaceQuestion onReplace={() => onUseDraft(candidate)} onKeep={() => setQuestion('kept')} />
      ) : (
        <div class="editor-actions">
          <button
            type="button"
            ref={useDraft}
            class={cautions.length ? '' : 'primary'}
            data-testid="backtest-use-draft"
            disabled={!candidate}
            aria-describedby={cautions.length ? 'bt-caution bt-draft-hint' : 'bt-draft-hint'}
            onClick={take}
          >
            {cautions.length ? t('backtestUseDraftAnyway') : t('backtestUseDraft')}
          </button>
          <span class="muted" id="bt-draft-hint">{t('backtestUseDraftHint')}</span>
        </div>
      )}
    </div>
  );
}
