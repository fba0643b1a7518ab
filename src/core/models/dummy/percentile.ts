/**
 * The order statistics DummyRegressor needs, computed as numpy and scikit-learn compute them.
 */

/**
 * numpy's `np.percentile(values, q)` with its default linear interpolation (q in [0, 100]).
 *
 * @example
 * percentile(Float64Array.of(1, 2, 3, 4), 50) // 2.5
 */
export function percentile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  const pos = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * scikit-learn's `_weighted_percentile` (1.2): the smallest value whose cumulative weight, in
 * sorted order, reaches q% of the total weight; no interpolation.
 *
 * @example
 * weightedPercentile(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 2), 50) // 2
 */
export function weightedPercentile(values: Float64Array, weights: Float64Array, q: number): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
  const cdf = new Float64Array(order.length);
  let sum = 0;
  order.forEach((i, k) => (cdf[k] = sum += weights[i]));
  let target = (q / 100) * sum;
  // sklearn: for q = 0, skip leading rows of weight 0.
  if (target === 0) target = Number.MIN_VALUE;
  let k = 0;
  while (k < cdf.length && cdf[k] < target) k++;
  return values[order[Math.min(k, order.length - 1)]];
}
