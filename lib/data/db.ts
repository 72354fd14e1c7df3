// The extension's IndexedDB (extension origin only: background, popup and options open it; content scripts never).
// Schema changes go through a new db.version(n) with an upgrade() and a migration test.
import Dexie, { type EntityTable } from 'dexie';
import type { AttributeValue, MetricValues, OverrideInput, ScoreResult } from '../scoring/types';
import type { SourceDefinition, SourceState } from './sync/source';

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

/**
 * One account's stored result (v3): what lists, filters, sorts and alerts read. The explanation (drivers, next
 * step, actions, labels) is not stored: lib/data/summary.ts computes it for the few accounts someone asks about.
 */
export interface ScoreRow {
  accountId: string;
  score: number | null;
  tier: string | null;
  status: ScoreResult['status'];
  /** Share of weight with usable data, 0–1. */
  coverage: number;
  /** Key of the scorecard that scored the account. */
  scorecard: string;
  /** Keys of the flags that hold. */
  flags: string[];
  /** A CSM override was in force at computedAt. */
  overridden: boolean;
  /** Score change over 7 and 30 days, from history, as of computedAt. */
  trend: { d7: number | null; d30: number | null };
  /** Oldest as-of date among the account's metric values. */
  dataAsOf: string | null;
  configId: number;
  computedAt: string;
}

/** A score row as v1 and v2 stored it: the compact fields were read from the whole result. */
type StoredResultRow = Omit<ScoreRow, 'coverage' | 'scorecard' | 'flags' | 'overridden'> & { result?: Partial<ScoreResult> };

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

/**
 * An account's outcome loaded from an outcomes file (v4). Kept apart from the account rows, which every import and
 * sync replaces, so it outlives them; the backtest reads it before the outcome an import's columns gave.
 */
export interface OutcomeRow {
  accountId: string;
  churned: boolean;
  churnedAt?: string;
  expanded?: boolean;
  /** The file it came from, e.g. `file:churn-2025.csv`. */
  source: string;
  loadedAt: string;
}

/** A CSM's override of one account's result (v2). */
export interface OverrideRow extends OverrideInput {
  accountId: string;
}

/** A synced source: what the admin defined and what the sync keeps about it (v2). */
export type SourceRow = SourceDefinition & SourceState;

/** One sync attempt of a source (v2). */
export interface SyncLogRow {
  id?: number;
  sourceId: string;
  at: string;
  outcome: 'updated' | 'not-modified' | 'error';
  message: string;
  counts: { accounts: number; rejected: number } | null;
}

/** A notable change of an account (v2): tier moves, score drops, overrides, a new config. */
export interface ChangeRow {
  id?: number;
  at: string;
  accountId: string;
  kind: 'tier' | 'drop' | 'override' | 'config';
  from: string | number | null;
  to: string | number | null;
  /** The change in English (the CLI's and older rows' wording); pages say it from kind and detail (change-text.ts). */
  text: string;
  detail?: ChangeDetail;
}

/** What a change's sentence needs beyond from and to. */
export interface ChangeDetail {
  /** drop: the highest score within `days` days before it. */
  peak?: number;
  days?: number;
  /** tier, config: the tiers' labels when it happened (from and to are keys). */
  fromLabel?: string | null;
  toLabel?: string | null;
  /** config: the config's name and version. */
  config?: string;
  /** override */
  author?: string;
  reason?: string;
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
  overrides: EntityTable<OverrideRow, 'accountId'>;
  sources: EntityTable<SourceRow, 'id'>;
  syncLog: EntityTable<SyncLogRow, 'id'>;
  changes: EntityTable<ChangeRow, 'id'>;
  outcomes: EntityTable<OutcomeRow, 'accountId'>;
};

/** The names of the database's tables (what the Privacy tab lists and counts). */
export type TableName = Exclude<keyof HealthmarkDb, keyof Dexie>;

/** Tier moves between consecutive history points of each account (points sorted by account, then day). */
function tierChanges(points: HistoryRow[]): ChangeRow[] {
  const changes: ChangeRow[] = [];
  points.forEach((point, i) => {
    const before = points[i - 1];
    if (!before || before.accountId !== point.accountId || !before.tier || !point.tier || before.tier === point.tier) return;
    changes.push({ at: `${point.day}T00:00:00.000Z`, accountId: point.accountId, kind: 'tier', from: before.tier, to: point.tier, text: `tier changed from ${before.tier} to ${point.tier}` });
  });
  return changes;
}

/** Turns a v1/v2 score row into a v3 one, in place (Dexie's modify writes the object back). */
function compactRow(row: ScoreRow | StoredResultRow): void {
  if (!('result' in row)) return;
  const { result = {} } = row;
  const compact = row as Partial<ScoreRow> & { result?: unknown };
  compact.coverage = typeof result.coverage === 'number' ? result.coverage : 0;
  compact.scorecard = result.scorecard?.key ?? '';
  compact.flags = (result.flags ?? []).map((f) => f.key);
  compact.overridden = !!result.override;
  delete compact.result;
}

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
  db.version(2)
    .stores({
      overrides: 'accountId, expiresAt',
      sources: 'id, nextAttemptAt',
      syncLog: '++id, sourceId, at',
      changes: '++id, at, accountId',
    })
    // v1 kept daily history but no change log: start the log with the tier moves that history already shows.
    .upgrade(async (tx) => {
      const points = await tx.table<HistoryRow>('history').orderBy('[accountId+day]').toArray();
      await tx.table<ChangeRow>('changes').bulkAdd(tierChanges(points));
    });
  // v3 stores compact score rows: the explanation each row carried is computed on demand instead.
  db.version(3)
    .stores({ scores: 'accountId, tier, score' })
    .upgrade((tx) => tx.table<ScoreRow | StoredResultRow>('scores').toCollection().modify((row) => compactRow(row)));
  // v4 adds outcomes loaded from outcomes files; nothing stored before changes.
  db.version(4).stores({ outcomes: 'accountId' });
  return db;
}

export type DataMode = 'empty' | 'demo' | 'synced';

export async function getMeta<T>(db: HealthmarkDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: HealthmarkDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * Calls back after any transaction (in this context, or another extension page) wrote to `table` of the database
 * `dbName`. Dexie calls storagemutated listeners newest first and stops at one that returns false, so a listener
 * must never return a value: a `test && act()` listener silently cut off every listener added before it.
 */
export function onTableWrites(dbName: string, table: string, callback: () => void): void {
  const prefix = `idb://${dbName}/${table}/`;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) callback();
  });
}
