/**
 * Drift statistics on two vectors of counts over the same bins (histogram bins or categories +
 * "other"): PSI, Jensen–Shannon distance and the chi-square test of homogeneity. Each matches
 * its scipy / numpy counterpart on the same counts (test/unit/core/monitor/stats.test.ts).
 */
import { chiSquareSf } from './chiSquareSf';

/** The share given to an empty bin by PSI, as Evidently does (`np.place(p, p == 0, 0.0001)`). */
export const PSI_EPSILON = 1e-4;

/**
 * Population stability index Σ (r − c) · ln(r / c) over bin shares, an empty bin's share
 * replaced by `PSI_EPSILON` (on either side) so the sum stays finite.
 *
 * @example
 * psi([50, 50], [50, 50]); // 0
 * psi([90, 10], [50, 50]); // ≈ 0.879
 */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const rt = total(reference);
  const ct = total(current);
  let s = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] / rt || PSI_EPSILON;
    const c = current[i] / ct || PSI_EPSILON;
    s += (r - c) * Math.log(r / c);
  }
  return s;
}

/**
 * Jensen–Shannon distance in base 2 (0: same shares, 1: disjoint), as
 * `scipy.spatial.distance.jensenshannon(p, q, base=2)`: both count vectors are normalised first.
 *
 * @example
 * jensenShannon([1, 0], [0, 1]); // 1
 */
export function jensenShannon(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const rt = total(reference);
  const ct = total(current);
  let s = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i] / rt;
    const q = current[i] / ct;
    const m = (p + q) / 2;
    if (p > 0) s += p * Math.log(p / m);
    if (q > 0) s += q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, s / 2 / Math.LN2));
}

/**
 * The chi-square test of homogeneity on the 2 × k table (reference counts, current counts), as
 * `scipy.stats.chi2_contingency(table, correction=False)`; bins empty on both sides are dropped.
 * df = (kept bins − 1); with one bin left there is nothing to test (statistic 0, p 1).
 *
 * @example
 * chiSquare([10, 20], [20, 10]).pValue; // ≈ 0.0098
 */
export function chiSquare(reference: ArrayLike<number>, current: ArrayLike<number>): { statistic: number; df: number; pValue: number } {
  const rt = total(reference);
  const ct = total(current);
  const n = rt + ct;
  let stat = 0;
  let kept = 0;
  for (let i = 0; i < reference.length; i++) {
    const col = reference[i] + current[i];
    if (col === 0) continue;
    kept++;
    const er = (rt * col) / n;
    const ec = (ct * col) / n;
    stat += (reference[i] - er) ** 2 / er + (current[i] - ec) ** 2 / ec;
  }
  const df = Math.max(0, kept - 1);
  return { statistic: df === 0 ? 0 : stat, df, pValue: df === 0 ? 1 : chiSquareSf(stat, df) };
}

function total(a: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i];
  return t;
}
