// L2-regularised logistic regression by Newton's method on a row-major feature matrix with NaN for missing.
// Features are standardised on the fly with the training rows' mean and spread (missing → mean, i.e. 0 after
// standardising), so no standardised copy of the matrix is ever made.

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

/** The fixed parts of one fit, plus a scratch row so the loops allocate nothing. */
interface Problem {
  features: Features;
  scale: Standardisation;
  labels: Uint8Array;
  rows: Uint32Array;
  l2: number;
  /** Standardised features of the current row, z[0] = 1 for the intercept. */
  z: Float64Array;
}

/** Loads row `row` into `problem.z` and returns its linear predictor under `beta`. */
function linearPredictor(problem: Problem, row: number, beta: Float64Array): number {
  const { features, scale, z } = problem;
  const { values, width } = features;
  z[0] = 1;
  let eta = beta[0]!;
  for (let j = 0; j < width; j++) {
    const x = values[row * width + j]!;
    const spread = scale.spread[j]!;
    const zj = Number.isNaN(x) || spread === 0 ? 0 : (x - scale.mean[j]!) / spread;
    z[j + 1] = zj;
    eta += beta[j + 1]! * zj;
  }
  return eta;
}

/** Fits P(y = 1) = σ(intercept + Σ β_j z_j) on `rows`; `labels[i]` is 0 or 1. */
export function fitLogistic(
  features: Features,
  labels: Uint8Array,
  rows: Uint32Array,
  options: LogisticOptions,
): LogisticModel {
  const { l2, maxIterations = 50, tolerance = 1e-9 } = options;
  const scale = standardisation(features, rows);
  const size = features.width + 1;
  const problem: Problem = { features, scale, labels, rows, l2, z: new Float64Array(size) };
  const beta = new Float64Array(size);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const step = new Float64Array(size);
  const trial = new Float64Array(size);
  let loss = penalisedLoss(problem, beta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    newtonSystem(problem, beta, gradient, hessian);
    solveCholesky(hessian, gradient, step, size);
    // Newton with step halving: the penalised loss is convex, so a short enough step always improves it.
    let factor = 1;
    let trialLoss = Infinity;
    for (let halvings = 0; halvings < 30; halvings++, factor /= 2) {
      for (let k = 0; k < size; k++) trial[k] = beta[k]! - factor * step[k]!;
      trialLoss = penalisedLoss(problem, trial);
      if (trialLoss <= loss) break;
    }
    if (!(trialLoss <= loss)) break;
    beta.set(trial);
    converged = loss - trialLoss <= tolerance * (Math.abs(loss) + 1);
    loss = trialLoss;
  }
  return { ...scale, intercept: beta[0]!, coefficients: beta.slice(1), iterations, converged };
}

function penalisedLoss(problem: Problem, beta: Float64Array): number {
  const { rows, labels, l2 } = problem;
  let loss = 0;
  for (let r = 0; r < rows.length; r++) {
    const eta = linearPredictor(problem, rows[r]!, beta);
    // log(1 + e^η) − y·η, written to stay finite for large |η|.
    loss += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - labels[rows[r]!]! * eta;
  }
  for (let k = 1; k < beta.length; k++) loss += 0.5 * l2 * beta[k]! * beta[k]!;
  return loss;
}

/** gradient = Zᵀ(p − y) + λβ and hessian = Zᵀ diag(p(1 − p)) Z + λI, intercept unpenalised. */
function newtonSystem(problem: Problem, beta: Float64Array, gradient: Float64Array, hessian: Float64Array): void {
  const { rows, labels, l2, z } = problem;
  const size = z.length;
  gradient.fill(0);
  hessian.fill(0);
  for (let r = 0; r < rows.length; r++) {
    const p = 1 / (1 + Math.exp(-linearPredictor(problem, rows[r]!, beta)));
    const residual = p - labels[rows[r]!]!;
    const weight = Math.max(p * (1 - p), 1e-12);
    for (let a = 0; a < size; a++) {
      const za = z[a]!;
      gradient[a]! += residual * za;
      const wza = weight * za;
      // Lower triangle only; mirrored below.
      for (let b = 0; b <= a; b++) hessian[a * size + b]! += wza * z[b]!;
    }
  }
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < a; b++) hessian[b * size + a] = hessian[a * size + b]!;
    if (a > 0) {
      gradient[a]! += l2 * beta[a]!;
      hessian[a * size + a]! += l2;
    }
  }
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
