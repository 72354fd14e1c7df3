// The accounts table's data: one compact row per account, and the search, filters and sort orders, which run in
// memory over every row. Loading comes in two passes: first every account with its score and tier from the score
// indexes (quick, the table is usable), then the compact score rows for the 7-day trend, scorecard, flags and
// override, labelled from the active config.
import type { AccountRow, HealthmarkDb, ScoreRow } from '../../lib/data/db';
import { activeConfig } from '../../lib/data/status';
import { storedSnapshots } from '../../lib/data/whatif';
import type { ScoringConfig } from '../../lib/scoring';
import type { ScoreSnapshot, TierRef } from '../../lib/scoring/types';

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
  /** False until the second pass has read the score row (trend, scorecard, flags, override). */
  details: boolean;
}

/** The attribute the import gives a "Renewal date" column. */
export const RENEWAL_ATTRIBUTE = 'renewal_date';

/** The active config's tiers, and its scorecard and flag labels by key: what score rows are labelled with. */
export interface ConfigLabels {
  tiers: ReadonlyMap<string, TierRef>;
  scorecards: ReadonlyMap<string, string>;
  flags: ReadonlyMap<string, string>;
}

export function configLabels(config: ScoringConfig | null | undefined): ConfigLabels {
  return {
    tiers: new Map((config?.tiers ?? []).map((t) => [t.key, { key: t.key, label: t.label, color: t.color }])),
    scorecards: new Map((config?.scorecards ?? []).map((c) => [c.key, c.label])),
    flags: new Map((config?.flags ?? []).map((f) => [f.key, f.label])),
  };
}

/** A stored tier key as shown: the config's tier, or the bare key in grey when the config no longer has it. */
function tierOf(key: string | null, tiers: ReadonlyMap<string, TierRef>): TierRef | null {
  return key === null ? null : (tiers.get(key) ?? { key, label: key, color: '#9aa0a6' });
}

/** The first pass: what the account row and the score indexes give. */
export function quickRow(account: AccountRow, stored: ScoreSnapshot | undefined, tiers: ReadonlyMap<string, TierRef>): AccountListRow {
  const renewal = account.attributes[RENEWAL_ATTRIBUTE];
  return {
    id: account.id,
    name: account.name,
    search: [account.name, ...account.domains, ...account.contacts].join('\n').toLowerCase(),
    score: stored?.score ?? null,
    tier: tierOf(stored?.tier ?? null, tiers),
    d7: null,
    renewal: typeof renewal === 'string' && renewal ? renewal : null,
    scorecard: null,
    flags: [],
    overridden: false,
    details: false,
  };
}

/** The second pass: the row completed from its stored score row. */
export function withDetails(row: AccountListRow, score: ScoreRow | undefined, labels: ConfigLabels): AccountListRow {
  if (!score) return { ...row, details: true };
  return {
    ...row,
    score: score.score,
    tier: tierOf(score.tier, labels.tiers),
    d7: score.trend.d7,
    scorecard: { key: score.scorecard, label: labels.scorecards.get(score.scorecard) ?? score.scorecard },
    flags: score.flags.map((key) => ({ key, label: labels.flags.get(key) ?? key })),
    overridden: score.overridden,
    details: true,
  };
}

export interface AccountFilter {
  query: string;
  /** A tier key, INSUFFICIENT for accounts without a score, or '' for all. */
  tier: string;
  scorecard: string;
  flag: string;
  overriddenOnly: boolean;
  /** Only the accounts the last sync's changes feed names (the popup's "see all"). */
  changedOnly: boolean;
}

export const INSUFFICIENT = '-';
export const NO_FILTER: AccountFilter = { query: '', tier: '', scorecard: '', flag: '', overriddenOnly: false, changedOnly: false };

/** The rows the filter keeps; `changed` is the set of accounts with changes since the last sync. */
export function filterRows(rows: readonly AccountListRow[], f: AccountFilter, changed: ReadonlySet<string> = new Set()): AccountListRow[] {
  const q = f.query.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!q || r.search.includes(q)) &&
      (!f.tier || (f.tier === INSUFFICIENT ? r.tier === null : r.tier?.key === f.tier)) &&
      (!f.scorecard || r.scorecard?.key === f.scorecard) &&
      (!f.flag || r.flags.some((x) => x.key === f.flag)) &&
      (!f.overriddenOnly || r.overridden) &&
      (!f.changedOnly || changed.has(r.id)),
  );
}

export type SortKey = 'name' | 'score' | 'trend' | 'renewal';

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

const VALUE: Record<Exclude<SortKey, 'name'>, (r: AccountListRow) => string | number | null> = {
  score: (r) => r.score,
  trend: (r) => r.d7,
  renewal: (r) => r.renewal,
};

/**
 * Sorted copy; rows without the value (no score, no renewal date) always come last. Ties are broken by the
 * lower-cased name with a plain comparison: a collator on every tie made sorting 100k rows by score take a second.
 */
export function sortRows(rows: readonly AccountListRow[], order: SortOrder): AccountListRow[] {
  const sign = order.descending ? -1 : 1;
  const byName = (a: AccountListRow, b: AccountListRow) => (a.search < b.search ? -1 : a.search > b.search ? 1 : 0);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const compare =
    order.key === 'name'
      ? (a: AccountListRow, b: AccountListRow) => sign * collator.compare(a.name, b.name) || byName(a, b)
      : compareBy(VALUE[order.key], sign, byName);
  return [...rows].sort(compare);
}

function compareBy(value: (r: AccountListRow) => string | number | null, sign: number, byName: (a: AccountListRow, b: AccountListRow) => number) {
  return (a: AccountListRow, b: AccountListRow) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va < vb ? -1 : va > vb ? 1 : 0) || byName(a, b);
  };
}

export type LoadStage = 'accounts' | 'details' | 'done';

const EMIT_EVERY_MS = 1000;

/**
 * Reads the first 100 accounts complete (the table shows at once), then every account in key order, `chunk` at a
 * time, with its score and tier from the indexes, then the score rows over the same key ranges. `onRows` gets the rows so far at most once a second (filtering and
 * sorting 100k rows on every chunk would cost more than the reading).
 */
export async function loadAccountRows(db: HealthmarkDb, onRows: (rows: AccountListRow[], stage: LoadStage) => void, signal: AbortSignal, chunk = 2000): Promise<void> {
  let emitted = 0;
  const emit = (stage: LoadStage, force = false) => {
    if (signal.aborted || (!force && performance.now() - emitted < EMIT_EVERY_MS)) return;
    emitted = performance.now();
    onRows(rows.slice(), stage);
  };
  // The first rows come complete from their score rows, so the table shows before the indexes are read.
  const rows: AccountListRow[] = [];
  const [firstAccounts, active] = await Promise.all([db.accounts.orderBy(':id').limit(100).toArray(), activeConfig(db)]);
  const labels = configLabels(active?.config);
  const firstScores = new Map((await db.scores.bulkGet(firstAccounts.map((a) => a.id))).map((score, i) => [firstAccounts[i]!.id, score]));
  if (signal.aborted) return;
  for (const a of firstAccounts) rows.push(withDetails(quickRow(a, undefined, labels.tiers), firstScores.get(a.id), labels));
  emit('accounts', true);
  const stored = await storedSnapshots(db);
  const tiers = labels.tiers;
  for (let after = firstAccounts[firstAccounts.length - 1]?.id; after !== undefined; ) {
    const accounts: AccountRow[] = await db.accounts.where(':id').above(after).limit(chunk).toArray();
    if (signal.aborted) return;
    for (const a of accounts) rows.push(quickRow(a, stored.get(a.id), tiers));
    emit('accounts');
    after = accounts.length < chunk ? undefined : accounts[accounts.length - 1]!.id;
  }
  for (let start = 0; start < rows.length; start += chunk) {
    const end = Math.min(rows.length, start + chunk) - 1;
    const scores = await db.scores.where(':id').between(rows[start]!.id, rows[end]!.id, true, true).toArray();
    if (signal.aborted) return;
    const byId = new Map(scores.map((s) => [s.accountId, s]));
    for (let i = start; i <= end; i++) if (!rows[i]!.details) rows[i] = withDetails(rows[i]!, byId.get(rows[i]!.id), labels);
    emit('details');
  }
  emit('done', true);
}
