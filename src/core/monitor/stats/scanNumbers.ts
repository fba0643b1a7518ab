/**
 * One pass over a current numeric column against a stored reference (its histogram edges and its
 * 101 percentiles): everything the number statistics need, without sorting or copying the column.
 */

/** Cells of the lookup grid over [p0, p100] that starts each percentile search near its answer. */
const GRID = 4096;

/** gridStart[g]: the first percentile index j with p[j] ≥ the left edge of cell g (so the answer for any v in the cell is ≥ it). */
function lowerBoundGrid(p: Float64Array, scale: number): Int32Array {
  const start = new Int32Array(GRID);
  if (!scale) return start;
  let j = 0;
  for (let g = 0; g < GRID; g++) {
    const left = p[0] + g / scale;
    while (j < p.length - 1 && p[j] < left) j++;
    start[g] = j > 0 && p[j] >= left ? Math.max(0, j - 1) : j;
  }
  return start;
}

/** What one pass over the current values collects. */
export interface NumberScan {
  /** Non-missing values. */
  n: number;
  missing: number;
  /** Counts per reference histogram bin (the profile's rule: values outside go to the end bins). */
  bins: Float64Array;
  /** `between[j]`: values v with p[j−1] < v ≤ p[j] (j = 0: v ≤ p[0]; j = 101: v > p[100]). */
  between: Float64Array;
  /** Sum of the values in each `between` slot (for the Wasserstein integral). */
  sums: Float64Array;
  /** `equal[j]`: values exactly equal to p[j]. */
  equal: Float64Array;
  /** Values outside [lo, hi]. */
  outOfRange: number;
}

/**
 * Scans `values` (NaN = missing) once: histogram bin by arithmetic on the equal-width edges
 * (corrected by one comparison each side, so it agrees with `binOf`), percentile slot by binary
 * search over the 101 reference percentiles.
 *
 * @example
 * scanNumbers(Float64Array.of(1, 2, NaN), [0, 1, 2], percentiles, 0, 2).bins; // [0, 2]
 */
export function scanNumbers(values: ArrayLike<number>, edges: readonly number[], percentiles: readonly number[], lo: number, hi: number): NumberScan {
  const B = edges.length - 1;
  const P = percentiles.length;
  const bins = new Float64Array(Math.max(B, 0));
  const between = new Float64Array(P + 1);
  const sums = new Float64Array(P + 1);
  const equal = new Float64Array(P);
  const e = Float64Array.from(edges);
  const p = Float64Array.from(percentiles);
  const e0 = B > 0 ? e[0] : 0;
  const eB = B > 0 ? e[B] : 0;
  const scale = B > 0 && eB > e0 ? B / (eB - e0) : 0;
  const p0 = P ? p[0] : 0;
  const pL = P ? p[P - 1] : 0;
  const gridScale = P && pL > p0 ? GRID / (pL - p0) : 0;
  const gridStart = lowerBoundGrid(p, gridScale);
  let n = 0;
  let missing = 0;
  let outOfRange = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      missing++;
      continue;
    }
    n++;
    if (v < lo || v > hi) outOfRange++;
    if (B > 0) {
      let b: number;
      if (v <= e0) b = 0;
      else if (v >= eB) b = B - 1;
      else {
        b = Math.floor((v - e0) * scale);
        if (b > B - 1) b = B - 1;
        if (v < e[b]) b--;
        else if (b + 1 < B && v >= e[b + 1]) b++;
      }
      bins[b]++;
    }
    // lower bound (the first j with p[j] >= v): a grid cell gives a start at or below it, then a short walk
    let a: number;
    if (v <= p0) a = 0;
    else if (v > pL) a = P;
    else {
      let g = Math.floor((v - p0) * gridScale);
      if (g >= GRID) g = GRID - 1;
      a = gridStart[g];
      while (a > 0 && p[a - 1] >= v) a--;
      while (p[a] < v) a++;
    }
    between[a]++;
    sums[a] += v;
    if (a < P && p[a] === v) equal[a]++;
  }
  return { n, missing, bins, between, sums, equal, outOfRange };
}
