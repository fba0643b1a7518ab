import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { profile } from '../../../../src/core/data/profile';
import type { NumberColumnProfile } from '../../../../src/core/data/profiling/contract';
import { chiSquare, jensenShannon, psi } from '../../../../src/core/monitor/stats/binned';
import { kolmogorovSf, ksFromScan, wassersteinFromScan } from '../../../../src/core/monitor/stats/ksWasserstein';
import { chiSquareSf } from '../../../../src/core/monitor/stats/chiSquareSf';
import { scanNumbers } from '../../../../src/core/monitor/stats/scanNumbers';
import { computeMonitor } from '../../../../src/core/monitor/computeMonitor';
import { createRng } from '../../../../src/core/training/random';
import { runPython } from '../linalg/python';

function normals(n: number, mean: number, sd: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => mean + sd * rng.normal());
}

describe('monitor statistics against scipy / numpy', () => {
  it('PSI (ε = 1e-4 for empty bins), Jensen–Shannon (base 2) and chi-square homogeneity match numpy and scipy', function () {
    const cases = [
      [
        [50, 30, 20, 0],
        [40, 35, 20, 5],
      ],
      [
        [900, 100],
        [500, 500],
      ],
      [
        [10, 20, 30],
        [10, 20, 30],
      ],
    ];
    const ref = runPython<{ psi: number; js: number; chi: number; p: number; df: number }[]>(
      this,
      `from scipy.spatial.distance import jensenshannon
from scipy.stats import chi2_contingency
res = []
for r, c in data:
    r = np.array(r, float); c = np.array(c, float)
    rp = r / r.sum(); cp = c / c.sum()
    np.place(rp, rp == 0, 0.0001); np.place(cp, cp == 0, 0.0001)
    keep = (r + c) > 0
    chi, p, df, _ = chi2_contingency(np.array([r[keep], c[keep]]), correction=False)
    res.append({'psi': float(np.sum((rp - cp) * np.log(rp / cp))), 'js': float(jensenshannon(r, c, base=2)), 'chi': float(chi), 'p': float(p), 'df': int(df)})
out(res)`,
      cases,
    );
    cases.forEach(([r, c], i) => {
      assert.ok(Math.abs(psi(r, c) - ref[i].psi) < 1e-12, `psi ${i}`);
      assert.ok(Math.abs(jensenShannon(r, c) - ref[i].js) < 1e-9, `js ${i}`);
      const chi = chiSquare(r, c);
      assert.ok(Math.abs(chi.statistic - ref[i].chi) < 1e-9, `chi ${i}`);
      assert.equal(chi.df, ref[i].df);
      assert.ok(Math.abs(chi.pValue - ref[i].p) < 1e-9, `p ${i}: ${chi.pValue} vs ${ref[i].p}`);
    });
  });

  it('the Kolmogorov and chi-square survival functions match scipy.stats.kstwobign.sf and chi2.sf', function () {
    const xs = [0.2, 0.5, 0.79, 0.81, 1, 1.36, 2, 3.5];
    const chi = [
      [0.5, 1],
      [3.84, 1],
      [10, 3],
      [2, 7],
      [40, 20],
      [150, 99],
    ];
    const ref = runPython<{ k: number[]; c: number[] }>(
      this,
      `from scipy.stats import kstwobign, chi2\nout({'k': [float(kstwobign.sf(x)) for x in data['xs']], 'c': [float(chi2.sf(x, df)) for x, df in data['chi']]})`,
      { xs, chi },
    );
    xs.forEach((x, i) => assert.ok(Math.abs(kolmogorovSf(x) - ref.k[i]) < 1e-12, `K(${x}) ${kolmogorovSf(x)} vs ${ref.k[i]}`));
    chi.forEach(([x, df], i) => assert.ok(Math.abs(chiSquareSf(x, df) - ref.c[i]) < 1e-10 * Math.max(1, ref.c[i]), `chi2(${x}, ${df}) ${chiSquareSf(x, df)} vs ${ref.c[i]}`));
  });

  it('KS D from the reference percentiles is within 0.02 of ks_2samp on the rows, its p-value equals kstwobign.sf, and Wasserstein is within 3 % of wasserstein_distance', function () {
    const train = normals(5000, 0, 1, 1);
    for (const [mean, sd, seed] of [
      [0, 1, 2],
      [0.3, 1.2, 3],
      [1, 0.5, 4],
    ]) {
      const cur = normals(4000, mean, sd, seed);
      const p = profile(aq.table({ x: train })).column('x') as NumberColumnProfile;
      const scan = scanNumbers(cur, p.histogram.edges, p.percentiles, p.min, p.max);
      const ks = ksFromScan(scan, p.percentiles, p.count);
      const w = wassersteinFromScan(scan, p.percentiles);
      const ref = runPython<{ d: number; pAsymp: number; w: number }>(
        this,
        `from scipy.stats import ks_2samp, kstwobign, wasserstein_distance
a = np.array(data['a']); b = np.array(data['b'])
d = ks_2samp(a, b).statistic
en = len(a) * len(b) / (len(a) + len(b))
out({'d': float(d), 'pAsymp': float(kstwobign.sf(np.sqrt(en) * data['ours'])), 'w': float(wasserstein_distance(a, b))})`,
        { a: train, b: cur, ours: ks.d },
      );
      assert.ok(Math.abs(ks.d - ref.d) <= 0.02, `D ${ks.d} vs ${ref.d}`);
      assert.ok(Math.abs(ks.pValue - ref.pAsymp) < 1e-9 + 1e-6 * ref.pAsymp, `p ${ks.pValue} vs ${ref.pAsymp}`);
      assert.ok(Math.abs(w - ref.w) <= 0.03 * ref.w + 0.01, `W ${w} vs ${ref.w}`);
    }
  });

  it('puts every value in the slot a binary search gives, with tied percentiles and values outside the reference', () => {
    const rng = createRng(3);
    const skewed = Float64Array.from({ length: 5000 }, () => Math.round(Math.exp(3 * rng.nextFloat()) * 4) / 4);
    const p = profile(aq.table({ x: skewed })).column('x') as NumberColumnProfile;
    const cur = Float64Array.from({ length: 20000 }, () => Math.round(Math.exp(3.3 * rng.nextFloat() - 0.2) * 4) / 4);
    const scan = scanNumbers(cur, p.histogram.edges, p.percentiles, p.min, p.max);
    const expected = new Float64Array(102);
    for (const v of cur) {
      let j = 0;
      while (j < 101 && p.percentiles[j] < v) j++;
      expected[j]++;
    }
    assert.deepEqual(Array.from(scan.between), Array.from(expected));
  });

  it('at 1M rows a no-drift batch stays quiet although its KS p-value would fire, and a real shift is flagged', async () => {
    const train = normals(200_000, 50, 10, 5);
    const reference = profile(aq.table({ x: train })).toJSON();
    // a shift of 0.02 sd: statistically certain at 1M rows, immaterial for a model
    const same = await computeMonitor({ source: 'ref', trainingProfile: reference }, aq.table({ x: normals(1_000_000, 50.2, 10, 6) }), { now: new Date(0) });
    const x = same.features[0].drift!;
    assert.equal(x.method, 'wasserstein');
    assert.ok(x.statistics.ks!.pValue < 0.05, `raw p ${x.statistics.ks!.pValue} would fire`);
    assert.equal(x.drifted, false);
    assert.equal(same.summary.status, 'ok');
    const shifted = await computeMonitor({ source: 'ref', trainingProfile: reference }, aq.table({ x: normals(1_000_000, 55, 10, 7) }), { now: new Date(0) });
    assert.equal(shifted.features[0].drift!.drifted, true);
    assert.equal(shifted.summary.status, 'critical');
  });
});
