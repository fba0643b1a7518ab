import { solveLeastSquares } from '../../linalg/leastSquares';
import { createMatrix, type Matrix } from '../../linalg/matrix';

/** Coefficients and intercept of a (ridge) least-squares fit. */
export interface LinearSolution {
  coef: Float64Array;
  intercept: number;
  rank: number;
}

/**
 * scikit-learn's recipe for LinearRegression / Ridge: centre X and y on their (weighted) means
 * when fitting an intercept, scale rows by √weight, solve the least-squares problem (augmented
 * with √alpha·I for ridge, which is the same solution as (XᵀX + αI)⁻¹Xᵀy but better conditioned),
 * and recover the intercept as ȳ − x̄·coef.
 */
export function solveCenteredLeastSquares(x: Matrix, y: Float64Array, sw: Float64Array, fitIntercept: boolean, alpha: number): LinearSolution {
  const { rows: n, cols: d } = x;
  const xMean = new Float64Array(d);
  let yMean = 0;
  if (fitIntercept) {
    let wsum = 0;
    for (let i = 0; i < n; i++) {
      const w = sw[i];
      wsum += w;
      yMean += w * y[i];
      for (let j = 0; j < d; j++) xMean[j] += w * x.data[i * d + j];
    }
    if (!(wsum > 0)) throw new RangeError('the sample weights sum to 0; at least one row needs a positive weight.');
    yMean /= wsum;
    for (let j = 0; j < d; j++) xMean[j] /= wsum;
  }
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
  let intercept = 0;
  if (fitIntercept) {
    intercept = yMean;
    for (let j = 0; j < d; j++) intercept -= xMean[j] * coef[j];
  }
  return { coef, intercept, rank };
}
