// Applies a complete dataset (config + accounts + metrics) atomically: everything is parsed, validated and scored
// before the one Dexie transaction that swaps it in, so a failure at any step leaves the previous data intact.
import { accountIdentityKeys } from '../identity';
import { scoreAccount, trend, type ScoringConfig } from '../scoring';
import type { AttributeValue, HistoryPoint, MetricValues, ScoreResult } from '../scoring/types';
import { alertChanges, historyByAccount } from './changes';
import { type AccountRow, type ChangeRow, type DataMode, type HealthmarkDb, type HistoryRow, type IdentityRow, type ScoreRow, setMeta } from './db';
import { dayOf } from './demo';
import { TREND_WINDOW_DAYS } from './rescore';
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

function historyRows(config: ScoringConfig, accounts: IncomingAccount[], snapshots: Snapshot[]): HistoryRow[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const rows: HistoryRow[] = [];
  for (const s of snapshots) {
    const account = byId.get(s.accountId);
    if (!account) continue;
    const r = scoreAccount(config, account, s.metrics, { now: new Date(`${s.day}T12:00:00Z`) });
    rows.push({ accountId: s.accountId, day: s.day, score: r.score, tier: r.tier?.key ?? null });
  }
  return rows;
}

/** Replaces all accounts, metrics and scores with the dataset's, in one transaction. */
export async function replaceDataset(db: HealthmarkDb, input: DatasetInput, now = new Date()): Promise<ApplySummary> {
  const today = dayOf(now);
  const computedAt = now.toISOString();
  const configJson = JSON.stringify(input.config);
  const hash = await sha256Hex(configJson);
  const { rows: identities, conflicts } = identityRows(input.accounts);
  const earlier = historyRows(input.config, input.accounts, input.snapshots ?? []);
  const append = input.history === 'append';

  // CSM overrides outlive a data refresh: they keep applying until they expire.
  const overrides = new Map((await db.overrides.toArray()).map((o) => [o.accountId, o]));
  const accounts: AccountRow[] = [];
  const scored: { result: ScoreResult; point: HistoryRow; dataAsOf: string | null }[] = [];
  for (const a of input.accounts) {
    accounts.push({ id: a.id, name: a.name, domains: a.domains, contacts: a.contacts, attributes: a.attributes, ...(a.outcome ? { outcome: a.outcome } : {}) });
    const result = scoreAccount(input.config, a, a.metrics, { now, override: overrides.get(a.id) ?? null });
    scored.push({ result, point: { accountId: a.id, day: today, score: result.score, tier: result.tier?.key ?? null }, dataAsOf: oldestAsOf(a.metrics) });
  }
  const points = scored.map((s) => s.point);
  const since = dayOf(new Date(now.getTime() - TREND_WINDOW_DAYS * 86_400_000));

  let configId = 0;
  let changes: ChangeRow[] = [];
  const tables = [db.accounts, db.identities, db.metrics, db.configs, db.scores, db.history, db.meta, db.changes];
  await db.transaction('rw', tables, async () => {
    // Appending: the kept history and the previous results are read in the same transaction that replaces them.
    const [kept, previous] = append ? await Promise.all([db.history.where('day').between(since, today, true, false).toArray(), storedSnapshots(db)]) : [[], new Map()];
    const history = historyByAccount<HistoryPoint & { accountId: string }>([...kept, ...earlier]);
    changes = append ? alertChanges(input.config, previous, points, history, today, computedAt) : [];
    await Promise.all([db.accounts.clear(), db.identities.clear(), db.metrics.clear(), db.scores.clear(), append ? null : db.history.clear()]);
    configId =
      input.activeConfigId ??
      ((await db.configs.add({ name: input.config.name, version: input.config.version, hash, source: input.configSource, appliedAt: computedAt, config: input.config })) as number);
    const scores: ScoreRow[] = scored.map(({ result, point, dataAsOf }) => ({
      accountId: result.accountId,
      score: result.score,
      tier: point.tier,
      status: result.status,
      result,
      trend: trend([...(history.get(point.accountId) ?? []), point], today),
      dataAsOf,
      configId,
      computedAt,
    }));
    await db.accounts.bulkPut(accounts);
    await db.identities.bulkPut(identities);
    await db.metrics.bulkPut(input.accounts.map((a) => ({ accountId: a.id, values: a.metrics })));
    await db.scores.bulkPut(scores);
    await db.history.bulkPut([...earlier, ...points]);
    await db.changes.bulkAdd(changes);
    await setMeta(db, 'activeConfigId', configId);
    await setMeta(db, 'dataMode', input.mode);
    await setMeta(db, 'updatedAt', computedAt);
  });
  return { accounts: accounts.length, configId, conflicts, changes };
}

export function oldestAsOf(metrics: MetricValues): string | null {
  let oldest: string | null = null;
  for (const m of Object.values(metrics)) if (m.asOf && (oldest === null || m.asOf < oldest)) oldest = m.asOf;
  return oldest;
}
