// L2-regularised logistic regression by Newton's method on a row-major feature matrix with NaN for missing.
// Features are standardised with the training rows' mean and spread (missing → mean, i.e. 0 after
// standardising) into one dense design matrix per fit; each Newton iteration is then a single pass over it that
// yields the loss, the gradient and the Hessian together.

export interface Features {
  /** Row-major: value of feature j for row i at i * width + j; NaN when missing. */
  values: Float64Array;
  rows: number;
  width: number;
}

export interface Standardisation {
  mean: Float64Array;
  /** Standard deviation; 0 for a feature that never varies (it then contributes nothing). */
  spread: Float64Array;
}

export interface LogisticModel extends Standardisation {
  intercept: number;
  /** One per feature, on the standardised scale. */
  coefficients: Float64Array;
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  /** Penalty λ in −log L + λ/2·‖β‖² (the intercept is not penalised). */
  l2: number;
  maxIterations?: number;
  tolerance?: number;
  /**
   * Starting intercept + coefficients (e.g. a fit on similar rows). With the L2 penalty the optimum is unique, so
   * a start changes how fast the fit converges, never where it ends.
   */
  start?: Float64Array;
}

/** Mean and spread of each feature over `rows`, ignoring missing values. */
export function standardisation(features: Features, rows: Uint32Array): Standardisation {
  const { values, width } = features;
  const sum = new Float64Array(width);
  const sumSquares = new Float64Array(width);
  const count = new Float64Array(width);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let j = 0; j < width; j++) {
      const x = values[row * width + j]!;
      if (Number.isNaN(x)) continue;
      sum[j]! += x;
      sumSquares[j]! += x * x;
      count[j]!++;
    }
  }
  const mean = new Float64Array(width);
  const spread = new Float64Array(width);
  for (let j = 0; j < width; j++) {
    if (count[j] === 0) continue;
    mean[j] = sum[j]! / count[j]!;
    const variance = sumSquares[j]! / count[j]! - mean[j]! * mean[j]!;
    spread[j] = variance > 1e-12 * Math.max(1, mean[j]! * mean[j]!) ? Math.sqrt(variance) : 0;
  }
  return { mean, spread };
}

/** Rows × (width + 1) standardised design, with 1 in the first column for the intercept, and the labels. */
interface Design {
  z: Float64Array;
  labels: Uint8Array;
  size: number;
}

function standardisedDesign(features: Features, scale: Standardisation, labels: Uint8Array, rows: Uint32Array): Design {
  const { values, width } = features;
  const size = width + 1;
  const { mean } = scale;
  // A feature that never varies gets factor 0: it stays 0 and weighs nothing.
  const factor = scale.spread.map((spread) => (spread > 0 ? 1 / spread : 0));
  const z = new Float64Array(rows.length * size);
  const rowLabels = new Uint8Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const offset = r * size;
    rowLabels[r] = labels[row]!;
    z[offset] = 1;
    for (let j = 0; j < width; j++) {
      const x = values[row * width + j]!;
      // Missing (NaN) becomes the mean, i.e. 0 once standardised.
      z[offset + j + 1] = x === x ? (x - mean[j]!) * factor[j]! : 0;
    }
  }
  return { z, labels: rowLabels, size };
}

/** Fits P(y = 1) = σ(intercept + Σ β_j z_j) on `rows`; `labels[i]` is 0 or 1. */
export function fitLogistic(
  features: Features,
  labels: Uint8Array,
  rows: Uint32Array,
  options: LogisticOptions,
): LogisticModel {
  const { l2, maxIterations = 50, tolerance = 1e-7, start } = options;
  const scale = standardisation(features, rows);
  const design = standardisedDesign(features, scale, labels, rows);
  const size = design.size;
  const beta = start ? Float64Array.from(start) : interceptOnly(design, size);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const step = new Float64Array(size);
  const trial = new Float64Array(size);
  let loss = newtonPass(design, beta, l2, gradient, hessian);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    solveCholesky(hessian, gradient, step, size);
    // Newton decrement: the loss this step would still gain (about half of gᵀH⁻¹g). Small enough → done,
    // without spending a pass on a step that changes nothing that matters.
    let decrement = 0;
    for (let k = 0; k < size; k++) decrement += gradient[k]! * step[k]!;
    if (decrement / 2 <= tolerance * (Math.abs(loss) + 1)) {
      converged = true;
      break;
    }
    iterations++;
    // Newton with step halving: the penalised loss is convex, so a short enough step always improves it.
    let factor = 1;
    let trialLoss = Infinity;
    for (let halvings = 0; halvings < 30; halvings++, factor /= 2) {
      for (let k = 0; k < size; k++) trial[k] = beta[k]! - factor * step[k]!;
      trialLoss = newtonPass(design, trial, l2, gradient, hessian);
      if (trialLoss <= loss) break;
    }
    if (!(trialLoss <= loss)) break;
    beta.set(trial);
    loss = trialLoss;
  }
  return { ...scale, intercept: beta[0]!, coefficients: beta.slice(1), iterations, converged };
}

/** Coefficients 0 and the intercept at the training rows' churn log-odds: the usual start, a step or two closer. */
function interceptOnly({ labels }: Design, size: number): Float64Array {
  let positives = 0;
  for (let r = 0; r < labels.length; r++) positives += labels[r]!;
  const beta = new Float64Array(size);
  if (positives > 0 && positives < labels.length) beta[0] = Math.log(positives / (labels.length - positives));
  return beta;
}

/** Rows the Hessian is estimated from, at most: it only steers the step, the exact gradient decides the optimum. */
const HESSIAN_ROWS = 25_000;

/**
 * Returns the penalised loss −log L + λ/2‖β‖² at `beta` and fills gradient = Zᵀ(p − y) + λβ and
 * hessian = Zᵀ diag(p(1 − p)) Z + λI (intercept unpenalised) at the same point. On large fits the Hessian
 * comes from every k-th row, scaled up (a subsampled Newton step): it is most of the cost of a pass, and the
 * step halving and the exact loss and gradient keep the result where full Newton would end.
 */
function newtonPass(design: Design, beta: Float64Array, l2: number, gradient: Float64Array, hessian: Float64Array): number {
  const { z, labels, size } = design;
  const stride = Math.ceil(labels.length / HESSIAN_ROWS);
  gradient.fill(0);
  hessian.fill(0);
  let loss = 0;
  let hessianRows = 0;
  for (let r = 0, offset = 0; r < labels.length; r++, offset += size) {
    let eta = 0;
    for (let k = 0; k < size; k++) eta += beta[k]! * z[offset + k]!;
    const label = labels[r]!;
    // log(1 + e^η) − y·η, written to stay finite for large |η|.
    const e = Math.exp(-Math.abs(eta));
    loss += (eta > 0 ? eta : 0) + Math.log1p(e) - label * eta;
    const p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const residual = p - label;
    for (let a = 0; a < size; a++) gradient[a]! += residual * z[offset + a]!;
    if (r % stride !== 0) continue;
    hessianRows++;
    const weight = Math.max(p * (1 - p), 1e-12);
    for (let a = 0; a < size; a++) {
      const wza = weight * z[offset + a]!;
      // Lower triangle only; mirrored below.
      for (let b = 0; b <= a; b++) hessian[a * size + b]! += wza * z[offset + b]!;
    }
  }
  const hessianScale = labels.length / Math.max(hessianRows, 1);
  for (let a = 0; a < size; a++) {
    for (let b = 0; b <= a; b++) hessian[a * size + b]! *= hessianScale;
    for (let b = 0; b < a; b++) hessian[b * size + a] = hessian[a * size + b]!;
    if (a > 0) {
      loss += 0.5 * l2 * beta[a]! * beta[a]!;
      gradient[a]! += l2 * beta[a]!;
      hessian[a * size + a]! += l2;
    }
  }
  return loss;
}

/**
 * Solves A x = b for a symmetric positive definite A (row-major, size × size) by Cholesky; A is overwritten
 * with its factor. A tiny ridge keeps a rank-deficient system (an unpenalised intercept with no data) solvable.
 */
export function solveCholesky(a: Float64Array, b: Float64Array, x: Float64Array, size: number): void {
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * size + j]!;
      for (let k = 0; k < j; k++) sum -= a[i * size + k]! * a[j * size + k]!;
      if (i === j) a[i * size + i] = Math.sqrt(Math.max(sum, 1e-12));
      else a[i * size + j] = sum / a[j * size + j]!;
    }
  }
  for (let i = 0; i < size; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= a[i * size + k]! * x[k]!;
    x[i] = sum / a[i * size + i]!;
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let k = i + 1; k < size; k++) sum -= a[k * size + i]! * x[k]!;
    x[i] = sum / a[i * size + i]!;
  }
}
