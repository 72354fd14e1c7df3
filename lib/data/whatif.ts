// What-if preview of an edited config: scores every stored account with it (bulk path, in chunks that yield to
// the event loop so the page stays responsive with 100k accounts) and compares with the stored results.
import { compileConfig, scoreMany, type AccountEntry, type ScoringConfig } from '../scoring';
import type { ScoreSnapshot, TierRef } from '../scoring/types';
import type { TierCount } from '../messaging';
import type { HealthmarkDb } from './db';

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

/** Each account's stored tier and score, read from the indexes alone (score rows with explanations stay on disk). */
export async function storedSnapshots(db: HealthmarkDb): Promise<Map<string, ScoreSnapshot>> {
  const byTier = db.scores.orderBy('tier');
  const byScore = db.scores.orderBy('score');
  const [tiers, tierIds, scores, scoreIds] = await Promise.all([byTier.keys(), byTier.primaryKeys(), byScore.keys(), byScore.primaryKeys()]);
  const out = new Map<string, ScoreSnapshot>();
  tierIds.forEach((id, i) => out.set(id, { tier: String(tiers[i]), score: null }));
  scoreIds.forEach((id, i) => {
    const snapshot = out.get(id) ?? { tier: null, score: null };
    snapshot.score = Number(scores[i]);
    out.set(id, snapshot);
  });
  return out;
}

/** Every stored account with its metrics, override and stored result: the input of a what-if preview. */
export async function loadWhatIfEntries(db: HealthmarkDb): Promise<WhatIfEntry[]> {
  return db.transaction('r', [db.accounts, db.metrics, db.overrides, db.scores], async () => {
    const [accounts, metrics, overrides, stored] = await Promise.all([db.accounts.toArray(), db.metrics.toArray(), db.overrides.toArray(), storedSnapshots(db)]);
    const metricsById = new Map(metrics.map((m) => [m.accountId, m.values]));
    const overrideById = new Map(overrides.map((o) => [o.accountId, o]));
    return accounts.map((account) => ({
      account,
      metrics: metricsById.get(account.id) ?? {},
      override: overrideById.get(account.id) ?? null,
      before: stored.get(account.id) ?? { tier: null, score: null },
    }));
  });
}
