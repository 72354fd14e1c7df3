// How suggested weight shares become weights on the config's scale, and how a weighting scores accounts.
// The flat plan below is a plain weighted average of action values; lib/data/backtest/engine.ts supplies one
// that writes the weights into the config (groups included) and scores with the real engine.
import type { Features } from './logistic';

export interface ConfigWeights {
  /** One per measure of the scorecard, on the config's scale. */
  measures: number[];
  /** One per group of the scorecard (empty without groups). */
  groups: number[];
}

export interface GroupRef {
  key: string;
  label: string;
}

export interface WeightPlan {
  groups: GroupRef[];
  /** Index into `groups` of each measure (0 without groups). */
  measureGroup: number[];
  current: ConfigWeights;
  /** Config weights under which measure m carries `shares[m]` of the score (shares sum to 1), with notes. */
  fromShares(shares: Float64Array): { weights: ConfigWeights; notes: string[] };
  /** Scores (higher = healthier, NaN = no score) of `rows` under `weights`. */
  score(weights: ConfigWeights, rows: Uint32Array): Float64Array;
}

/** Weights are shown to three significant digits of their total: 100 → whole numbers, 10 → tenths. */
function decimalsFor(total: number): number {
  return Math.max(0, 2 - Math.floor(Math.log10(total > 0 ? total : 100)));
}

export function roundOnScale(value: number, total: number): number {
  return Number(value.toFixed(decimalsFor(total)));
}

/** The smallest positive weight on that scale. */
export function smallestOnScale(total: number): number {
  return 10 ** -decimalsFor(total);
}

/** Weighted average of the action values present (missing ones re-weighted away), as the engine's default. */
export function weightedScores(features: Features, rows: Uint32Array, weights: readonly number[]): Float64Array {
  const { values, width } = features;
  const scores = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const offset = rows[r]! * width;
    let sum = 0;
    let weightSum = 0;
    for (let j = 0; j < width; j++) {
      const value = values[offset + j]!;
      if (Number.isNaN(value)) continue;
      sum += weights[j]! * value;
      weightSum += weights[j]!;
    }
    scores[r] = weightSum > 0 ? sum / weightSum : NaN;
  }
  return scores;
}

/** Weights with the given shares that keep the current weights' total. */
export function flatWeights(currentWeights: readonly number[], shares: Float64Array): number[] {
  const total = currentWeights.reduce((a, b) => a + b, 0) || 100;
  return Array.from(shares, (share) => roundOnScale(share * total, total));
}

/** A scorecard without groups: the score is the weighted average of its measures' action values. */
export function flatPlan(features: Features, currentWeights: readonly number[]): WeightPlan {
  return {
    groups: [],
    measureGroup: currentWeights.map(() => 0),
    current: { measures: [...currentWeights], groups: [] },
    fromShares: (shares) => ({ weights: { measures: flatWeights(currentWeights, shares), groups: [] }, notes: [] }),
    score: (weights, rows) => weightedScores(features, rows, weights.measures),
  };
}
