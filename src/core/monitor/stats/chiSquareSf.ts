/** The chi-square survival function P(χ²_df > x), through the regularised upper incomplete gamma function. */
import { logGamma } from '../../linalg/studentT';

/**
 * P(χ²_df > x) = Q(df/2, x/2), as `scipy.stats.chi2.sf(x, df)` (relative error ~1e-12; a
 * series below a + 1, Lentz's continued fraction above, as Numerical Recipes' gammq).
 *
 * @example
 * chiSquareSf(3.841458820694124, 1); // 0.05
 */
export function chiSquareSf(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (!Number.isFinite(x)) return 0;
  return upperGammaQ(df / 2, x / 2);
}

function upperGammaQ(a: number, x: number): number {
  const lnPre = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPre));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(lnPre) * h;
}
