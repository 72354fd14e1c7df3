// Earlier schema versions exactly as lib/data/db.ts declares them, for migration tests (frozen: never edit).
import Dexie from 'dexie';
import type { ScoreResult } from '../../../lib/scoring/types';

export const V1_STORES = {
  accounts: 'id, name',
  identities: 'key, accountId',
  metrics: 'accountId',
  configs: '++id, hash, appliedAt',
  scores: 'accountId, tier, score',
  history: '[accountId+day], accountId, day',
  meta: 'key',
};

export const V2_STORES = { overrides: 'accountId, expiresAt', sources: 'id, nextAttemptAt', syncLog: '++id, sourceId, at', changes: '++id, at, accountId' };

export const V3_STORES = { scores: 'accountId, tier, score' };

/** A database at `version` (1, 2 or 3) of the schema. */
export function openAt(name: string, version: 1 | 2 | 3): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(V1_STORES);
  if (version >= 2) db.version(2).stores(V2_STORES);
  if (version >= 3) db.version(3).stores(V3_STORES);
  return db;
}

/** The compact score-row fields (v3) a full result should have given. */
export function compactFieldsOf(result: ScoreResult) {
  return {
    score: result.score,
    tier: result.tier?.key ?? null,
    status: result.status,
    coverage: result.coverage,
    scorecard: result.scorecard.key,
    flags: result.flags.map((f) => f.key),
    overridden: result.override !== null,
  };
}
