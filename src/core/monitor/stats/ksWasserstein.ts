/**
 * Two-sample Kolmogorov–Smirnov and 1-D Wasserstein distance between a current column (one
 * `NumberScan`) and a reference kept only as 101 percentiles p[0..100].
 *
 * What is approximated, and by how much:
 * - The reference CDF is known at its percentiles only: F_ref(p[k]) = k/100 (with ties, the
 *   largest k of a run of equal percentiles; just below it, the smallest). Between two percentiles
 *   the reference is taken as uniform (the CDF linear), which is what linear-interpolated
 *   percentiles imply.
 * - KS: D is the largest |F_cur − F_ref| at each percentile and just below it, where the current
 *   CDF is exact. Between two percentiles both CDFs are monotone and F_ref moves by 0.01, so the
 *   sup over all x is at most 0.01 above this D. Against scipy's `ks_2samp(reference_rows,
 *   current_rows)` the error also includes the reference rows' distance to its own percentile
 *   summary (≤ 0.01): |D − D_scipy| ≤ 0.02.
 * - The p-value is the asymptotic one, P(K > √(nm/(n+m)) · D) with K Kolmogorov's distribution
 *   (`scipy.stats.kstwobign.sf`, what `ks_2samp(method='asymp')` used before scipy 1.5); at the
 *   sizes monitoring sees (hundreds of rows and up) it is within 1e-3 of the exact one.
 * - Wasserstein: ∫ |F_ref − F_cur| dx, exact outside [p0, p100] and on every percentile interval
 *   where the two CDFs do not cross (the current's share and sum in the interval give its integral
 *   exactly); where they cross, the current is taken as uniform inside the interval too.
 */
import type { NumberScan } from './scanNumbers';

/**
 * KS D and its asymptotic p-value; `referenceCount` is the reference's non-missing row count.
 *
 * @example
 * const { d, pValue } = ksFromScan(scan, profile.percentiles, profile.count);
 */
export function ksFromScan(scan: NumberScan, percentiles: readonly number[], referenceCount: number): { d: number; pValue: number } {
  const P = percentiles.length;
  if (scan.n === 0 || P < 2) return { d: 0, pValue: 1 };
  const last = P - 1;
  let d = 0;
  let below = 0; // current values ≤ p[k−1]
  let k = 0;
  while (k < P) {
    // a run of equal percentiles k..r
    let r = k;
    while (r + 1 < P && percentiles[r + 1] === percentiles[k]) r++;
    let inRun = 0;
    for (let j = k; j <= r; j++) inRun += scan.between[j];
    const atOrBelow = below + inRun;
    const strictlyBelow = atOrBelow - scan.equal[k];
    d = Math.max(d, Math.abs(atOrBelow / scan.n - r / last), Math.abs(strictlyBelow / scan.n - k / last));
    below = atOrBelow;
    k = r + 1;
  }
  const en = (referenceCount * scan.n) / (referenceCount + scan.n);
  return { d, pValue: kolmogorovSf(Math.sqrt(en) * d) };
}

/**
 * P(K > x) for Kolmogorov's limiting distribution, as `scipy.stats.kstwobign.sf(x)`.
 *
 * @example
 * kolmogorovSf(1.3580986393225505); // 0.05
 */
export function kolmogorovSf(x: number): number {
  if (!(x > 0)) return 1;
  if (x < 0.8) {
    // the Jacobi-theta form converges fast for small x: 1 − √(2π)/x Σ exp(−(2k−1)²π²/(8x²))
    let s = 0;
    for (let k = 1; k <= 10; k++) s += Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * x * x));
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / x) * s));
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    s += (k % 2 ? 1 : -1) * term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

/**
 * The Wasserstein-1 distance ∫ |F_ref − F_cur| dx (see the file comment for what is exact).
 *
 * @example
 * wassersteinFromScan(scan, profile.percentiles);
 */
export function wassersteinFromScan(scan: NumberScan, percentiles: readonly number[]): number {
  const P = percentiles.length;
  const n = scan.n;
  if (n === 0 || P < 2) return 0;
  const last = P - 1;
  const p0 = percentiles[0];
  const pL = percentiles[last];
  let w = (scan.between[0] * p0 - scan.sums[0]) / n + (scan.sums[P] - scan.between[P] * pL) / n;
  let atOrBelow = scan.between[0];
  for (let k = 0; k < last; k++) {
    const a = percentiles[k];
    const b = percentiles[k + 1];
    const width = b - a;
    const cnt = scan.between[k + 1];
    if (width > 0) {
      const fc0 = atOrBelow / n;
      const fc1 = (atOrBelow + cnt - scan.equal[k + 1]) / n;
      const fr0 = k / last;
      const fr1 = (k + 1) / last;
      if (fc0 >= fr1 || fc1 <= fr0) {
        const intCur = (atOrBelow * width + cnt * b - scan.sums[k + 1]) / n;
        w += Math.abs(intCur - (width * (fr0 + fr1)) / 2);
      } else {
        const d0 = fc0 - fr0;
        const d1 = fc1 - fr1;
        w += d0 * d1 >= 0 ? (width * Math.abs(d0 + d1)) / 2 : (width * (d0 * d0 + d1 * d1)) / (2 * (Math.abs(d0) + Math.abs(d1)));
      }
    }
    atOrBelow += cnt;
  }
  return w;
}
