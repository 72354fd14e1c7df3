// The scoring tab: the active config in words, the editor with live validation and what-if preview, and the
// applied versions (restorable).
import { useEffect, useState } from 'preact/hooks';
import { getMeta } from '../../lib/data/db';
import { activeConfig } from '../../lib/data/status';
import { t } from '../../lib/i18n';
import { ConfigEditor } from './ConfigEditor';
import { ConfigVersions } from './ConfigVersions';
import { ConfigView } from './ConfigView';
import { db, useLive } from './live';

const loadScoring = async () => ({
  active: await activeConfig(db),
  activeId: (await getMeta<number>(db, 'activeConfigId')) ?? null,
  versions: await db.configs.orderBy('id').reverse().toArray(),
});

export function ScoringTab() {
  const live = useLive(loadScoring, []);
  const [text, setText] = useState<string | null>(null);
  const active = live.state === 'ready' ? live.value.active : null;
  // The editor starts from the active config once it has loaded.
  useEffect(() => {
    if (active && text === null) setText(JSON.stringify(active.config, null, 2));
  }, [active]);
  if (live.state === 'loading') return <p aria-busy="true">{t('popupLoading')}</p>;
  if (live.state === 'error') return <p role="alert" class="error">{live.message}</p>;
  return (
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
  );
}
