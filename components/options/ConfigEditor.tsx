// The config editor: JSON in a textarea, checked on every keystroke (syntax errors with line and column, config
// problems by path), a what-if preview against the stored accounts once it is valid, and Apply.
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseConfigText } from '../../lib/data/import/config';
import { errorMessage } from '../../lib/errors';
import { plural, t } from '../../lib/i18n';
import type { ScoringConfig } from '../../lib/scoring';
import type { ConfigIssue } from '../../lib/scoring/types';
import { useWhatIf } from './use-what-if';
import { WhatIfView } from './WhatIfView';
import { ask } from './live';

const PRESETS = { default: '/presets/default.json', segmented: '/presets/segmented.json' } as const;

function Issues({ issues }: { issues: ConfigIssue[] }) {
  return (
    <div class="issues" role="alert">
      <p><strong>{plural(issues.length, 'editorIssuesOne', 'editorIssues')}</strong></p>
      <ul data-testid="config-issues">
        {issues.map((i) => <li key={`${i.path}:${i.message}`}><code>{i.path}</code> {i.message}</li>)}
      </ul>
    </div>
  );
}

interface Props {
  text: string;
  onText: (text: string) => void;
  active: ScoringConfig | null;
}

export function ConfigEditor({ text, onText, active }: Props) {
  const parsed = useMemo(() => parseConfigText(text), [text]);
  const [notice, setNotice] = useState<string | null>(null);
  const [serverIssues, setServerIssues] = useState<ConfigIssue[]>([]);
  const [applying, setApplying] = useState(false);
  const valid = parsed.ok ? parsed.config : null;
  const unchanged = !!valid && !!active && JSON.stringify(valid) === JSON.stringify(active);
  const preview = useWhatIf(unchanged ? null : valid, active);
  // An empty editor (no config stored yet) has nothing to report.
  const issues: ConfigIssue[] = parsed.ok || !text.trim() ? serverIssues : parsed.kind === 'syntax' ? [{ path: t('editorSyntax'), message: parsed.message }] : parsed.issues;

  const edit = (value: string) => {
    setNotice(null);
    setServerIssues([]);
    onText(value);
  };
  const loadPreset = async (name: keyof typeof PRESETS) => {
    try {
      const response = await fetch(browser.runtime.getURL(PRESETS[name]));
      edit(JSON.stringify(await response.json(), null, 2));
    } catch (error) {
      setServerIssues([{ path: PRESETS[name], message: errorMessage(error) }]);
    }
  };
  const apply = async () => {
    if (!valid) return;
    setApplying(true);
    try {
      const reply = await ask('applyConfig', { config: JSON.parse(text) });
      if (reply.ok) setNotice(t('editorApplied', valid.name, valid.version, plural(reply.accounts, 'countAccountsOne', 'countAccounts'), reply.tierChanges.toLocaleString()));
      else setServerIssues(reply.issues);
    } catch (error) {
      setServerIssues([{ path: 'config', message: errorMessage(error) }]);
    } finally {
      setApplying(false);
    }
  };

  return (
    <section class="editor" aria-labelledby="editor-title">
      <h2 id="editor-title">{t('editorTitle')}</h2>
      <div class="editor-tools">
        <button type="button" disabled={!active} onClick={() => active && edit(JSON.stringify(active, null, 2))}>{t('editorReset')}</button>
        <button type="button" onClick={() => loadPreset('default')}>{t('editorPreset', 'default')}</button>
        <button type="button" onClick={() => loadPreset('segmented')}>{t('editorPreset', 'segmented')}</button>
      </div>
      <label class="visually-hidden" for="config-text">{t('editorLabel')}</label>
      <textarea
        id="config-text"
        class="code"
        spellcheck={false}
        autoComplete="off"
        rows={22}
        value={text}
        onInput={(e) => edit(e.currentTarget.value)}
        aria-invalid={issues.length > 0}
        aria-describedby="editor-state"
      />
      <div id="editor-state" aria-live="polite">
        {issues.length ? <Issues issues={issues} /> : null}
        {valid ? <p class="ok" data-testid="config-valid">{unchanged ? t('editorIsActive') : t('editorValid', valid.name, valid.version)}</p> : null}
      </div>
      <div class="editor-actions">
        <button type="button" class="primary" data-testid="apply-config" disabled={!valid || unchanged || applying} onClick={apply}>
          {applying ? t('editorApplying') : t('editorApply')}
        </button>
        {notice ? <p role="status" class="notice" data-testid="apply-notice">{notice}</p> : null}
      </div>
      {/* Always in the page, so screen readers hear the preview start and finish. */}
      <p class="visually-hidden" role="status">
        {preview.state === 'running' ? t('whatIfRunning') : preview.state === 'done' ? plural(preview.result.moves.length, 'whatIfMovesOne', 'whatIfMoves') : ''}
      </p>
      {preview.state === 'running' ? <p aria-busy="true" class="muted">{t('whatIfRunning')}</p> : null}
      {preview.state === 'error' ? <p role="alert" class="error">{preview.message}</p> : null}
      {preview.state === 'done' ? (
        <section aria-labelledby="whatif-title">
          <h3 id="whatif-title">{t('whatIfTitle')}</h3>
          <WhatIfView result={preview.result} />
        </section>
      ) : null}
    </section>
  );
}
