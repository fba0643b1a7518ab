import { linalgMessage } from './messages';
/**
 * Cholesky factorisation of a symmetric positive-definite matrix (row-major, d × d) and
 * solves with it: the normal-equations path of LinearRegression and Ridge.
 */

/**
 * The lower-triangular L with A = L·Lᵀ, or undefined when A is not (numerically) positive
 * definite. Also returns the squared ratio of L's largest to smallest diagonal entry, a cheap
 * lower estimate of A's condition number.
 *
 * @example
 * const f = choleskyFactor(new Float64Array([4, 2, 2, 3]), 2); // f.lower = [2, 0, 1, 1.414…]
 */
export function choleskyFactor(a: Float64Array, d: number): { lower: Float64Array; conditionEstimate: number } | undefined {
  if (a.length < d * d) throw new RangeError(linalgMessage.valueCount('choleskyFactor', 'a', a.length, d, d));
  const L = new Float64Array(d * d);
  let maxDiag = 0;
  let minDiag = Infinity;
  for (let j = 0; j < d; j++) {
    let s = a[j * d + j];
    for (let k = 0; k < j; k++) s -= L[j * d + k] * L[j * d + k];
    if (!(s > 0)) return undefined;
    const ljj = Math.sqrt(s);
    L[j * d + j] = ljj;
    maxDiag = Math.max(maxDiag, ljj);
    minDiag = Math.min(minDiag, ljj);
    for (let i = j + 1; i < d; i++) {
      let t = a[i * d + j];
      for (let k = 0; k < j; k++) t -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = t / ljj;
    }
  }
  return { lower: L, conditionEstimate: d ? (maxDiag / minDiag) ** 2 : 1 };
}

/**
 * Solves L·Lᵀ·x = b for the factor from choleskyFactor.
 *
 * @example
 * choleskySolve(f.lower, 2, new Float64Array([1, 2]))
 */
export function choleskySolve(lower: Float64Array, d: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= lower[i * d + k] * y[k];
    y[i] = s / lower[i * d + i];
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < d; k++) s -= lower[k * d + i] * x[k];
    x[i] = s / lower[i * d + i];
  }
  return x;
}
