// The data state the popup shows: demo or synced, how many accounts, which config, how they spread over tiers.
// IndexedDB counts by walking rows (about a second per count at 100k accounts in Chromium), so every write that
// changes scores stores the status it leaves behind in the meta table, inside its own transaction: the popup
// reads one row, and that row always describes exactly the data beside it. Counting is the fallback for a
// database no write has stored a status in yet.
import type { DataStatus } from '../messaging';
import type { ScoringConfig } from '../scoring';
import { isAlert } from './changes';
import { type DataMode, type HealthmarkDb, type ScoreRow, getMeta, setMeta } from './db';

export const STATUS_KEY = 'status';

export async function activeConfig(db: HealthmarkDb): Promise<{ id: number; config: ScoringConfig } | null> {
  const id = await getMeta<number>(db, 'activeConfigId');
  if (id === undefined) return null;
  const row = await db.configs.get(id);
  return row ? { id, config: row.config as ScoringConfig } : null;
}

export const EMPTY_STATUS: DataStatus = { mode: 'empty', accountCount: 0, config: null, tiers: [], insufficient: 0, updatedAt: null, alerts: 0 };

/** The status of a complete set of score rows (what a data or config apply has just written, with its alerts). */
export function statusOf(config: ScoringConfig, mode: DataMode, accountCount: number, rows: readonly Pick<ScoreRow, 'tier'>[], updatedAt: string | null, alerts = 0): DataStatus {
  const counts = new Map(config.tiers.map((t) => [t.key, 0]));
  let insufficient = 0;
  for (const row of rows) {
    const n = row.tier === null ? undefined : counts.get(row.tier);
    if (n === undefined) insufficient++;
    else counts.set(row.tier!, n + 1);
  }
  return {
    mode,
    accountCount,
    config: { name: config.name, version: config.version },
    tiers: config.tiers.map((t) => ({ key: t.key, label: t.label, color: t.color, count: counts.get(t.key)! })),
    insufficient,
    updatedAt,
    alerts,
  };
}

/** Records how many alerts were stored with the data in use (a synced config's, added after its apply). */
export async function setStatusAlerts(db: HealthmarkDb, alerts: number): Promise<void> {
  const status = await getMeta<DataStatus>(db, STATUS_KEY);
  if (status) await setMeta(db, STATUS_KEY, { ...status, alerts });
}

/** The status after one account's row moved from tier `before` to `after` (null: no tier; undefined: no row). */
export function movedStatus(status: DataStatus, before: string | null | undefined, after: string | null): DataStatus {
  const known = (key: string | null | undefined) => key != null && status.tiers.some((t) => t.key === key);
  const tiers = status.tiers.map((t) => ({ ...t, count: t.count - (t.key === before ? 1 : 0) + (t.key === after ? 1 : 0) }));
  const insufficient = status.insufficient - (before !== undefined && !known(before) ? 1 : 0) + (known(after) ? 0 : 1);
  return { ...status, tiers, insufficient };
}

/** Counts every table the status describes (one index count per tier): seconds at 100k accounts. */
export async function countStatus(db: HealthmarkDb): Promise<DataStatus> {
  return db.transaction('r', [db.meta, db.configs, db.accounts, db.scores, db.changes], async () => {
    const active = await activeConfig(db);
    const mode = (await getMeta<DataMode>(db, 'dataMode')) ?? 'empty';
    const updatedAt = (await getMeta<string>(db, 'updatedAt')) ?? null;
    const [tiers, accountCount, scored, alerts] = await Promise.all([
      Promise.all((active?.config.tiers ?? []).map(async (t) => ({ key: t.key, label: t.label, color: t.color, count: await db.scores.where('tier').equals(t.key).count() }))),
      db.accounts.count(),
      db.scores.count(),
      updatedAt === null ? 0 : db.changes.where('at').aboveOrEqual(updatedAt).filter(isAlert).count(),
    ]);
    return {
      mode,
      accountCount,
      config: active ? { name: active.config.name, version: active.config.version } : null,
      tiers,
      // Accounts without a tier, from counts alone: reading every score row would take seconds at 100k accounts.
      insufficient: Math.max(0, scored - tiers.reduce((n, t) => n + t.count, 0)),
      updatedAt,
      alerts,
    };
  });
}

/** The status as the last write stored it (one row), or counted when none has been stored yet. */
export async function readStatus(db: HealthmarkDb): Promise<DataStatus> {
  return (await getMeta<DataStatus>(db, STATUS_KEY)) ?? countStatus(db);
}

/** Counts and stores the status when no write has stored one (a database from before statuses were stored). */
export async function ensureStoredStatus(db: HealthmarkDb): Promise<void> {
  if ((await getMeta(db, STATUS_KEY)) !== undefined) return;
  await db.transaction('rw', [db.meta, db.configs, db.accounts, db.scores, db.changes], async () => {
    if ((await getMeta(db, STATUS_KEY)) === undefined) await setMeta(db, STATUS_KEY, await countStatus(db));
  });
}
