// Re-scores stored accounts from the stored data: every account when a config version is applied (in the same
// transaction that makes it active), one account when its override changes. Scores are stored with their
// explanation, exactly as replaceDataset stores them, so lookups never recompute.
import type { ConfigApplied } from '../messaging';
import { scoreAccount, trend, type ScoringConfig } from '../scoring';
import type { OverrideInput, ScoreResult } from '../scoring/types';
import { oldestAsOf, sha256Hex } from './apply';
import { historyByAccount } from './changes';
import { type ChangeRow, type HealthmarkDb, type HistoryRow, type ScoreRow, setMeta } from './db';
import { dayOf } from './demo';
import { activeConfig } from './status';
import { storedSnapshots } from './whatif';

/**
 * Trends read history back this far. Reading every account's whole history does not scale (100k accounts × a
 * year of days); 45 days covers the 7- and 30-day points with up to two weeks between snapshots.
 */
export const TREND_WINDOW_DAYS = 45;

function scoreRowOf(result: ScoreResult, rest: Pick<ScoreRow, 'trend' | 'dataAsOf' | 'configId' | 'computedAt'>): ScoreRow {
  return { accountId: result.accountId, score: result.score, tier: result.tier?.key ?? null, status: result.status, result, ...rest };
}

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
    const historyById = historyByAccount(recent);
    const configId = (await db.configs.add({ name: config.name, version: config.version, hash, source, appliedAt: computedAt, config })) as number;

    const scores: ScoreRow[] = [];
    const points: HistoryRow[] = [];
    const changes: ChangeRow[] = [];
    for (const account of accounts) {
      const values = metricsById.get(account.id) ?? {};
      const result = scoreAccount(config, account, values, { now, override: overrideById.get(account.id) ?? null });
      const point: HistoryRow = { accountId: account.id, day: today, score: result.score, tier: result.tier?.key ?? null };
      points.push(point);
      scores.push(scoreRowOf(result, { trend: trend([...(historyById.get(account.id) ?? []), point], today), dataAsOf: oldestAsOf(values), configId, computedAt }));
      const before = previous.get(account.id)?.tier ?? null;
      if (before !== point.tier)
        changes.push({ at: computedAt, accountId: account.id, kind: 'config', from: before, to: point.tier, text: `tier changed from ${before ?? 'none'} to ${point.tier ?? 'none'} with config ${config.name} ${config.version}` });
    }
    await db.scores.bulkPut(scores);
    await db.history.bulkPut(points);
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
    const values = metrics?.values ?? {};
    const result = scoreAccount(active.config, account, values, { now, override });
    const row = scoreRowOf(result, {
      trend: previous?.trend ?? { d7: null, d30: null },
      dataAsOf: oldestAsOf(values),
      configId: active.id,
      computedAt: now.toISOString(),
    });
    await db.scores.put(row);
    const text = override ? `override set by ${override.author}: ${override.reason}` : 'override removed';
    await db.changes.add({ at: row.computedAt, accountId, kind: 'override', from: previous?.score ?? null, to: row.score, text });
    return row;
  });
}
