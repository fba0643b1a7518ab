import { isMissing, type Values } from './columns';
import { featuresMessage } from './messages';

/**
 * A column as float64 with NaN for missing values; booleans become 0/1. Text or dates are an
 * error naming the column and the step to use instead.
 *
 * @example
 * toNumeric([1, null, true], 'a', 'StandardScaler.fit') // Float64Array [1, NaN, 1]
 */
export function toNumeric(values: Values, column: string, caller: string): Float64Array {
  // Always a copy: the steps write into the result, and `values` may be the table's own array.
  if (values instanceof Float64Array) return values.slice();
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else if (isMissing(v)) out[i] = NaN;
    else throw new TypeError(featuresMessage.columnNotNumeric(caller, column, i, v));
  }
  return out;
}

/**
 * The non-missing values, sorted ascending.
 *
 * @example
 * sortedFinite(Float64Array.of(3, NaN, 1)) // Float64Array [1, 3]
 */
export function sortedFinite(values: Float64Array): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[n++] = values[i];
  return out.subarray(0, n).sort();
}

/**
 * numpy's `np.percentile(a, q)` with the default linear method, on sorted values (bit-for-bit:
 * same virtual index and same two-sided interpolation).
 *
 * @example
 * percentileSorted(Float64Array.of(1, 2, 3, 4), 50) // 2.5
 */
export function percentileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const quantile = q / 100;
  const virtual = n * quantile + (1 + quantile * -1) - 1;
  const below = Math.min(Math.max(Math.floor(virtual), 0), n - 1);
  const above = Math.min(below + 1, n - 1);
  const t = virtual - Math.floor(virtual);
  const a = sorted[below];
  const b = sorted[above];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * numpy's `np.linspace(start, stop, num)` (endpoint included).
 *
 * @example
 * linspace(0, 1, 5) // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, num: number): number[] {
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const out = Array.from({ length: num }, (_, i) => (step === 0 ? (i / (num - 1)) * (stop - start) : i * step) + start);
  out[num - 1] = stop;
  return out;
}

/**
 * Mean and population variance of the non-missing values (two-pass, accurate).
 *
 * @example
 * meanAndVariance(Float64Array.of(1, 2, NaN, 3)) // { mean: 2, variance: 0.667, count: 3 }
 */
export function meanAndVariance(values: Float64Array): { mean: number; variance: number; count: number } {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
  }
  const mean = count ? sum / count : NaN;
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    ss += (v - mean) * (v - mean);
    comp += v - mean;
  }
  // The compensation term removes the rounding error left in the mean (Chan et al.).
  return { mean, variance: count ? (ss - (comp * comp) / count) / count : NaN, count };
}
