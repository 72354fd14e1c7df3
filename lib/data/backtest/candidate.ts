// Suggested weight shares written into a config: the draft the options page offers to "use as draft".
// Nothing here applies anything; it returns a modified deep copy.
import type { ScoringConfig } from '../../scoring';
import { type ConfigWeights, flatWeights, roundOnScale, smallestOnScale } from './plan';

type Scorecard = ScoringConfig['scorecards'][number];

/** Group index of each measure, as the engine assigns it (a measure without a known group joins the first). */
export function groupOf(card: Scorecard): number[] {
  return card.measures.map((measure) => Math.max(0, (card.groups ?? []).findIndex((group) => group.key === measure.group)));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function currentWeights(card: Scorecard): ConfigWeights {
  return { measures: card.measures.map((m) => m.weight), groups: (card.groups ?? []).map((g) => g.weight) };
}

/**
 * Config weights under which measure m carries `shares[m]` of the score, on the scale the config already uses:
 * - weighted, no groups: measure weights keep their total;
 * - weighted with groups: each group gets its measures' combined share (group weights keep their total) and its
 *   measures split the group's current within-group total; a group whose measures all get 0 keeps its measures
 *   and the smallest weight allowed (a group needs a positive weight);
 * - additive: group multipliers stay, measure weights keep the total points-per-unit mass.
 */
export function weightsFromShares(card: Scorecard, shares: Float64Array): { weights: ConfigWeights; notes: string[] } {
  const current = currentWeights(card);
  const group = groupOf(card);
  const groups = card.groups ?? [];
  if (card.formula === 'additive') {
    const multiplier = (m: number) => groups[group[m]!]?.weight ?? 1;
    const mass = sum(current.measures.map((w, m) => w * multiplier(m))) || card.measures.length;
    const measures = current.measures.map((_, m) => roundOnScale((shares[m]! * mass) / multiplier(m), mass));
    return { weights: { measures, groups: current.groups }, notes: [] };
  }
  if (groups.length === 0) return { weights: { measures: flatWeights(current.measures, shares), groups: [] }, notes: [] };
  const notes: string[] = [];
  const groupTotal = sum(current.groups);
  const groupShares = groups.map((_, g) => sum(Array.from(shares).filter((_, m) => group[m] === g)));
  const groupWeights = groupShares.map((share, g) => {
    if (share > 0) return Math.max(smallestOnScale(groupTotal), roundOnScale(share * groupTotal, groupTotal));
    const smallest = smallestOnScale(groupTotal);
    notes.push(
      `Group "${groups[g]!.label}": none of its measures ranks churned accounts low, but a group needs a positive ` +
        `weight, so the draft gives it the smallest (${smallest}); consider removing the group.`,
    );
    return smallest;
  });
  const measures = current.measures.map((weight, m) => {
    const g = group[m]!;
    if (groupShares[g]! <= 0) return weight;
    const withinTotal = sum(current.measures.filter((_, k) => group[k] === g)) || 1;
    return roundOnScale((shares[m]! / groupShares[g]!) * withinTotal, withinTotal);
  });
  return { weights: { measures, groups: groupWeights }, notes };
}

/** A deep copy of `config` with scorecard `cardIndex` weighted by `weights`. */
export function withWeights(config: ScoringConfig, cardIndex: number, weights: ConfigWeights): ScoringConfig {
  const copy = structuredClone(config);
  const card = copy.scorecards[cardIndex]!;
  card.measures.forEach((measure, m) => (measure.weight = weights.measures[m]!));
  card.groups?.forEach((group, g) => (group.weight = weights.groups[g]!));
  return copy;
}

/** The draft offered to the user: suggested weights, a version that says so. */
export function candidateConfig(config: ScoringConfig, cardIndex: number, weights: ConfigWeights): ScoringConfig {
  const draft = withWeights(config, cardIndex, weights);
  draft.version = `${config.version.slice(0, 40)}-suggested`;
  return draft;
}
