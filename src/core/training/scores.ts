import { trainingMessage } from './messages';

/**
 * scikit-learn's r2_score for one output: 1 − SS_res / SS_tot over the first `rows` values
 * (1 for a perfect fit of a constant target, else 0 when the target is constant).
 * Validation scores under early stopping use it, as MLPRegressor.score does.
 *
 * @example
 * r2Score([1, 2, 3], [1, 2, 4], 3) // 0.6428…
 */
export function r2Score(predicted: ArrayLike<number>, actual: ArrayLike<number>, rows = actual.length): number {
  if (!(rows >= 1) || predicted.length < rows || actual.length < rows) throw new RangeError(trainingMessage.scoreTooFewValues('r2Score', rows, predicted.length, actual.length));
  let mean = 0;
  for (let i = 0; i < rows; i++) mean += actual[i];
  mean /= rows;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < rows; i++) {
    res += (actual[i] - predicted[i]) ** 2;
    tot += (actual[i] - mean) ** 2;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}
