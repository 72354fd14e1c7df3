// The accounts table's data: one compact row per account (loaded in chunks so the first rows show at once), and
// the search, filters and sort orders, which run in memory over every row.
import type { AccountRow, HealthmarkDb, ScoreRow } from '../../lib/data/db';
import type { TierRef } from '../../lib/scoring/types';

export interface AccountListRow {
  id: string;
  name: string;
  /** Lower-cased name, domains and contact emails: what the search box matches. */
  search: string;
  score: number | null;
  tier: TierRef | null;
  d7: number | null;
  renewal: string | null;
  scorecard: { key: string; label: string } | null;
  flags: { key: string; label: string }[];
  overridden: boolean;
}

/** The attribute the import gives a "Renewal date" column. */
export const RENEWAL_ATTRIBUTE = 'renewal_date';

export function toListRow(account: AccountRow, score: ScoreRow | undefined): AccountListRow {
  const renewal = account.attributes[RENEWAL_ATTRIBUTE];
  return {
    id: account.id,
    name: account.name,
    search: [account.name, ...account.domains, ...account.contacts].join('\n').toLowerCase(),
    score: score?.score ?? null,
    tier: score?.result.tier ?? null,
    d7: score?.trend.d7 ?? null,
    renewal: typeof renewal === 'string' && renewal ? renewal : null,
    scorecard: score?.result.scorecard ?? null,
    flags: score?.result.flags.map((f) => ({ key: f.key, label: f.label })) ?? [],
    overridden: !!score?.result.override,
  };
}

export interface AccountFilter {
  query: string;
  /** A tier key, INSUFFICIENT for accounts without a score, or '' for all. */
  tier: string;
  scorecard: string;
  flag: string;
  overriddenOnly: boolean;
}

export const INSUFFICIENT = '-';
export const NO_FILTER: AccountFilter = { query: '', tier: '', scorecard: '', flag: '', overriddenOnly: false };

export function filterRows(rows: readonly AccountListRow[], f: AccountFilter): AccountListRow[] {
  const q = f.query.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!q || r.search.includes(q)) &&
      (!f.tier || (f.tier === INSUFFICIENT ? r.tier === null : r.tier?.key === f.tier)) &&
      (!f.scorecard || r.scorecard?.key === f.scorecard) &&
      (!f.flag || r.flags.some((x) => x.key === f.flag)) &&
      (!f.overriddenOnly || r.overridden),
  );
}

export type SortKey = 'name' | 'score' | 'trend' | 'renewal';

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

const VALUE: Record<SortKey, (r: AccountListRow) => string | number | null> = {
  name: (r) => r.name,
  score: (r) => r.score,
  trend: (r) => r.d7,
  renewal: (r) => r.renewal,
};

/** Sorted copy; rows without the value (no score, no renewal date) always come last; ties by name. */
export function sortRows(rows: readonly AccountListRow[], order: SortOrder): AccountListRow[] {
  const value = VALUE[order.key];
  const sign = order.descending ? -1 : 1;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? collator.compare(a.name, b.name) : va === null ? 1 : -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : collator.compare(a.name, b.name);
  });
}

/**
 * Reads every account in key order, `chunk` at a time (the first chunk small, so the table shows at once). Score
 * rows share the accounts' keys, so each chunk is two range reads (getAll), not one read per account.
 */
export async function loadAccountRows(db: HealthmarkDb, onRows: (rows: AccountListRow[], done: boolean) => void, signal: AbortSignal, chunk = 2000): Promise<void> {
  const rows: AccountListRow[] = [];
  let after: string | null = null;
  let size = 100;
  for (;;) {
    const accounts: AccountRow[] = await (after === null ? db.accounts.orderBy(':id') : db.accounts.where(':id').above(after)).limit(size).toArray();
    if (signal.aborted) return;
    const first = accounts[0]?.id;
    const last = accounts[accounts.length - 1]?.id;
    const scores = first === undefined || last === undefined ? [] : await db.scores.where(':id').between(first, last, true, true).toArray();
    if (signal.aborted) return;
    const byId = new Map(scores.map((s) => [s.accountId, s]));
    for (const a of accounts) rows.push(toListRow(a, byId.get(a.id)));
    const done = accounts.length < size;
    onRows(rows.slice(), done);
    if (done || last === undefined) return;
    after = last;
    size = chunk;
  }
}
