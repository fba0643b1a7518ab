import { choleskyFactor, choleskySolve } from '../../linalg/cholesky';
import { solveLeastSquares } from '../../linalg/leastSquares';
import { createMatrix, type Matrix } from '../../linalg/matrix';
import { createRowKernels, type RowKernels } from '../../linalg/rowKernels';
import { modelMessage } from '../messages';

/** Coefficients and intercept of a (ridge) least-squares fit. */
export interface LinearSolution {
  coef: Float64Array;
  intercept: number;
  rank: number;
  /** 'normal' (Cholesky of the Gram matrix, refined) or 'qr' (pivoted QR, minimum norm). */
  method: 'normal' | 'qr';
}

/**
 * scikit-learn's recipe for LinearRegression / Ridge: centre X and y on their (weighted) means
 * when fitting an intercept, weight rows by √weight, solve the (ridge) least-squares problem,
 * and recover the intercept as ȳ − x̄·coef.
 *
 * The solve tries the normal equations first (one SIMD pass for the Gram matrix, Cholesky, then
 * iterative refinement on the residuals until the correction is at rounding level, which makes
 * the answer as accurate as a QR solve while the condition number stays below ≈1e7; a Gram
 * matrix with a condition number below 1e4 needs no refinement) and falls
 * back to pivoted QR with the minimum-norm solution, like LAPACK's lstsq, for rank-deficient or
 * badly conditioned problems.
 *
 * @example
 * const { coef, intercept } = solveCenteredLeastSquares(x, y, ones, true, 0);
 */
export function solveCenteredLeastSquares(x: Matrix, y: Float64Array, sw: Float64Array, fitIntercept: boolean, alpha: number): LinearSolution {
  const { rows: n, cols: d } = x;
  const tryNormal = n >= d && d > 0;
  const kernels = tryNormal ? createRowKernels(x, 1) : undefined;
  const xMean = new Float64Array(d);
  let yMean = 0;
  if (fitIntercept) {
    let wsum = 0;
    for (let i = 0; i < n; i++) {
      wsum += sw[i];
      yMean += sw[i] * y[i];
    }
    if (!(wsum > 0)) throw new RangeError(modelMessage.sampleWeightZero);
    yMean /= wsum;
    // x̄ = Xᵀ·w / Σw: one kernel pass when there are kernels.
    if (kernels) {
      kernels.residuals(1).set(sw);
      kernels.gradient(1, xMean);
    } else {
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xMean[j] += sw[i] * x.data[i * d + j];
    }
    for (let j = 0; j < d; j++) xMean[j] /= wsum;
  }
  const normal = kernels ? solveNormal(kernels, x, y, sw, xMean, yMean, alpha) : undefined;
  const { coef, rank, method } = normal ? { ...normal, method: 'normal' as const } : { ...solveQr(x, y, sw, xMean, yMean, alpha), method: 'qr' as const };
  let intercept = 0;
  if (fitIntercept) {
    intercept = yMean;
    for (let j = 0; j < d; j++) intercept -= xMean[j] * coef[j];
  }
  return { coef, intercept, rank, method };
}

/** Normal equations with refinement; undefined when the problem is too badly conditioned for them. */
function solveNormal(kernels: RowKernels, x: Matrix, y: Float64Array, sw: Float64Array, xMean: Float64Array, yMean: number, alpha: number): { coef: Float64Array; rank: number } | undefined {
  const { rows: n, cols: d } = x;
  const gram = new Float64Array(d * d);
  kernels.gram(sw, xMean, gram);
  for (let j = 0; j < d; j++) gram[j * d + j] += alpha;
  const factor = choleskyFactor(gram, d);
  if (!factor || factor.conditionEstimate > 1e12) return undefined;
  // With a small exact condition number the first solve is already accurate to ≈cond·eps.
  const wellConditioned = d <= 200 && conditionNumber1(gram, factor.lower, d) < 1e4;
  const w = new Float64Array(d);
  const shift = new Float64Array(1);
  const g = new Float64Array(d);
  let previous = Infinity;
  for (let iteration = 0; iteration < 8; iteration++) {
    // r = W·(yc − Xc·w); g = Xcᵀ·r − α·w, the gradient the correction δ = G⁻¹·g removes.
    let mw = 0;
    for (let j = 0; j < d; j++) mw += xMean[j] * w[j];
    shift[0] = -mw;
    // The first pass starts from w = 0, where Xc·w is 0: no scores pass needed.
    const z = iteration === 0 ? undefined : kernels.scores(w, shift, 1);
    const r = kernels.residuals(1);
    let rsum = 0;
    for (let i = 0; i < n; i++) {
      r[i] = sw[i] * (y[i] - yMean - (z ? z[i] : 0));
      rsum += r[i];
    }
    g.fill(0);
    kernels.gradient(1, g);
    for (let j = 0; j < d; j++) g[j] -= xMean[j] * rsum + alpha * w[j];
    const delta = choleskySolve(factor.lower, d, g);
    let dmax = 0;
    let wmax = 0;
    for (let j = 0; j < d; j++) {
      w[j] += delta[j];
      dmax = Math.max(dmax, Math.abs(delta[j]));
      wmax = Math.max(wmax, Math.abs(w[j]));
    }
    const relative = wmax > 0 ? dmax / wmax : 0;
    if (relative <= 1e-13 || (iteration === 0 && wellConditioned)) return { coef: w, rank: d };
    // Corrections stopped shrinking: fine at rounding level, a sign of ill-conditioning above it.
    if (iteration > 0 && relative > 0.5 * previous) return previous <= 1e-9 ? { coef: w, rank: d } : undefined;
    previous = relative;
  }
  return previous <= 1e-9 ? { coef: w, rank: d } : undefined;
}

/** ‖A‖₁·‖A⁻¹‖₁ from the Cholesky factor (d solves: cheap next to the pass over the rows for d ≤ 200). */
function conditionNumber1(a: Float64Array, lower: Float64Array, d: number): number {
  const e = new Float64Array(d);
  let normInverse = 0;
  let norm = 0;
  for (let j = 0; j < d; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(lower, d, e);
    let s = 0;
    let t = 0;
    for (let i = 0; i < d; i++) {
      s += Math.abs(col[i]);
      t += Math.abs(a[i * d + j]);
    }
    normInverse = Math.max(normInverse, s);
    norm = Math.max(norm, t);
  }
  return norm * normInverse;
}

/** Pivoted QR on the centred, √weight-scaled rows (augmented with √α·I for ridge). */
function solveQr(x: Matrix, y: Float64Array, sw: Float64Array, xMean: Float64Array, yMean: number, alpha: number): { coef: Float64Array; rank: number } {
  const { rows: n, cols: d } = x;
  const extra = alpha > 0 ? d : 0;
  const a = createMatrix(n + extra, d);
  const b = new Float64Array(n + extra);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(sw[i]);
    for (let j = 0; j < d; j++) a.data[i * d + j] = s * (x.data[i * d + j] - xMean[j]);
    b[i] = s * (y[i] - yMean);
  }
  const ra = Math.sqrt(alpha);
  for (let j = 0; j < extra; j++) a.data[(n + j) * d + j] = ra;
  const { x: coef, rank } = solveLeastSquares(a, b);
  return { coef, rank };
}
