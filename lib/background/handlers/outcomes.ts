// An outcomes file from the Backtest view: read here and merged into the stored accounts in one transaction
// (lib/data/outcomes/store.ts), so the background keeps owning writes. Outcomes touch no score, so nothing is
// re-scored or announced.
import type { HealthmarkDb } from '../../data/db';
import { readOutcomeFile } from '../../data/outcomes';
import { storeOutcomes } from '../../data/outcomes/store';
import type { OutcomesFileReport } from '../../messaging';
import type { HandlerGroup } from './types';

export function outcomeHandlers(db: HealthmarkDb): HandlerGroup<'importOutcomes'> {
  return {
    importOutcomes: async ({ name, text, settings }): Promise<OutcomesFileReport> => {
      const file = await readOutcomeFile(text, { ...settings, name });
      const result = await storeOutcomes(db, file, `file:${name}`);
      if (!result.ok) return result;
      const { matched: _, ...report } = result;
      return report;
    },
  };
}
