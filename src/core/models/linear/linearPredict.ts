import { toMatrix } from '../../linalg/toMatrix';
import { createMatrix, type Matrix } from '../../linalg/matrix';
import type { Features } from '../contract';
import { selectFittedFeatures } from '../featureInput';
import { modelMessage } from '../messages';

/**
 * The design matrix of data passed to a fitted model's predict: same number of features, and
 * for a table the columns seen in fit, picked in fit order (other columns are ignored).
 *
 * @example
 * predictionMatrix(test, model.featureNames, 'LinearRegression.predict')
 */
export function predictionMatrix(x: Features, featureNames: readonly string[], caller: string): Matrix {
  if (featureNames.length === 0) throw new Error(modelMessage.notFitted(caller));
  const { matrix, names } = toMatrix(selectFittedFeatures(x, featureNames, caller), caller);
  if (matrix.cols !== featureNames.length) {
    throw new RangeError(modelMessage.featureCount(caller, matrix.cols, featureNames.length, featureNames));
  }
  const fromTable = !names.every((n, j) => n === `x${j}`);
  if (fromTable) {
    const bad = names.findIndex((n, j) => n !== featureNames[j]);
    if (bad >= 0) throw new RangeError(modelMessage.featureOrder(caller, bad, names[bad], featureNames));
  }
  return matrix;
}

/**
 * X·Wᵀ + b for W stored as `k` rows of length d: an n × k Matrix of scores.
 *
 * @example
 * linearScores(x, coef, 1, Float64Array.of(intercept)).data // predictions
 */
export function linearScores(x: Matrix, coef: Float64Array, k: number, intercept: Float64Array): Matrix {
  const { rows: n, cols: d, data } = x;
  const out = createMatrix(n, k);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let c = 0; c < k; c++) {
      let z = intercept[c];
      const w = c * d;
      for (let j = 0; j < d; j++) z += data[o + j] * coef[w + j];
      out.data[i * k + c] = z;
    }
  }
  return out;
}
