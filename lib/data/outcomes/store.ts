// Outcomes files into the extension's database: matched against the stored accounts and written in ONE
// transaction that also reads the accounts and identities, so the report describes exactly what was written —
// or, when the file is refused, nothing is written at all.
import type { HealthmarkDb, OutcomeRow } from '../db';
import { type OutcomesResult, matchOutcomes } from './match';
import type { OutcomeFile } from './read';

export async function storeOutcomes(db: HealthmarkDb, file: OutcomeFile, source: string, now = new Date()): Promise<OutcomesResult> {
  if (!file.ok) return matchOutcomes(file, () => undefined);
  const byId = file.columns!.match === 'id';
  const keys = [...new Set(file.records.flatMap((record) => record.keys))];
  return db.transaction('rw', [db.accounts, db.identities, db.outcomes], async () => {
    const owners = new Map<string, string>();
    if (byId) {
      const known = await db.accounts.where(':id').anyOf(keys).primaryKeys();
      for (const id of known) owners.set(id, id);
    } else {
      for (const row of await db.identities.bulkGet(keys)) if (row) owners.set(row.key, row.accountId);
    }
    const result = matchOutcomes(file, (key) => owners.get(key));
    if (!result.ok) return result;
    const loadedAt = now.toISOString();
    await db.outcomes.bulkPut(result.matched.map(({ accountId, outcome }): OutcomeRow => ({ accountId, ...outcome, source, loadedAt })));
    return result;
  });
}

/** Every loaded outcome by account id. */
export async function loadedOutcomes(db: HealthmarkDb): Promise<Map<string, OutcomeRow>> {
  return new Map((await db.outcomes.toArray()).map((row) => [row.accountId, row]));
}
