// The scoring tab: the active config in words, the editor with live validation and what-if preview, and the
// applied versions (restorable); at #/scoring/backtest the backtest of the active or the edited config, whose
// suggested weights can become the editor's draft (after asking, when the editor holds edits not applied).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getMeta } from '../../lib/data/db';
import { parseConfigText } from '../../lib/data/import/config';
import { activeConfig } from '../../lib/data/status';
import { t } from '../../lib/i18n';
import type { ScoringConfig } from '../../lib/scoring';
import { BacktestView } from './backtest/BacktestView';
import { ConfigEditor } from './ConfigEditor';
import { ConfigVersions } from './ConfigVersions';
import { ConfigView } from './ConfigView';
import { db, useLive } from './live';
import { routeHash } from './route';

const loadScoring = async () => ({
  active: await activeConfig(db),
  activeId: (await getMeta<number>(db, 'activeConfigId')) ?? null,
  versions: await db.configs.orderBy('id').reverse().toArray(),
});

/** The route id of the backtest view (`#/scoring/backtest`). */
export const BACKTEST = 'backtest';

function ViewSwitch({ backtest }: { backtest: boolean }) {
  return (
    <nav class="subnav" aria-label={t('backtestViews')}>
      <a href={routeHash('scoring')} aria-current={backtest ? undefined : 'page'}>{t('backtestViewConfig')}</a>
      <a href={routeHash('scoring', BACKTEST)} aria-current={backtest ? 'page' : undefined} data-testid="scoring-backtest-link">{t('backtestTab')}</a>
    </nav>
  );
}

export function ScoringTab({ backtest }: { backtest: boolean }) {
  const live = useLive(loadScoring, []);
  const [text, setText] = useState<string | null>(null);
  const active = live.state === 'ready' ? live.value.active : null;
  // The editor starts from the active config once it has loaded.
  useEffect(() => {
    if (active && text === null) setText(JSON.stringify(active.config, null, 2));
  }, [active]);
  // Keyboard focus follows a draft taken from the backtest into the editor.
  const [draftTaken, setDraftTaken] = useState(false);
  useEffect(() => {
    if (draftTaken && !backtest) document.getElementById('config-text')?.focus();
    setDraftTaken(false);
  }, [backtest]);
  // The editor's config when it is valid and differs from the active one; and whether the editor holds anything
  // but the active config (valid or not): work that taking a draft would overwrite.
  const { draft, unsavedEdits } = useMemo(() => {
    const parsed = parseConfigText(text ?? '');
    const differs = !parsed.ok || JSON.stringify(parsed.config) !== JSON.stringify(active?.config);
    return { draft: parsed.ok && differs ? parsed.config : null, unsavedEdits: text !== null && differs };
  }, [text, active]);
  if (live.state === 'loading') return <p aria-busy="true">{t('popupLoading')}</p>;
  if (live.state === 'error') return <p role="alert" class="error">{live.message}</p>;
  // The suggestion goes into the editor, whose what-if preview then compares it with the active config.
  const takeDraft = (candidate: ScoringConfig) => {
    setText(JSON.stringify(candidate, null, 2));
    setDraftTaken(true);
    location.hash = routeHash('scoring');
  };
  return (
    <>
      <ViewSwitch backtest={backtest} />
      {backtest ? (
        <BacktestView active={active?.config ?? null} draft={draft} unsavedEdits={unsavedEdits} onUseDraft={takeDraft} />
      ) : (
        <div class="scoring">
          <section class="panel" aria-labelledby="active-title">
            <h2 id="active-title">{t('scoringActive')}</h2>
            {active ? <ConfigView config={active.config} /> : <p>{t('scoringNoConfig')}</p>}
          </section>
          <section class="panel">
            <ConfigEditor text={text ?? ''} onText={setText} active={active?.config ?? null} />
            <ConfigVersions versions={live.value.versions} activeId={live.value.activeId} onEdit={(config) => setText(JSON.stringify(config, null, 2))} />
          </section>
        </div>
      )}
    </>
  );
}
