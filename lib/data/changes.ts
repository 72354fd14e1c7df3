// The changes feed: after each sync apply, the accounts whose tier got worse or whose score dropped by the
// config's alert threshold (detectAlerts), stored in db.changes for the popup and an optional notification.
import type { ScoringConfig } from '../scoring';
import { detectAlerts } from '../scoring/trend';
import type { HistoryPoint, ScoreSnapshot } from '../scoring/types';
import { type ChangeRow, type HealthmarkDb, getMeta } from './db';

export interface ScoredAccount extends ScoreSnapshot {
  accountId: string;
}

/** Alerts of every account between its previous stored result and the new one, as change rows. */
export function alertChanges(
  config: ScoringConfig,
  previous: ReadonlyMap<string, ScoreSnapshot>,
  current: Iterable<ScoredAccount>,
  history: ReadonlyMap<string, readonly HistoryPoint[]>,
  today: string,
  at: string,
): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const now of current) {
    const before = previous.get(now.accountId) ?? null;
    for (const alert of detectAlerts(config, before, now, history.get(now.accountId) ?? [], today)) {
      const base = { at, accountId: now.accountId, text: alert.text };
      rows.push(
        alert.kind === 'tier-worse'
          ? { ...base, kind: 'tier', from: before?.tier ?? null, to: now.tier, detail: { fromLabel: alert.from.label, toLabel: alert.to.label } }
          : { ...base, kind: 'drop', from: before?.score ?? null, to: now.score, detail: { peak: alert.from, days: alert.days } },
      );
    }
  }
  return rows;
}

/** The kinds the sync's feed shows: alerts, not overrides or config bookkeeping. */
export const ALERT_KINDS: readonly ChangeRow['kind'][] = ['drop', 'tier'];

export const isAlert = (c: ChangeRow) => ALERT_KINDS.includes(c.kind);

/** A change with its account's name. */
export type NamedChange = ChangeRow & { name: string };

export interface ChangesFeed {
  /** When the data the feed is about was applied (null: no data). */
  since: string | null;
  /** Every alert of that apply. */
  total: number;
  /** The newest `limit` of them, each with its account's name. */
  changes: NamedChange[];
}

/** The alerts recorded since the last apply (a sync, an import, a config change), newest first. */
function alertsSince(db: HealthmarkDb, since: string) {
  return db.changes.where('at').aboveOrEqual(since).reverse().filter(isAlert);
}

/**
 * What changed with the data in use: the alerts of the last apply (every later one replaced or re-scored all
 * accounts, so older alerts describe data that is gone). An account no longer stored is left out. `known` is how
 * many there are when the caller knows (the stored status says): counting walks every alert.
 */
export async function changesSinceLastApply(db: HealthmarkDb, limit: number, known?: number): Promise<ChangesFeed> {
  return db.transaction('r', [db.meta, db.changes, db.accounts], async () => {
    const since = (await getMeta<string>(db, 'updatedAt')) ?? null;
    if (since === null || known === 0) return { since, total: 0, changes: [] };
    const [total, newest] = await Promise.all([known ?? alertsSince(db, since).count(), alertsSince(db, since).limit(limit).toArray()]);
    const accounts = await db.accounts.bulkGet(newest.map((c) => c.accountId));
    const changes = newest.flatMap((c, i) => (accounts[i] ? [{ ...c, name: accounts[i].name }] : []));
    return { since, total: total - (newest.length - changes.length), changes };
  });
}

/** The accounts the feed names: every account with an alert since the last apply. */
export async function changedAccountIds(db: HealthmarkDb): Promise<Set<string>> {
  const since = await getMeta<string>(db, 'updatedAt');
  if (since === undefined) return new Set();
  return new Set((await alertsSince(db, since).toArray()).map((c) => c.accountId));
}

/** Groups history points by account. */
export function historyByAccount<T extends HistoryPoint & { accountId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.accountId);
    if (list) list.push(row);
    else out.set(row.accountId, [row]);
  }
  return out;
}
