// An account's summary for a badge card, the account view and the popup search. Score rows are compact (no
// explanation); the explanation is computed here, for the few accounts someone asks about, from the stored
// metrics and override with the config version that scored the row, at the moment it was scored. That is the
// same computation the apply would have done, so the answer is identical to storing it (and costs microseconds).
import type { AccountSummary, DriverSummary } from '../messaging';
import type { ScoringConfig } from '../scoring';
import { scoreAccount } from '../scoring/score';
import type { Driver, ScoreResult } from '../scoring/types';
import { type AccountRow, type ConfigRow, type HealthmarkDb, type ScoreRow, getMeta } from './db';

const driverSummary = ({ label, points, shown }: Driver): DriverSummary => ({ label, points, shown });

export function toSummary(account: AccountRow, row: ScoreRow, r: ScoreResult, demo: boolean): AccountSummary {
  const next = r.explanation.nextTier;
  return {
    accountId: account.id,
    name: account.name,
    status: r.status,
    score: r.score,
    tier: r.tier,
    trend: row.trend,
    coverage: r.coverage,
    scorecard: r.scorecard.label,
    driversUp: r.explanation.driversUp.map(driverSummary),
    driversDown: r.explanation.driversDown.map(driverSummary),
    nextStep: next ? { label: next.label, verb: next.verb, fromShown: next.fromShown, toShown: next.toShown } : null,
    flags: r.flags.map((f) => f.label),
    actions: r.actions,
    override: r.override ? { reason: r.override.reason, author: r.override.author, expiresAt: r.override.expiresAt, computedScore: r.override.computedScore, computedTier: r.override.computedTier } : null,
    dataAsOf: row.dataAsOf,
    computedAt: row.computedAt,
    demo,
  };
}

/** The tables readSummaries reads: a caller with its own transaction includes them. */
export function summaryTables(db: HealthmarkDb) {
  return [db.accounts, db.scores, db.metrics, db.overrides, db.configs, db.meta];
}

// Config versions by content hash: the same object every time, so the engine's compiled form is reused.
const configByHash = new Map<string, ScoringConfig>();
const CONFIGS_KEPT = 8;

function sameConfig(row: ConfigRow): ScoringConfig {
  const known = configByHash.get(row.hash);
  if (known) return known;
  if (configByHash.size >= CONFIGS_KEPT) configByHash.clear();
  const config = row.config as ScoringConfig;
  configByHash.set(row.hash, config);
  return config;
}

/** Summaries of the given accounts, in their order; accounts without a stored score (or its config) are left out. */
export async function readSummaries(db: HealthmarkDb, ids: string[]): Promise<AccountSummary[]> {
  return db.transaction('r', summaryTables(db), async () => {
    const [accounts, scores, metrics, overrides, mode] = await Promise.all([
      db.accounts.bulkGet(ids),
      db.scores.bulkGet(ids),
      db.metrics.bulkGet(ids),
      db.overrides.bulkGet(ids),
      getMeta<string>(db, 'dataMode'),
    ]);
    const configIds = [...new Set(scores.flatMap((s) => (s ? [s.configId] : [])))];
    const configRows = await db.configs.bulkGet(configIds);
    const configOf = new Map(configIds.flatMap((id, i) => (configRows[i] ? [[id, sameConfig(configRows[i])] as const] : [])));
    return ids.flatMap((_, i) => {
      const account = accounts[i];
      const row = scores[i];
      const config = row && configOf.get(row.configId);
      if (!account || !row || !config) return [];
      const result = scoreAccount(config, account, metrics[i]?.values ?? {}, { now: new Date(row.computedAt), override: overrides[i] ?? null });
      return [toSummary(account, row, result, mode === 'demo')];
    });
  });
}
