// From a churn model to weight shares: a health score is a weighted average of action values, so a fitted churn
// coefficient β on a standardised value becomes the weight −β / spread on the raw value; a positive β (more churn
// with a healthier value) contradicts the direction and becomes 0. Shares are those weights normalised to sum 1.
import { type Features, fitLogistic } from './logistic';

export interface HealthShares {
  /** Null when every weight is 0: the fit ranks no measure's healthier values with less churn. */
  shares: Float64Array | null;
  /** Whether each measure varies among the rows (one that never does cannot be weighed). */
  varies: boolean[];
  /** Intercept then coefficients: a start for a fit on the same rows with another penalty. */
  parameters: Float64Array;
  coefficients: Float64Array;
  converged: boolean;
}

export function healthShares(features: Features, churned: Uint8Array, rows: Uint32Array, l2: number, start?: Float64Array): HealthShares {
  const model = fitLogistic(features, churned, rows, { l2, ...(start ? { start } : {}) });
  const weights = new Float64Array(features.width);
  const varies: boolean[] = [];
  for (let j = 0; j < features.width; j++) {
    const spread = model.spread[j]!;
    varies.push(spread > 0);
    weights[j] = spread > 0 ? Math.max(0, -model.coefficients[j]! / spread) : 0;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = total > 0 ? weights.map((w) => w / total) : null;
  const parameters = Float64Array.of(model.intercept, ...model.coefficients);
  return { shares, varies, parameters, coefficients: model.coefficients, converged: model.converged };
}
