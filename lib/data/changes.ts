// The changes feed: after each sync apply, the accounts whose tier got worse or whose score dropped by the
// config's alert threshold (detectAlerts), stored in db.changes for the popup and an optional notification.
import { detectAlerts, type ScoringConfig } from '../scoring';
import type { HistoryPoint, ScoreSnapshot } from '../scoring/types';
import type { ChangeRow, HealthmarkDb } from './db';

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
      const tier = alert.kind === 'tier-worse';
      rows.push({
        at,
        accountId: now.accountId,
        kind: tier ? 'tier' : 'drop',
        from: tier ? (before?.tier ?? null) : (before?.score ?? null),
        to: tier ? now.tier : now.score,
        text: alert.text,
      });
    }
  }
  return rows;
}

/** The kinds the sync's feed shows: alerts, not overrides or config bookkeeping. */
export const ALERT_KINDS: readonly ChangeRow['kind'][] = ['drop', 'tier'];

/** The newest alert changes, newest first. */
export async function latestAlerts(db: HealthmarkDb, limit: number): Promise<ChangeRow[]> {
  return db.changes
    .orderBy('at')
    .reverse()
    .filter((c) => ALERT_KINDS.includes(c.kind))
    .limit(limit)
    .toArray();
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
