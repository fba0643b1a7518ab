import { normalCdf, normalQuantile } from '../../../../../src/core/evaluation/intervals/normal';
import { assertClose, requireReference, runPython } from '../reference';

describe('core/evaluation normalCdf and normalQuantile', () => {
  const xs = [-8, -5, -3.2, -2, -1.2, -0.5, -1e-3, 0, 0.3, 1, 1.959963984540054, 2.5, 4, 7];
  const ps = [1e-12, 1e-6, 0.001, 0.01, 0.025, 0.05, 0.2, 0.5, 0.7, 0.95, 0.975, 0.999, 1 - 1e-9];
  let ref: { cdf: number[]; ppf: number[] };
  before(function () {
    requireReference(this);
    ref = runPython(`from scipy.stats import norm\nout({'cdf': norm.cdf(data['x']), 'ppf': norm.ppf(data['p'])})`, { x: xs, p: ps });
  });

  it('matches scipy.stats.norm.cdf to 1e-15 absolute and 1e-12 relative', () => {
    xs.forEach((x, i) => assertClose(normalCdf(x), ref.cdf[i], Math.max(1e-15, 1e-12 * ref.cdf[i]), `cdf(${x})`));
  });

  it('matches scipy.stats.norm.ppf to 1e-12 relative', () => {
    ps.forEach((p, i) => assertClose(normalQuantile(p), ref.ppf[i], 1e-12 * Math.max(1, Math.abs(ref.ppf[i])), `ppf(${p})`));
  });
});
