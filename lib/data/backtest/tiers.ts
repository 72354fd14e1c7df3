// Churn rate per tier: do red accounts really churn more than green ones?

export interface TierRef {
  key: string;
  label: string;
}

export interface TierChurn extends TierRef {
  accounts: number;
  churned: number;
  /** churned / accounts, or null for a tier with no account that has an outcome. */
  churnRate: number | null;
}

/**
 * `tierIndex[i]` points into `tiers` (−1: no tier); `churned[i]` is 1, 0 or anything else for no outcome.
 * Only accounts with both a tier and an outcome count.
 */
export function churnByTier(tiers: readonly TierRef[], tierIndex: Int16Array, churned: Uint8Array): TierChurn[] {
  const accounts = new Uint32Array(tiers.length);
  const churnedCount = new Uint32Array(tiers.length);
  for (let i = 0; i < tierIndex.length; i++) {
    const tier = tierIndex[i]!;
    const outcome = churned[i];
    if (tier < 0 || tier >= tiers.length || (outcome !== 0 && outcome !== 1)) continue;
    accounts[tier]!++;
    churnedCount[tier]! += outcome;
  }
  return tiers.map((tier, t) => ({
    key: tier.key,
    label: tier.label,
    accounts: accounts[t]!,
    churned: churnedCount[t]!,
    churnRate: accounts[t] ? churnedCount[t]! / accounts[t]! : null,
  }));
}
