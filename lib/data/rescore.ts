// Re-scores stored accounts from the stored data: every account when a config version is applied (in the same
// transaction that makes it active), one account when its override changes. Rows are the same compact rows
// replaceDataset stores (lib/data/score-rows); explanations are computed when someone asks (lib/data/summary).
import type { ConfigApplied } from '../messaging';
import { compileConfig, type ScoringConfig } from '../scoring';
import type { OverrideInput } from '../scoring/types';
import { sha256Hex } from './apply';
import { historyByAccount } from './changes';
import { type ChangeRow, type HealthmarkDb, type ScoreRow, setMeta } from './db';
import { dayOf } from './demo';
import { scoreRows, setTrends } from './score-rows';
import { activeConfig } from './status';
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
  const today = dayOf(now);
  const since = dayOf(new Date(now.getTime() - TREND_WINDOW_DAYS * 86_400_000));
  const hash = await sha256Hex(JSON.stringify(config)); // before the transaction: a non-Dexie await would end it
  const tables = [db.accounts, db.metrics, db.overrides, db.scores, db.history, db.configs, db.meta, db.changes];
  return db.transaction('rw', tables, async () => {
    const [accounts, metrics, overrides, previous, recent] = await Promise.all([
      db.accounts.toArray(),
      db.metrics.toArray(),
      db.overrides.toArray(),
      storedSnapshots(db),
      db.history.where('day').between(since, today, true, false).toArray(),
    ]);
    const metricsById = new Map(metrics.map((m) => [m.accountId, m.values]));
    const overrideById = new Map(overrides.map((o) => [o.accountId, o]));
    const configId = (await db.configs.add({ name: config.name, version: config.version, hash, source, appliedAt: computedAt, config })) as number;
    const entries = accounts.map((account) => ({ account, metrics: metricsById.get(account.id) ?? {}, override: overrideById.get(account.id) ?? null }));
    const scored = scoreRows(compileConfig(config), entries, now, { configId, computedAt });
    setTrends(scored, historyByAccount(recent), today);
    const changes: ChangeRow[] = [];
    for (const point of scored.points) {
      const before = previous.get(point.accountId)?.tier ?? null;
      if (before !== point.tier)
        changes.push({ at: computedAt, accountId: point.accountId, kind: 'config', from: before, to: point.tier, text: `tier changed from ${before ?? 'none'} to ${point.tier ?? 'none'} with config ${config.name} ${config.version}` });
    }
    await db.scores.bulkPut(scored.rows);
    await db.history.bulkPut(scored.points);
    await db.changes.bulkAdd(changes);
    await setMeta(db, 'activeConfigId', configId);
    await setMeta(db, 'updatedAt', computedAt);
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
    await db.changes.add({ at: row.computedAt, accountId, kind: 'override', from: previous?.score ?? null, to: row.score, text });
    return row;
  });
}
