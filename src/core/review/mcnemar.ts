import type { McNemar } from './contract';
import { checkInteger } from '../args/checkInteger';
import { erfc } from '../evaluation/intervals/normal';

/**
 * Below this many discordant pairs (b + c < 25) the test is the exact binomial one; from 25 on,
 * chi-square with continuity correction. 25 is statsmodels' rule of thumb (`mcnemar(exact=True)`
 * is its default for small tables; Rosner and most texts switch at b + c ≥ 25, where the
 * chi-square approximation's error is already below the exact test's discreteness).
 */
export const MCNEMAR_EXACT_BELOW = 25;

/**
 * McNemar's test on the discordant pairs of two models judged on the same rows: `b` rows the
 * base got right and the head got wrong (regressions), `c` the other way round (fixes).
 *
 * - b + c < 25 (`MCNEMAR_EXACT_BELOW`): exact two-sided binomial p, as
 *   `scipy.stats.binomtest(b, b + c, 0.5).pvalue` (for p = 0.5: 2·P(X ≤ min(b, c)), at most 1);
 *   `statistic` is min(b, c), as statsmodels reports it.
 * - otherwise: `statistic` = max(0, |b − c| − 1)² / (b + c) and p = `scipy.stats.chi2.sf(statistic, 1)`,
 *   from the survival function (erfc), so tiny p-values keep their digits. The max(0, ·) keeps the
 *   continuity correction from pushing b = c away from "no difference" (statsmodels would give
 *   1/(b + c) there; the two agree whenever b ≠ c).
 * - no discordant pairs: statistic 0, p = 1 (nothing to test).
 *
 * @example
 * mcnemar(3, 12);     // { b: 3, c: 12, statistic: 3, pValue: 0.03515625, exact: true }
 * mcnemar(120, 80);   // { statistic: 7.605, pValue: 0.00582, exact: false }
 */
export function mcnemar(b: number, c: number): McNemar {
  checkInteger('mcnemar', 'b', b, 0);
  checkInteger('mcnemar', 'c', c, 0);
  return _mcnemar(b, c);
}

export function _mcnemar(b: number, c: number): McNemar {
  const n = b + c;
  if (n === 0) return { b, c, statistic: 0, pValue: 1, exact: true };
  if (n < MCNEMAR_EXACT_BELOW) return { b, c, statistic: Math.min(b, c), pValue: _binomialTwoSidedHalf(Math.min(b, c), n), exact: true };
  const corrected = Math.max(0, Math.abs(b - c) - 1);
  const statistic = (corrected * corrected) / n;
  return { b, c, statistic, pValue: _chiSquare1Sf(statistic), exact: false };
}

/**
 * Two-sided binomial p-value for k ≤ n/2 successes out of n at p = 0.5: 2·Σ_{i ≤ k} C(n, i) / 2ⁿ,
 * capped at 1. Summed in integers (exact below n = 50), so the result is correctly rounded.
 */
export function _binomialTwoSidedHalf(k: number, n: number): number {
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= k; i++) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return Math.min(1, sum / 2 ** (n - 1));
}

/** P(χ²₁ > x) = erfc(√(x/2)): the chi-square survival function with one degree of freedom. */
export function _chiSquare1Sf(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}
