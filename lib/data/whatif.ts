// What-if preview of an edited config: scores every stored account with it (bulk path, in chunks that yield to
// the event loop so the page stays responsive with 100k accounts) and compares with the stored results.
import { compileConfig, scoreMany, type AccountEntry, type ScoringConfig } from '../scoring';
import type { ScoreSnapshot, TierRef } from '../scoring/types';
import type { TierCount } from '../messaging';
import type { AccountRow, HealthmarkDb } from './db';

export interface WhatIfEntry extends AccountEntry {
  /** The stored result the new one is compared with. */
  before: ScoreSnapshot;
}

export interface Distribution {
  tiers: TierCount[];
  insufficient: number;
}

export interface TierMove {
  accountId: string;
  name: string;
  from: TierRef | null;
  to: TierRef | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** After − before; null when either has no score. */
  delta: number | null;
}

export interface WhatIfResult {
  before: Distribution;
  after: Distribution;
  /** Accounts whose tier changes, largest score change first. */
  moves: TierMove[];
}

export interface WhatIfOptions {
  now: Date;
  /** Accounts scored between two yields to the event loop. */
  chunk?: number;
  signal?: AbortSignal;
}

const UNKNOWN_TIER_COLOR = '#9aa0a6';

/** Counts tier keys into the config's tiers, in the config's order; keys the config does not know get their own entry. */
export function distribution(tiers: readonly TierRef[], keys: Iterable<string | null>): Distribution {
  const counts = new Map<string, number>(tiers.map((t) => [t.key, 0]));
  let insufficient = 0;
  for (const key of keys) {
    if (key === null) insufficient++;
    else counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const refs = new Map(tiers.map((t) => [t.key, t]));
  return {
    tiers: [...counts].map(([key, count]) => ({ ...(refs.get(key) ?? { key, label: key, color: UNKNOWN_TIER_COLOR }), count })),
    insufficient,
  };
}

function tierRef(tiers: readonly TierRef[], key: string | null): TierRef | null {
  if (key === null) return null;
  return tiers.find((t) => t.key === key) ?? { key, label: key, color: UNKNOWN_TIER_COLOR };
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Scores `entries` with `next` and compares with each entry's stored result (tiers of `current` label the old side). */
export async function whatIf(current: ScoringConfig | null, next: ScoringConfig, entries: readonly WhatIfEntry[], options: WhatIfOptions): Promise<WhatIfResult> {
  const compiled = compileConfig(next);
  const chunk = Math.max(1, options.chunk ?? 2000);
  const currentTiers = current?.tiers ?? [];
  const afterKeys: (string | null)[] = [];
  const moves: TierMove[] = [];
  for (let start = 0; start < entries.length; start += chunk) {
    if (start > 0) await pause();
    options.signal?.throwIfAborted();
    const slice = entries.slice(start, start + chunk);
    scoreMany(compiled, slice, { now: options.now }).forEach((result, i) => {
      const entry = slice[i]!;
      afterKeys.push(result.tier);
      if (result.tier === entry.before.tier) return;
      const { score: scoreBefore } = entry.before;
      moves.push({
        accountId: entry.account.id,
        name: entry.account.name,
        from: tierRef(currentTiers, entry.before.tier),
        to: tierRef(compiled.tiers, result.tier),
        scoreBefore,
        scoreAfter: result.score,
        delta: scoreBefore === null || result.score === null ? null : result.score - scoreBefore,
      });
    });
  }
  moves.sort((a, b) => Math.abs(b.delta ?? 101) - Math.abs(a.delta ?? 101) || a.name.localeCompare(b.name));
  return {
    before: distribution(currentTiers, entries.map((e) => e.before.tier)),
    after: distribution(compiled.tiers, afterKeys),
    moves,
  };
}

/**
 * Each account's stored tier and score, read from the indexes alone (score rows with explanations stay on disk):
 * the distinct values first, then the accounts under each value. There are few tiers and at most 101 scores, so
 * this is a few hundred key reads rather than a cursor step per account.
 */
export async function storedSnapshots(db: HealthmarkDb): Promise<Map<string, ScoreSnapshot>> {
  const [tierKeys, scoreKeys] = await Promise.all([db.scores.orderBy('tier').uniqueKeys(), db.scores.orderBy('score').uniqueKeys()]);
  const [byTier, byScore] = await Promise.all([
    Promise.all(tierKeys.map((tier) => db.scores.where('tier').equals(tier).primaryKeys())),
    Promise.all(scoreKeys.map((score) => db.scores.where('score').equals(score).primaryKeys())),
  ]);
  const out = new Map<string, ScoreSnapshot>();
  byTier.forEach((ids, i) => ids.forEach((id) => out.set(id, { tier: String(tierKeys[i]), score: null })));
  byScore.forEach((ids, i) =>
    ids.forEach((id) => {
      const snapshot = out.get(id);
      if (snapshot) snapshot.score = Number(scoreKeys[i]);
      else out.set(id, { tier: null, score: Number(scoreKeys[i]) });
    }),
  );
  return out;
}

/**
 * Every stored account with its metrics, override and stored result: the input of a what-if preview. Read in
 * chunks by key (accounts and metrics share their keys), so no single step holds up the page at 100k accounts.
 */
export async function loadWhatIfEntries(db: HealthmarkDb, chunk = 5000): Promise<WhatIfEntry[]> {
  const [overrides, stored] = await Promise.all([db.overrides.toArray(), storedSnapshots(db)]);
  const overrideById = new Map(overrides.map((o) => [o.accountId, o]));
  const entries: WhatIfEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const accounts: AccountRow[] = await (after === null ? db.accounts.orderBy(':id') : db.accounts.where(':id').above(after)).limit(chunk).toArray();
    const first = accounts[0]?.id;
    const last = accounts[accounts.length - 1]?.id;
    if (first === undefined || last === undefined) return entries;
    const metrics = new Map((await db.metrics.where(':id').between(first, last, true, true).toArray()).map((m) => [m.accountId, m.values]));
    for (const account of accounts)
      entries.push({
        account,
        metrics: metrics.get(account.id) ?? {},
        override: overrideById.get(account.id) ?? null,
        before: stored.get(account.id) ?? { tier: null, score: null },
      });
    if (accounts.length < chunk) return entries;
    after = last;
  }
}
