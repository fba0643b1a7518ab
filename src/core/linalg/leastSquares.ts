import type { Matrix } from '../models/contract';
import { linalgMessage } from './messages';

/** The solution of a least-squares problem and the numerical rank found for it. */
export interface LeastSquaresResult {
  /** The minimum-norm x minimising ‖A·x − b‖₂. */
  x: Float64Array;
  /** The numerical rank of A (columns beyond it were linearly dependent). */
  rank: number;
}

const EPS = 2.220446049250313e-16;

/**
 * Solves min ‖A·x − b‖₂ by Householder QR with column pivoting; when A is rank-deficient it
 * completes the factorisation (complete orthogonal decomposition) to return the minimum-norm
 * solution, as LAPACK's `gelsd` (numpy / scipy `lstsq`) does. Singular values below
 * `rcond · max|R₀₀|` count as zero; default `rcond = eps · max(rows, cols)` (numpy's default).
 *
 * @example
 * const { x, rank } = solveLeastSquares(matrixFromRows([[1, 0], [0, 1], [1, 1]]), new Float64Array([1, 2, 3]));
 */
export function solveLeastSquares(a: Matrix, b: ArrayLike<number>, options: { rcond?: number } = {}): LeastSquaresResult {
  if (b.length !== a.rows) throw new RangeError(linalgMessage.rowCount('solveLeastSquares', b.length, a.rows));
  const rcond = options.rcond ?? EPS * Math.max(a.rows, a.cols);
  if (!(rcond >= 0)) throw new RangeError(linalgMessage.notAtLeastZero('solveLeastSquares', 'rcond', rcond));
  return _solveLeastSquares(a, Float64Array.from(b), rcond);
}

function _solveLeastSquares(a: Matrix, rhs: Float64Array, rcond: number): LeastSquaresResult {
  const m = a.rows;
  const n = a.cols;
  // Column-major copy: Householder reflections walk down columns.
  const A = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A[j * m + i] = a.data[i * n + j];
  const { perm, tau, steps } = pivotedQr(A, m, n);
  applyQt(A, m, tau, steps, rhs);
  const r00 = steps > 0 ? Math.abs(A[0]) : 0;
  let rank = 0;
  while (rank < steps && Math.abs(A[rank * m + rank]) > rcond * r00) rank++;
  const y = rank === n ? backSubstitute(A, m, n, rhs) : minimumNorm(A, m, n, rank, rhs);
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) x[perm[j]] = y[j];
  return { x, rank };
}

/** In-place QR with column pivoting (LAPACK dlaqp2): R above the diagonal, reflectors below. */
function pivotedQr(A: Float64Array, m: number, n: number): { perm: Int32Array; tau: Float64Array; steps: number } {
  const steps = Math.min(m, n);
  const perm = Int32Array.from({ length: n }, (_, j) => j);
  const tau = new Float64Array(steps);
  const norms = new Float64Array(n);
  const norms0 = new Float64Array(n);
  for (let j = 0; j < n; j++) norms[j] = norms0[j] = columnNorm(A, m, j, 0);
  for (let k = 0; k < steps; k++) {
    let p = k;
    for (let j = k + 1; j < n; j++) if (norms[j] > norms[p]) p = j;
    if (p !== k) {
      for (let i = 0; i < m; i++) {
        const t = A[k * m + i];
        A[k * m + i] = A[p * m + i];
        A[p * m + i] = t;
      }
      [perm[k], perm[p]] = [perm[p], perm[k]];
      norms[p] = norms[k];
      norms0[p] = norms0[k];
    }
    tau[k] = householder(A, m, k, k);
    for (let j = k + 1; j < n; j++) reflect(A, m, k, k, tau[k], j);
    for (let j = k + 1; j < n; j++) {
      if (norms[j] === 0) continue;
      const r = Math.abs(A[j * m + k]) / norms[j];
      const t = Math.max(0, (1 - r) * (1 + r));
      const ratio = norms[j] / norms0[j];
      // Downdating loses accuracy once most of the norm is gone: recompute it then.
      if (t * ratio * ratio <= Math.sqrt(EPS)) norms[j] = norms0[j] = columnNorm(A, m, j, k + 1);
      else norms[j] *= Math.sqrt(t);
    }
  }
  return { perm, tau, steps };
}

function columnNorm(A: Float64Array, m: number, j: number, from: number): number {
  let scale = 0;
  for (let i = from; i < m; i++) scale = Math.max(scale, Math.abs(A[j * m + i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = from; i < m; i++) {
    const v = A[j * m + i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/** Householder vector for column `col` from row `row` down (LAPACK dlarfg); returns tau. */
function householder(A: Float64Array, m: number, row: number, col: number): number {
  const base = col * m;
  const alpha = A[base + row];
  const xnorm = columnNorm(A, m, col, row + 1);
  if (xnorm === 0) return 0;
  const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  const tau = (beta - alpha) / beta;
  const scale = 1 / (alpha - beta);
  for (let i = row + 1; i < m; i++) A[base + i] *= scale;
  A[base + row] = beta;
  return tau;
}

/** Applies the reflector stored in column `col` (from `row`) to column `j` of the same array. */
function reflect(A: Float64Array, m: number, row: number, col: number, tau: number, j: number): void {
  if (tau === 0) return;
  const v = col * m;
  const c = j * m;
  let s = A[c + row];
  for (let i = row + 1; i < m; i++) s += A[v + i] * A[c + i];
  s *= tau;
  A[c + row] -= s;
  for (let i = row + 1; i < m; i++) A[c + i] -= s * A[v + i];
}

function applyQt(A: Float64Array, m: number, tau: Float64Array, steps: number, b: Float64Array): void {
  for (let k = 0; k < steps; k++) {
    if (tau[k] === 0) continue;
    let s = b[k];
    for (let i = k + 1; i < m; i++) s += A[k * m + i] * b[i];
    s *= tau[k];
    b[k] -= s;
    for (let i = k + 1; i < m; i++) b[i] -= s * A[k * m + i];
  }
}

function backSubstitute(A: Float64Array, m: number, n: number, c: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = c[i];
    for (let j = i + 1; j < n; j++) s -= A[j * m + i] * y[j];
    y[i] = s / A[i * m + i];
  }
  return y;
}

/**
 * Rank r < n: [R11 R12] = Tᵀ·Q2ᵀ from a QR of its transpose, so the minimum-norm y has
 * Q2ᵀ·y = [u; 0] with Tᵀ·u = c[0:r].
 */
function minimumNorm(A: Float64Array, m: number, n: number, r: number, c: Float64Array): Float64Array {
  if (r === 0) return new Float64Array(n);
  const M = new Float64Array(n * r); // n × r, column-major: column i is row i of [R11 R12]
  for (let i = 0; i < r; i++) for (let j = i; j < n; j++) M[i * n + j] = A[j * m + i];
  const tau = new Float64Array(r);
  for (let k = 0; k < r; k++) {
    tau[k] = householder(M, n, k, k);
    for (let j = k + 1; j < r; j++) reflect(M, n, k, k, tau[k], j);
  }
  const y = new Float64Array(n);
  for (let i = 0; i < r; i++) {
    let s = c[i];
    for (let j = 0; j < i; j++) s -= M[i * n + j] * y[j];
    y[i] = s / M[i * n + i];
  }
  for (let k = r - 1; k >= 0; k--) {
    if (tau[k] === 0) continue;
    let s = y[k];
    for (let i = k + 1; i < n; i++) s += M[k * n + i] * y[i];
    s *= tau[k];
    y[k] -= s;
    for (let i = k + 1; i < n; i++) y[i] -= s * M[k * n + i];
  }
  return y;
}
