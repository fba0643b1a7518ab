/**
 * Quantiles as numpy and scipy compute them, so grids and intervals match the Python references.
 */

/**
 * numpy's default percentile ("linear", type 7) of values already sorted ascending.
 *
 * @example
 * quantileSorted(Float64Array.from([1, 2, 3, 4]), 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = q * (n - 1);
  const i = Math.floor(pos);
  const frac = pos - i;
  if (i + 1 >= n) return sorted[n - 1];
  // numpy's _lerp: a + (b - a) * t, switched to b - (b - a) * (1 - t) for t ≥ 0.5.
  const a = sorted[i];
  const b = sorted[i + 1];
  const diff = b - a;
  return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
}

/**
 * scipy.stats.mstats.mquantiles with its defaults (alphap = betap = 0.4), as scikit-learn's
 * partial dependence uses for its grid ends. `sorted` must be ascending.
 *
 * @example
 * mquantilesSorted(Float64Array.from([1, 2, 3, 4, 5]), 0.05); // 1
 */
export function mquantilesSorted(sorted: ArrayLike<number>, p: number, alphap = 0.4, betap = 0.4): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const m = alphap + p * (1 - alphap - betap);
  const aleph = n * p + m;
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const gamma = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - gamma) * sorted[Math.max(k - 1, 0)] + gamma * sorted[Math.min(k, n - 1)];
}

/**
 * numpy's `linspace(start, stop, num)` with the same rounding: i·((stop − start)/(num − 1)) + start,
 * the last value exactly `stop`.
 *
 * @example
 * linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = step === 0 ? (i / (num - 1)) * (stop - start) + start : i * step + start;
  out[num - 1] = stop;
  return out;
}
