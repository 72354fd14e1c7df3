// The extension's IndexedDB (extension origin only: background, popup and options open it; content scripts never).
// Schema changes go through a new db.version(n) with an upgrade() and a migration test.
import Dexie, { type EntityTable } from 'dexie';
import type { AttributeValue, MetricValues, ScoreResult } from '../scoring/types';

export interface AccountRow {
  id: string;
  name: string;
  domains: string[];
  contacts: string[];
  attributes: Record<string, AttributeValue>;
  outcome?: { churned: boolean; churnedAt?: string; expanded?: boolean };
}

/** key is `email:<address>`, `domain:<domain>` or `name:<normalised company name>`. */
export interface IdentityRow {
  key: string;
  accountId: string;
}

export interface MetricsRow {
  accountId: string;
  values: MetricValues;
}

export interface ConfigRow {
  id?: number;
  name: string;
  version: string;
  hash: string;
  source: string;
  appliedAt: string;
  config: unknown;
}

export interface ScoreRow {
  accountId: string;
  score: number | null;
  tier: string | null;
  status: ScoreResult['status'];
  result: ScoreResult;
  /** Score change over 7 and 30 days, from history, as of computedAt. */
  trend: { d7: number | null; d30: number | null };
  /** Oldest as-of date among the account's metric values. */
  dataAsOf: string | null;
  configId: number;
  computedAt: string;
}

export interface HistoryRow {
  accountId: string;
  day: string;
  score: number | null;
  tier: string | null;
}

/** Small key/value facts: the active config id, whether data is demo or synced, last update time. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'healthmark';

export type HealthmarkDb = Dexie & {
  accounts: EntityTable<AccountRow, 'id'>;
  identities: EntityTable<IdentityRow, 'key'>;
  metrics: EntityTable<MetricsRow, 'accountId'>;
  configs: EntityTable<ConfigRow, 'id'>;
  scores: EntityTable<ScoreRow, 'accountId'>;
  history: Dexie.Table<HistoryRow, [string, string]>;
  meta: EntityTable<MetaRow, 'key'>;
};

export function openDb(name = DB_NAME): HealthmarkDb {
  const db = new Dexie(name) as HealthmarkDb;
  db.version(1).stores({
    accounts: 'id, name',
    identities: 'key, accountId',
    metrics: 'accountId',
    configs: '++id, hash, appliedAt',
    scores: 'accountId, tier, score',
    history: '[accountId+day], accountId, day',
    meta: 'key',
  });
  return db;
}

export type DataMode = 'empty' | 'demo' | 'synced';

export async function getMeta<T>(db: HealthmarkDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: HealthmarkDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
