// The data state the popup shows: demo or synced, how many accounts, which config, how they spread over tiers.
import type { DataStatus } from '../messaging';
import type { ScoringConfig } from '../scoring';
import { type DataMode, type HealthmarkDb, getMeta } from './db';

export async function activeConfig(db: HealthmarkDb): Promise<{ id: number; config: ScoringConfig } | null> {
  const id = await getMeta<number>(db, 'activeConfigId');
  if (id === undefined) return null;
  const row = await db.configs.get(id);
  return row ? { id, config: row.config as ScoringConfig } : null;
}

export async function readStatus(db: HealthmarkDb): Promise<DataStatus> {
  return db.transaction('r', [db.meta, db.configs, db.accounts, db.scores], async () => {
    const active = await activeConfig(db);
    const mode = (await getMeta<DataMode>(db, 'dataMode')) ?? 'empty';
    const [tiers, accountCount, scored] = await Promise.all([
      Promise.all((active?.config.tiers ?? []).map(async (t) => ({ key: t.key, label: t.label, color: t.color, count: await db.scores.where('tier').equals(t.key).count() }))),
      db.accounts.count(),
      db.scores.count(),
    ]);
    return {
      mode,
      accountCount,
      config: active ? { name: active.config.name, version: active.config.version } : null,
      tiers,
      // Accounts without a tier, from counts alone: reading every score row would take seconds at 100k accounts.
      insufficient: Math.max(0, scored - tiers.reduce((n, t) => n + t.count, 0)),
      updatedAt: (await getMeta<string>(db, 'updatedAt')) ?? null,
    };
  });
}
