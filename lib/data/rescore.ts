// Re-scores stored accounts from the stored data: every account when a config version is applied (in the same
// transaction that makes it active), one account when its override changes. Rows are the same compact rows
// replaceDataset stores (lib/data/score-rows); explanations are computed when someone asks (lib/data/summary).
import type { ConfigApplied } from '../messaging';
import { compileConfig, type ScoringConfig } from '../scoring';
import type { OverrideInput } from '../scoring/types';
import { sha256Hex } from './apply';
import { historyByAccount } from './changes';
import { type ChangeRow, type DataMode, type HealthmarkDb, type ScoreRow, getMeta, setMeta } from './db';
import { isoDayBefore, isoDayOf } from '../dates';
import { scoreRows, setTrends } from './score-rows';
import { STATUS_KEY, activeConfig, movedStatus, statusOf } from './status';
import type { DataStatus } from '../messaging';
import { storedSnapshots } from './whatif';

/**
 * Trends read history back this far. Reading every account's whole history does not scale (100k accounts × a
 * year of days); 45 days covers the 7- and 30-day points with up to two weeks between snapshots.
 */
export const TREND_WINDOW_DAYS = 45;

/**
 * Stores `config` as a new version, makes it active and re-scores every account with it (overrides included),
 * updating today's history point: all in ONE transaction, so pages and the popup see either the old or the new.
 */
export async function applyConfigVersion(db: HealthmarkDb, config: ScoringConfig, source: string, now = new Date()): Promise<ConfigApplied> {
  const computedAt = now.toISOString();
  const today = isoDayOf(now);
  const since = isoDayBefore(now, TREND_WINDOW_DAYS);
  const hash = await sha256Hex(JSON.stringify(config)); // before the transaction: a non-Dexie await would end it
  const tables = [db.accounts, db.metrics, db.overrides, db.scores, db.history, db.configs, db.meta, db.changes];
  return db.transaction('rw', tables, async () => {
    const [accounts, metrics, overrides, previous, recent, before] = await Promise.all([
      db.accounts.toArray(),
      db.metrics.toArray(),
      db.overrides.toArray(),
      storedSnapshots(db),
      db.history.where('day').between(since, today, true, false).toArray(),
      activeConfig(db),
    ]);
    const metricsById = new Map(metrics.map((m) => [m.accountId, m.values]));
    const overrideById = new Map(overrides.map((o) => [o.accountId, o]));
    const configId = (await db.configs.add({ name: config.name, version: config.version, hash, source, appliedAt: computedAt, config })) as number;
    const entries = accounts.map((account) => ({ account, metrics: metricsById.get(account.id) ?? {}, override: overrideById.get(account.id) ?? null }));
    const scored = scoreRows(compileConfig(config), entries, now, { configId, computedAt });
    setTrends(scored, historyByAccount(recent), today);
    const changes: ChangeRow[] = [];
    // Tier labels as each side knew them: a key the new config dropped keeps the old config's label.
    const labelOf = new Map([...(before?.config.tiers ?? []), ...config.tiers].map((t) => [t.key, t.label]));
    const named = `${config.name} ${config.version}`;
    for (const point of scored.points) {
      const from = previous.get(point.accountId)?.tier ?? null;
      if (from === point.tier) continue;
      const detail = { fromLabel: from && (labelOf.get(from) ?? from), toLabel: point.tier && (labelOf.get(point.tier) ?? point.tier), config: named };
      changes.push({ at: computedAt, accountId: point.accountId, kind: 'config', from, to: point.tier, text: `tier changed from ${from ?? 'none'} to ${point.tier ?? 'none'} with config ${named}`, detail });
    }
    const mode = (await getMeta<DataMode>(db, 'dataMode')) ?? 'empty';
    await db.scores.bulkPut(scored.rows);
    await db.history.bulkPut(scored.points);
    await db.changes.bulkAdd(changes);
    await setMeta(db, 'activeConfigId', configId);
    await setMeta(db, 'updatedAt', computedAt);
    await setMeta(db, STATUS_KEY, statusOf(config, mode, accounts.length, scored.rows, computedAt));
    return { configId, accounts: accounts.length, tierChanges: changes.length };
  });
}

/** Stores (or, with null, removes) an account's override and re-scores that account at once. Its trend is kept. */
export async function setOverrideAndRescore(db: HealthmarkDb, accountId: string, override: OverrideInput | null, now = new Date()): Promise<ScoreRow> {
  return db.transaction('rw', [db.accounts, db.metrics, db.overrides, db.scores, db.configs, db.meta, db.changes], async () => {
    const [account, metrics, previous, active] = await Promise.all([db.accounts.get(accountId), db.metrics.get(accountId), db.scores.get(accountId), activeConfig(db)]);
    if (!account || !active) throw new Error(`No account with id "${accountId}" is stored.`);
    if (override) await db.overrides.put({ ...override, accountId });
    else await db.overrides.delete(accountId);
    const entry = { account, metrics: metrics?.values ?? {}, override };
    const row = scoreRows(compileConfig(active.config), [entry], now, { configId: active.id, computedAt: now.toISOString() }).rows[0]!;
    if (previous) row.trend = previous.trend;
    await db.scores.put(row);
    const text = override ? `override set by ${override.author}: ${override.reason}` : 'override removed';
    const detail = override ? { author: override.author, reason: override.reason } : {};
    await db.changes.add({ at: row.computedAt, accountId, kind: 'override', from: previous?.score ?? null, to: row.score, text, detail });
    // The stored status follows the one row that moved (counting would take seconds at 100k accounts).
    const status = await getMeta<DataStatus>(db, STATUS_KEY);
    if (status) await setMeta(db, STATUS_KEY, movedStatus(status, previous ? previous.tier : undefined, row.tier));
    return row;
  });
}
