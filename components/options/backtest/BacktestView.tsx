// Scoring → Backtest: load an outcomes file if the accounts lack outcomes, choose the config (the active one, or
// the valid one in the editor), the options, and run the backtest in a Web Worker with progress and Cancel.
// "Use as draft" hands the suggested config to the editor; nothing is applied here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import type { ScoringConfig } from '../../../lib/scoring';
import { type OptionTexts, FIELD_LIMITS, readOptions } from './backtest-state';
import { BacktestResults } from './BacktestResults';
import { OutcomesPanel } from './OutcomesPanel';
import { useBacktest } from './use-backtest';

interface Props {
  active: ScoringConfig | null;
  /** The editor's config when it is valid and differs from the active one. */
  draft: ScoringConfig | null;
  /** The editor holds text that is not the active config's (valid or not): a draft taken here would replace it. */
  unsavedEdits: boolean;
  onUseDraft: (candidate: ScoringConfig) => void;
}

const FIELDS: [keyof OptionTexts, () => string, () => string][] = [
  ['leadDays', () => t('backtestLeadDays'), () => t('backtestLeadDaysHint')],
  ['folds', () => t('backtestFolds'), () => t('backtestFoldsHint')],
  ['seed', () => t('backtestSeed'), () => t('backtestSeedHint')],
];

const STAGE_TEXT = {
  read: () => t('backtestStageRead'),
  score: () => t('backtestStageScore'),
  auc: () => t('backtestStageAuc'),
  bootstrap: () => t('backtestStageBootstrap'),
  measures: () => t('backtestStageMeasures'),
  leading: () => t('backtestStageLeading'),
  fit: () => t('backtestStageFit'),
} as const;

export function BacktestView({ active, draft, unsavedEdits, onUseDraft }: Props) {
  const [which, setWhich] = useState<'active' | 'draft'>('active');
  const [texts, setTexts] = useState<OptionTexts>({ leadDays: '30', folds: '5', seed: '1' });
  const [errors, setErrors] = useState<Partial<OptionTexts>>({});
  const [tested, setTested] = useState<ScoringConfig | null>(null);
  const { run, start, cancel } = useBacktest();
  const chosen = which === 'draft' && draft ? draft : active;
  const running = run.state === 'running';
  // Run is disabled while running, so keyboard focus moves to Cancel, then to what the run produced.
  const cancelButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run.state === 'running') cancelButton.current?.focus();
    else if (run.state !== 'idle') outcome.current?.focus();
  }, [run.state]);

  const submit = (event: Event) => {
    event.preventDefault();
    const read = readOptions(texts);
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok || !chosen) return;
    setTested(chosen);
    start({ config: chosen === active ? null : chosen, options: read.options });
  };
  const tierColors = new Map((tested?.tiers ?? []).map((tier) => [tier.key, tier.color]));

  return (
    <section class="panel backtest" aria-labelledby="backtest-title">
      <h2 id="backtest-title">{t('backtestTitle')}</h2>
      <p class="muted">{t('backtestIntro')}</p>
      <OutcomesPanel />
      <h3>{t('backtestRunTitle')}</h3>
      <form class="bt-form" onSubmit={submit} noValidate>
        <fieldset class="bt-choice">
          <legend>{t('backtestConfig')}</legend>
          <label>
            <input type="radio" name="bt-config" checked={which === 'active' || !draft} onChange={() => setWhich('active')} disabled={!active} />{' '}
            {active ? t('backtestConfigActive', active.name, active.version) : t('scoringNoConfig')}
          </label>
          <label>
            <input type="radio" name="bt-config" checked={which === 'draft' && !!draft} onChange={() => setWhich('draft')} disabled={!draft} />{' '}
            {draft ? t('backtestConfigDraft', draft.name, draft.version) : t('backtestConfigNoDraft')}
          </label>
        </fieldset>
        <div class="field-row">
          {FIELDS.map(([field, label, hint]) => (
            <label key={field} class="field">
              {label()}
              <input
                type="number"
                inputMode="numeric"
                min={FIELD_LIMITS[field].min}
                max={FIELD_LIMITS[field].max}
                value={texts[field]}
                onInput={(e) => setTexts({ ...texts, [field]: e.currentTarget.value })}
                aria-invalid={!!errors[field]}
                aria-describedby={`bt-${field}-hint`}
              />
              <span id={`bt-${field}-hint`} class={errors[field] ? 'field-error' : 'bt-hint muted'}>{errors[field] ?? hint()}</span>
            </label>
          ))}
        </div>
        <div class="editor-actions">
          <button type="submit" class="primary" data-testid="backtest-run" disabled={running || !chosen}>{t('backtestRun')}</button>
          {running ? <button type="button" data-testid="backtest-cancel" ref={cancelButton} onClick={cancel}>{t('backtestCancel')}</button> : null}
        </div>
      </form>
      <div aria-live="polite" class="bt-status">
        {run.state === 'running' ? (
          <p class="bt-progress" data-testid="backtest-progress">
            <progress max={1} value={run.progress} aria-label={t('backtestProgress')} /> {STAGE_TEXT[run.stage]()} {Math.round(run.progress * 100)}%
          </p>
        ) : null}
      </div>
      <div ref={outcome} tabIndex={-1} role="region" aria-label={t('backtestOutcome')}>
        {run.state === 'cancelled' ? <p class="notice" role="status" data-testid="backtest-cancelled">{t('backtestCancelled')}</p> : null}
        {run.state === 'error' ? <p role="alert" class="error" data-testid="backtest-error">{run.message}</p> : null}
        {run.state === 'done' ? (
          <BacktestResults
            report={run.report}
            candidate={run.candidate}
            configName={run.configName}
            timings={run.timings}
            tierColors={tierColors}
            testedDraft={tested !== active}
            unsavedEdits={unsavedEdits}
            onUseDraft={onUseDraft}
          />
        ) : null}
      </div>
    </section>
  );
}
