// Applies a complete dataset (config + accounts + metrics) atomically: everything is parsed, validated and scored
// before the one Dexie transaction that swaps it in, so a failure at any step leaves the previous data intact.
// Scores are compact rows from the bulk path (lib/data/score-rows); explanations are computed when asked for.
import { accountIdentityKeys } from '../identity';
import { compileConfig, type AccountEntry, type CompiledConfig, type ScoringConfig } from '../scoring';
import type { AttributeValue, HistoryPoint, MetricValues } from '../scoring/types';
import { alertChanges, historyByAccount } from './changes';
import { type AccountRow, type ChangeRow, type DataMode, type HealthmarkDb, type HistoryRow, type IdentityRow, getMeta, setMeta } from './db';
import { isoDayBefore, isoDayOf } from '../dates';
import { TREND_WINDOW_DAYS } from './rescore';
import { scoreRows, setTrends } from './score-rows';
import { measure } from './timing';
import { STATUS_KEY, activeConfig, statusOf } from './status';
import { storedSnapshots } from './whatif';

export interface IncomingAccount {
  id: string;
  name: string;
  domains: string[];
  contacts: string[];
  attributes: Record<string, AttributeValue>;
  metrics: MetricValues;
  outcome?: AccountRow['outcome'];
}

/** Metric values of one account as they were on an earlier day: scored into that day's history point. */
export interface Snapshot {
  accountId: string;
  day: string;
  metrics: MetricValues;
}

export interface DatasetInput {
  config: ScoringConfig;
  configSource: string;
  accounts: IncomingAccount[];
  snapshots?: Snapshot[];
  mode: Exclude<DataMode, 'empty'>;
  /**
   * 'replace' (default) drops all history for the dataset's own snapshots (the demo). 'append' keeps the daily
   * history (trends and drop alerts read it), adds today's point and records alerts in the changes feed.
   */
  history?: 'replace' | 'append';
  /** A data-only refresh scored with the active config: keep that version instead of storing a new one. */
  activeConfigId?: number;
}

export interface ApplySummary {
  accounts: number;
  configId: number;
  /** Identity keys claimed by more than one account: the first account keeps them. */
  conflicts: string[];
  /** Alerts against the previous results ('append' only). */
  changes: ChangeRow[];
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function identityRows(accounts: IncomingAccount[]): { rows: IdentityRow[]; conflicts: string[] } {
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  for (const account of accounts) {
    for (const key of accountIdentityKeys(account)) {
      const existing = owner.get(key);
      if (existing === undefined) owner.set(key, account.id);
      else if (existing !== account.id) conflicts.push(key);
    }
  }
  return { rows: [...owner].map(([key, accountId]) => ({ key, accountId })), conflicts };
}

/** Each snapshot scored on its own day (bulk path, one pass per day) into a history point. */
function historyRows(compiled: CompiledConfig, accounts: IncomingAccount[], snapshots: Snapshot[]): HistoryRow[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const byDay = new Map<string, AccountEntry[]>();
  for (const s of snapshots) {
    const account = byId.get(s.accountId);
    if (!account) continue;
    const entries = byDay.get(s.day) ?? byDay.set(s.day, []).get(s.day)!;
    entries.push({ account, metrics: s.metrics });
  }
  return [...byDay].flatMap(([day, entries]) => scoreRows(compiled, entries, new Date(`${day}T12:00:00Z`), { configId: 0, computedAt: '' }).points);
}

const accountRow = (a: IncomingAccount): AccountRow => ({ id: a.id, name: a.name, domains: a.domains, contacts: a.contacts, attributes: a.attributes, ...(a.outcome ? { outcome: a.outcome } : {}) });

/** Replaces all accounts, metrics and scores with the dataset's, in one transaction. */
export async function replaceDataset(db: HealthmarkDb, input: DatasetInput, now = new Date()): Promise<ApplySummary> {
  const started = performance.now();
  const today = isoDayOf(now);
  const computedAt = now.toISOString();
  const hash = await sha256Hex(JSON.stringify(input.config));
  // CSM overrides outlive a data refresh: they keep applying until they expire.
  const overrides = new Map((await db.overrides.toArray()).map((o) => [o.accountId, o]));
  const { rows: identities, conflicts } = identityRows(input.accounts);
  const compiled = compileConfig(input.config);
  const earlier = historyRows(compiled, input.accounts, input.snapshots ?? []);
  const entries = input.accounts.map((a) => ({ account: a, metrics: a.metrics, override: overrides.get(a.id) ?? null }));
  const scored = scoreRows(compiled, entries, now, { configId: 0, computedAt });
  const accounts = input.accounts.map(accountRow);
  const metrics = input.accounts.map((a) => ({ accountId: a.id, values: a.metrics }));
  const append = input.history === 'append';
  const since = isoDayBefore(now, TREND_WINDOW_DAYS);
  measure('apply:prepare', started);

  const writing = performance.now();
  let configId = 0;
  let changes: ChangeRow[] = [];
  const tables = [db.accounts, db.identities, db.metrics, db.configs, db.scores, db.history, db.meta, db.changes];
  await db.transaction('rw', tables, async () => {
    // Appending: the kept history and the previous results are read in the same transaction that replaces them.
    const [kept, previous] = append ? await Promise.all([db.history.where('day').between(since, today, true, false).toArray(), storedSnapshots(db)]) : [[], new Map()];
    const history = historyByAccount<HistoryPoint & { accountId: string }>([...kept, ...earlier]);
    changes = append ? alertChanges(input.config, previous, scored.points, history, today, computedAt) : [];
    setTrends(scored, history, today);
    await Promise.all([db.accounts.clear(), db.identities.clear(), db.metrics.clear(), db.scores.clear(), append ? null : db.history.clear()]);
    configId =
      input.activeConfigId ??
      ((await db.configs.add({ name: input.config.name, version: input.config.version, hash, source: input.configSource, appliedAt: computedAt, config: input.config })) as number);
    for (const row of scored.rows) row.configId = configId;
    // Queued together: IndexedDB runs them in order in this transaction without a round trip between tables.
    await Promise.all([
      db.accounts.bulkPut(accounts),
      db.identities.bulkPut(identities),
      db.metrics.bulkPut(metrics),
      db.scores.bulkPut(scored.rows),
      db.history.bulkPut([...earlier, ...scored.points]),
      db.changes.bulkAdd(changes),
      setMeta(db, 'activeConfigId', configId),
      setMeta(db, 'dataMode', input.mode),
      setMeta(db, 'updatedAt', computedAt),
      setMeta(db, STATUS_KEY, statusOf(input.config, input.mode, accounts.length, scored.rows, computedAt, changes.length)),
    ]);
  });
  measure('apply:write', writing);
  return { accounts: accounts.length, configId, conflicts, changes };
}

/**
 * Account data scored with the active config and applied in one transaction, keeping the daily history once the
 * data is the user's own (the first import or sync replaces the demo's history). File import and URL sync
 * both come through here.
 */
export async function applyAccountData(db: HealthmarkDb, accounts: IncomingAccount[], configSource: string, now = new Date()): Promise<ApplySummary> {
  const active = await activeConfig(db);
  if (!active) throw new Error('no active config to score the accounts with: apply or sync a config first');
  const mode = await getMeta<DataMode>(db, 'dataMode');
  return replaceDataset(db, { config: active.config, configSource, accounts, mode: 'synced', history: mode === 'synced' ? 'append' : 'replace', activeConfigId: active.id }, now);
}
