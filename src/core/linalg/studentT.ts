import { linalgMessage } from './messages';
/**
 * Student's t distribution (CDF, survival function and quantile) through the regularized incomplete beta function,
 * for the corrected resampled t-test and confidence intervals. Accurate to ≈1e-12 (checked
 * against scipy.stats.t in the tests).
 */

/**
 * P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, > 0).
 *
 * @example
 * studentTCdf(2.262, 9) // ≈ 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(linalgMessage.badDegreesOfFreedom('studentTCdf', df));
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * P(T > t) for Student's t with `df` degrees of freedom (df may be fractional, > 0): the survival
 * function, computed from the regularized incomplete beta directly rather than as 1 − CDF, so it
 * keeps its relative precision far into the upper tail (down to ≈1e-300, as scipy.stats.t.sf).
 *
 * @example
 * studentTSf(2.262, 9) // ≈ 0.025
 * studentTSf(40, 9)    // ≈ 9.49e-12 (1 − studentTCdf(40, 9) has only ≈4 correct digits)
 */
export function studentTSf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(linalgMessage.badDegreesOfFreedom('studentTSf', df));
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const a = Math.abs(t);
  // df / (df + t²), without overflowing t² for huge |t|.
  const x = a > 1e150 ? df / a / a : df / (df + a * a);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t > 0 ? tail : 1 - tail;
}

/**
 * The t such that P(T ≤ t) = p (the inverse CDF), for 0 < p < 1.
 *
 * @example
 * studentTQuantile(0.975, 9) // ≈ 2.2622
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(linalgMessage.badProbability('studentTQuantile', p));
  if (!(df > 0)) throw new RangeError(linalgMessage.badDegreesOfFreedom('studentTQuantile', df));
  if (p === 0.5) return 0;
  // Bracket, then bisect: the CDF is monotone, and 200 halvings reach double precision.
  let lo = -1;
  let hi = 1;
  while (studentTCdf(lo, df) > p) lo *= 2;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9).
 *
 * @example
 * logGamma(5) // ln 24
 */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The regularized incomplete beta function I_x(a, b).
 *
 * @example
 * incompleteBeta(0.5, 2, 2) // 0.5
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** Lentz's continued fraction for the incomplete beta function. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}
