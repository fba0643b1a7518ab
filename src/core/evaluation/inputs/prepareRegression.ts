import { REGRESSION_METRICS, type RegressionMetricName } from '../metrics/metricCatalog';
import type { PreparedMetrics } from './prepared';
import { argsortAscending } from '../../linalg/argsort';
import { _medianOfCounts } from '../metrics/regressionErrors';
import { _assembleR2 } from '../metrics/r2Score';

/**
 * Regression metrics with positions sorted by absolute error, so the median absolute error is a
 * walk over cumulative counts; the rest are two passes (means first, then centred sums, for
 * numerically stable R² and explained variance). R² is NaN below two rows.
 */
export function _prepareRegression(yTrue: Float64Array, yPred: Float64Array, options: { metrics?: readonly RegressionMetricName[]; withOrder?: boolean } = {}): PreparedMetrics {
  const wanted = options.metrics ?? REGRESSION_METRICS;
  const n = yTrue.length;
  const absErr = new Float64Array(n);
  for (let i = 0; i < n; i++) absErr[i] = Math.abs(yPred[i] - yTrue[i]);
  const order = argsortAscending(absErr);
  const y = new Float64Array(n);
  const e = new Float64Array(n);
  const ae = new Float64Array(n);
  const ape = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    y[k] = yTrue[i];
    e[k] = yTrue[i] - yPred[i];
    ae[k] = absErr[i];
    ape[k] = absErr[i] / Math.max(Math.abs(yTrue[i]), Number.EPSILON);
  }
  const evaluate = (counts?: ArrayLike<number>): Float64Array => {
    let total = 0;
    let sy = 0;
    let se = 0;
    let sae = 0;
    let sse = 0;
    let sape = 0;
    for (let k = 0; k < n; k++) {
      const w = counts ? counts[k] : 1;
      total += w;
      sy += w * y[k];
      se += w * e[k];
      sae += w * ae[k];
      sse += w * e[k] * e[k];
      sape += w * ape[k];
    }
    const meanY = sy / total;
    const meanE = se / total;
    let ssTot = 0;
    let ssE = 0;
    for (let k = 0; k < n; k++) {
      const w = counts ? counts[k] : 1;
      ssTot += w * (y[k] - meanY) ** 2;
      ssE += w * (e[k] - meanE) ** 2;
    }
    const mse = sse / total;
    const value: Record<RegressionMetricName, number> = {
      rmse: Math.sqrt(mse),
      mae: sae / total,
      mse,
      r2: total < 2 ? NaN : _assembleR2(sse, ssTot),
      mape: sape / total,
      medianAbsoluteError: _medianOfCounts(ae, counts),
      explainedVariance: total < 2 ? NaN : _assembleR2(ssE / total, ssTot / total),
    };
    return Float64Array.from(wanted, (m) => (total > 0 ? value[m] : NaN));
  };
  return { task: 'regression', metrics: wanted, n, ...(options.withOrder ? { order } : {}), evaluate };
}
