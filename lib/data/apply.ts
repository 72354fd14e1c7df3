// Applies a complete dataset (config + accounts + metrics) atomically: everything is parsed, validated and scored
// before the one Dexie transaction that swaps it in, so a failure at any step leaves the previous data intact.
import { accountIdentityKeys } from '../identity';
import { scoreAccount, trend, type ScoringConfig } from '../scoring';
import type { AttributeValue, HistoryPoint, MetricValues } from '../scoring/types';
import { type AccountRow, type DataMode, type HealthmarkDb, type HistoryRow, type IdentityRow, type ScoreRow, setMeta } from './db';
import { dayOf } from './demo';

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
}

export interface ApplySummary {
  accounts: number;
  configId: number;
  /** Identity keys claimed by more than one account: the first account keeps them. */
  conflicts: string[];
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
  const historyByAccount = new Map<string, HistoryPoint[]>();
  for (const h of earlier) {
    const list = historyByAccount.get(h.accountId) ?? [];
    list.push(h);
    historyByAccount.set(h.accountId, list);
  }

  // CSM overrides outlive a data refresh: they keep applying until they expire.
  const overrides = new Map((await db.overrides.toArray()).map((o) => [o.accountId, o]));
  const accounts: AccountRow[] = [];
  const scores: Omit<ScoreRow, 'configId'>[] = [];
  const history: HistoryRow[] = [...earlier];
  for (const a of input.accounts) {
    accounts.push({ id: a.id, name: a.name, domains: a.domains, contacts: a.contacts, attributes: a.attributes, ...(a.outcome ? { outcome: a.outcome } : {}) });
    const result = scoreAccount(input.config, a, a.metrics, { now, override: overrides.get(a.id) ?? null });
    const point: HistoryRow = { accountId: a.id, day: today, score: result.score, tier: result.tier?.key ?? null };
    history.push(point);
    scores.push({
      accountId: a.id,
      score: result.score,
      tier: result.tier?.key ?? null,
      status: result.status,
      result,
      trend: trend([...(historyByAccount.get(a.id) ?? []), point], today),
      dataAsOf: oldestAsOf(a.metrics),
      computedAt,
    });
  }

  let configId = 0;
  await db.transaction('rw', [db.accounts, db.identities, db.metrics, db.configs, db.scores, db.history, db.meta], async () => {
    await Promise.all([db.accounts.clear(), db.identities.clear(), db.metrics.clear(), db.scores.clear(), db.history.clear()]);
    configId = (await db.configs.add({ name: input.config.name, version: input.config.version, hash, source: input.configSource, appliedAt: computedAt, config: input.config })) as number;
    await db.accounts.bulkPut(accounts);
    await db.identities.bulkPut(identities);
    await db.metrics.bulkPut(input.accounts.map((a) => ({ accountId: a.id, values: a.metrics })));
    await db.scores.bulkPut(scores.map((s) => ({ ...s, configId })));
    await db.history.bulkPut(history);
    await setMeta(db, 'activeConfigId', configId);
    await setMeta(db, 'dataMode', input.mode);
    await setMeta(db, 'updatedAt', computedAt);
  });
  return { accounts: accounts.length, configId, conflicts };
}

export function oldestAsOf(metrics: MetricValues): string | null {
  let oldest: string | null = null;
  for (const m of Object.values(metrics)) if (m.asOf && (oldest === null || m.asOf < oldest)) oldest = m.asOf;
  return oldest;
}
