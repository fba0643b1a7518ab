import type { NumberColumn } from '../../args/columns';
import type { MetricResult, SampleWeight } from './types';
import { _regressionInputs, weightedMean } from '../inputs/regressionInputs';
import { argsortAscending } from '../../linalg/argsort';
import { _unlessAllWeightsZero } from './zeroWeights';

/**
 * Mean absolute error, as scikit-learn's `mean_absolute_error`.
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]).value; // 0.5
 */
export function meanAbsoluteError(yTrue: NumberColumn, yPred: NumberColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const { yTrue: t, yPred: p, weight } = _regressionInputs('meanAbsoluteError', yTrue, yPred, options.sampleWeight);
  return _unlessAllWeightsZero(weight, 'Mean absolute error', 'mae', { value: weightedMean(t.length, (i) => Math.abs(p[i] - t[i]), weight), warnings: [] });
}

/**
 * Mean squared error, as scikit-learn's `mean_squared_error`.
 *
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]).value; // 0.375
 */
export function meanSquaredError(yTrue: NumberColumn, yPred: NumberColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const { yTrue: t, yPred: p, weight } = _regressionInputs('meanSquaredError', yTrue, yPred, options.sampleWeight);
  return _unlessAllWeightsZero(weight, 'Mean squared error', 'mse', { value: weightedMean(t.length, (i) => (t[i] - p[i]) ** 2, weight), warnings: [] });
}

/**
 * Root mean squared error, as scikit-learn's `mean_squared_error(squared=False)`.
 *
 * @example
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]).value; // 0.6124
 */
export function rootMeanSquaredError(yTrue: NumberColumn, yPred: NumberColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const r = meanSquaredError(yTrue, yPred, options);
  return _unlessAllWeightsZero(options.sampleWeight, 'RMSE', 'rmse', { value: Math.sqrt(r.value), warnings: r.warnings });
}

/**
 * Mean absolute percentage error |ŷ − y| / max(|y|, ε) as a fraction (not ×100), as
 * scikit-learn's `mean_absolute_percentage_error`; ε is float64 epsilon, so a zero target gives
 * a huge error rather than Infinity.
 *
 * @example
 * meanAbsolutePercentageError([3, -0.5, 2, 7], [2.5, 0, 2, 8]).value; // 0.3274
 */
export function meanAbsolutePercentageError(yTrue: NumberColumn, yPred: NumberColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const { yTrue: t, yPred: p, weight } = _regressionInputs('meanAbsolutePercentageError', yTrue, yPred, options.sampleWeight);
  return _unlessAllWeightsZero(weight, 'MAPE', 'mape', { value: weightedMean(t.length, (i) => Math.abs(p[i] - t[i]) / Math.max(Math.abs(t[i]), Number.EPSILON), weight), warnings: [] });
}

/**
 * Median absolute error, as scikit-learn's `median_absolute_error` (robust to outliers).
 * Unweighted: numpy's median (the mean of the two middle values). Weighted: scikit-learn's
 * weighted percentile (the first value whose cumulative weight reaches half the total).
 *
 * @example
 * medianAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]).value; // 0.5
 */
export function medianAbsoluteError(yTrue: NumberColumn, yPred: NumberColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const { yTrue: t, yPred: p, weight } = _regressionInputs('medianAbsoluteError', yTrue, yPred, options.sampleWeight);
  if (weight) {
    const zero = _unlessAllWeightsZero(weight, 'Median absolute error', 'medianAbsoluteError', { value: 0, warnings: [] });
    if (zero.warnings.length) return zero;
  }
  const err = t.map((y, i) => Math.abs(p[i] - y));
  if (!weight) return { value: _medianOfCounts(err.sort()), warnings: [] };
  const order = argsortAscending(err);
  let total = 0;
  for (let i = 0; i < weight.length; i++) total += weight[i];
  let target = total / 2;
  if (target === 0) target = Number.MIN_VALUE;
  let cum = 0;
  for (let k = 0; k < order.length; k++) {
    cum += weight[order[k]];
    if (cum >= target) return { value: err[order[k]], warnings: [] };
  }
  return { value: err[order[order.length - 1]], warnings: [] };
}

/**
 * The median of a multiset given as ascending values with per-value counts (absent: 1 each),
 * averaging the two middle elements when the total is even, as numpy's median of the expanded data.
 */
export function _medianOfCounts(sortedValues: Float64Array, counts?: ArrayLike<number>): number {
  const n = sortedValues.length;
  let total = 0;
  if (counts) for (let k = 0; k < n; k++) total += counts[k];
  else total = n;
  if (total === 0) return NaN;
  // 0-based ranks of the middle element(s) of the expanded data.
  const lowRank = Math.floor((total - 1) / 2);
  const highRank = Math.floor(total / 2);
  let low = NaN;
  let cum = 0;
  for (let k = 0; k < n; k++) {
    const c = counts ? counts[k] : 1;
    if (c === 0) continue;
    const next = cum + c;
    if (Number.isNaN(low) && lowRank < next) low = sortedValues[k];
    if (highRank < next) {
      const high = sortedValues[k];
      // numpy's median: the mean of the two middle values.
      return (low + high) / 2;
    }
    cum = next;
  }
  return low;
}
