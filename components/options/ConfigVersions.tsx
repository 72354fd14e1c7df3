// Every applied config version, newest first: name, version, when and where from. Restore applies an older
// version again (a new active version, every account re-scored); Edit copies it into the editor.
import { useState } from 'preact/hooks';
import type { ConfigRow } from '../../lib/data/db';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { sourceText } from './config-text';
import { ask } from './live';

interface Props {
  versions: ConfigRow[];
  activeId: number | null;
  onEdit: (config: unknown) => void;
}

export function ConfigVersions({ versions, activeId, onEdit }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const restore = async (row: ConfigRow) => {
    try {
      const reply = await ask('restoreConfig', { id: row.id! });
      setMessage(reply.ok ? t('versionsRestored', row.name, row.version) : reply.issues.map((i) => t('issueAt', i.path, i.message)).join('; '));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  return (
    <section aria-labelledby="versions-title">
      <h3 id="versions-title">{t('versionsTitle')}</h3>
      {message ? <p role="status" class="notice">{message}</p> : null}
      <table class="versions" data-testid="config-versions">
        <thead>
          <tr><th scope="col">{t('versionsName')}</th><th scope="col">{t('versionsApplied')}</th><th scope="col"><span class="visually-hidden">{t('versionsActions')}</span></th></tr>
        </thead>
        <tbody>
          {versions.map((row) => (
            <tr key={row.id} data-version-id={row.id}>
              <th scope="row">
                {row.name} <span class="muted">{row.version}</span>
                <span class="source">{t('versionsFrom', sourceText(row.source))}</span>
              </th>
              <td class="when">{new Date(row.appliedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td class="row-actions">
                {row.id === activeId ? <span class="chip chip-active">{t('versionsActive')}</span> : (
                  <button type="button" onClick={() => restore(row)} aria-label={t('versionsRestoreLabel', row.name, row.version, row.id!)}>{t('versionsRestore')}</button>
                )}
                <button type="button" onClick={() => onEdit(row.config)} aria-label={t('versionsEditLabel', row.name, row.version, row.id!)}>{t('versionsEdit')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
