/** Column statistics shared by the quality report and the profile. */

export interface NumericSummary {
  count: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (ddof = 1, as pandas' `describe()`); NaN below 2 values. */
  sd: number;
  min: number;
  max: number;
  distinct: number;
  /** The most frequent value and how often it occurs. */
  mode: number;
  modeCount: number;
  /** The non-missing values, sorted ascending (for quantiles and histograms). */
  sorted: Float64Array;
}

/**
 * Count, missing, mean, sd, min, max, distinct values and mode of numbers (NaN is missing),
 * plus the sorted values.
 *
 * @example
 * summarizeNumbers(Float64Array.of(3, NaN, 1, 1)) // { count: 3, missing: 1, mean: 1.67, mode: 1, modeCount: 2, … }
 */
export function summarizeNumbers(values: Float64Array): NumericSummary {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  const sorted = new Float64Array(count);
  let k = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      sorted[k++] = v;
      sum += v;
    }
  }
  sorted.sort();
  const mean = count ? sum / count : NaN;
  // Two-pass variance: exact enough for large offsets, unlike sum of squares.
  let ss = 0;
  for (let i = 0; i < count; i++) ss += (sorted[i] - mean) ** 2;
  let distinct = 0;
  let mode = NaN;
  let modeCount = 0;
  for (let i = 0; i < count;) {
    let j = i + 1;
    while (j < count && sorted[j] === sorted[i]) j++;
    distinct++;
    if (j - i > modeCount) {
      modeCount = j - i;
      mode = sorted[i];
    }
    i = j;
  }
  return {
    count,
    missing: values.length - count,
    mean,
    sd: count > 1 ? Math.sqrt(ss / (count - 1)) : NaN,
    min: count ? sorted[0] : NaN,
    max: count ? sorted[count - 1] : NaN,
    distinct,
    mode,
    modeCount,
    sorted,
  };
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of sorted values by linear interpolation (numpy's and pandas'
 * default), NaN for no values.
 *
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25) // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Counts of each distinct non-missing value, most frequent first (ties: first seen first). */
export function countValues(values: readonly unknown[]): { value: unknown; count: number }[] {
  const counts = new Map<unknown, number>();
  for (const v of values) if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** Pearson correlation of two equally long number arrays over rows where both are present. */
export function pearson(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i] && y[i] === y[i]) {
      n++;
      mx += x[i];
      my += y[i];
    }
  }
  if (n < 3) return NaN;
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i] && y[i] === y[i]) {
      const dx = x[i] - mx;
      const dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
