// Scoring configs from the options page: apply an edited config, or restore a stored version. Either becomes a
// new active version and every account is re-scored in the same transaction (lib/data/rescore).
import type { HealthmarkDb } from '../../data/db';
import { applyConfigVersion } from '../../data/rescore';
import { readStatus } from '../../data/status';
import { t } from '../../i18n';
import { broadcastToUi } from '../../messaging';
import { validateConfig } from '../../scoring';
import type { HandlerGroup } from './types';

export function configHandlers(db: HealthmarkDb): HandlerGroup<'applyConfig' | 'restoreConfig'> {
  const apply = async (input: unknown, source: string) => {
    const checked = validateConfig(input);
    if (!checked.ok) return { ok: false as const, issues: checked.issues };
    const applied = await applyConfigVersion(db, checked.config, source);
    await broadcastToUi('statusChanged', await readStatus(db));
    return { ok: true as const, ...applied };
  };
  return {
    applyConfig: ({ config }) => apply(config, 'editor'),
    restoreConfig: async ({ id }) => {
      const row = await db.configs.get(id);
      if (!row) return { ok: false, issues: [{ path: 'id', message: t('versionsErrMissing', id) }] };
      return apply(row.config, `restored:${id}`);
    },
  };
}
