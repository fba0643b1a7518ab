import { strict as assert } from 'node:assert';
import { bootstrapCI } from '../../../../../src/core/evaluation/intervals/bootstrap';
import { createRng } from '../../../../../src/core/evaluation/random';
import { _prepareBinary } from '../../../../../src/core/evaluation/inputs/prepareBinary';
import { _collectMetricViews } from '../../../../../src/core/evaluation/view/collectCommon';
import { resolveBootstrap } from '../../../../../src/core/evaluation/intervals/bootstrap';
import { assertClose, normal, requireReference, runPython } from '../reference';
import { penguins } from '../cases';

const mean = (x: number[]) => (w: Int32Array) => {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    s += w[i] * x[i];
    n += w[i];
  }
  return s / n;
};

describe('core/evaluation bootstrap', () => {
  const rng = createRng(31);
  const gaussian = Array.from({ length: 200 }, () => normal(rng));
  const skewed = Array.from({ length: 120 }, () => (-Math.log(1 - rng.nextFloat())) ** 1.5);

  it('is reproducible for a seed and differs between seeds', async () => {
    const a = await bootstrapCI(gaussian.length, mean(gaussian), { resamples: 200, seed: 4 });
    const b = await bootstrapCI(gaussian.length, mean(gaussian), { resamples: 200, seed: 4 });
    const c = await bootstrapCI(gaussian.length, mean(gaussian), { resamples: 200, seed: 5 });
    assert.deepEqual(a.replicates, b.replicates);
    assert.deepEqual(a.ci, b.ci);
    assert.notDeepEqual(a.replicates, c.replicates);
  });

  describe('against numpy and scipy', () => {
    let ref: { pct: number[]; scipyBca: number[] };
    before(function () {
      requireReference(this);
      ref = runPython(
        `from scipy.stats import bootstrap
rng = np.random.default_rng(0)
x = np.array(data['gaussian'])
reps = np.array([x[rng.integers(0, len(x), len(x))].mean() for _ in range(20000)])
s = np.array(data['skewed'])
r = bootstrap((s,), np.mean, n_resamples=20000, method='BCa', random_state=1, vectorized=True)
out({'pct': np.percentile(reps, [2.5, 97.5]), 'scipyBca': [r.confidence_interval.low, r.confidence_interval.high]})`,
        { gaussian, skewed },
      );
    });

    it('gives percentile intervals close to a numpy bootstrap (same distribution, not the same draws)', async () => {
      for (const sampling of ['multinomial', 'poisson'] as const) {
        const r = await bootstrapCI(gaussian.length, mean(gaussian), { resamples: 5000, seed: 1, sampling });
        assertClose(r.ci.lower, ref.pct[0], 0.01, `${sampling} lower`);
        assertClose(r.ci.upper, ref.pct[1], 0.01, `${sampling} upper`);
      }
    });

    it('gives BCa intervals close to scipy.stats.bootstrap(method="BCa") on skewed data', async () => {
      const r = await bootstrapCI(skewed.length, mean(skewed), { resamples: 5000, seed: 2, method: 'bca' });
      assert.equal(r.ci.method, 'bca');
      assertClose(r.ci.lower, ref.scipyBca[0], 0.03, 'BCa lower');
      assertClose(r.ci.upper, ref.scipyBca[1], 0.03, 'BCa upper');
    });

    it("computes BCa levels exactly as scipy's _bca_interval does from the same replicates", async () => {
      const r = await bootstrapCI(skewed.length, mean(skewed), { resamples: 2000, seed: 3, method: 'bca' });
      const exact = runPython<number[]>(
        `from scipy.stats._resampling import _bca_interval
reps = np.array(data['reps']); s = np.array(data['x'])
a1, a2 = _bca_interval((s,), np.mean, -1, 0.025, reps, None)[:2]
out(np.percentile(reps, [a1 * 100, a2 * 100]))`,
        { reps: Array.from(r.replicates), x: skewed },
      );
      assertClose(r.ci.lower, exact[0], 1e-12, 'BCa lower from the same replicates');
      assertClose(r.ci.upper, exact[1], 1e-12, 'BCa upper from the same replicates');
    });
  });

  it('gives AUC intervals close to a numpy bootstrap of the AUC (vectorized Mann–Whitney, checked against roc_auc_score)', async function () {
    requireReference(this);
    const y = penguins.sex.map((s) => (s === 'MALE' ? 1 : 0));
    const ref = runPython<number[]>(
      `from sklearn.metrics import roc_auc_score
from scipy.stats import rankdata
rng = np.random.default_rng(0); y = np.array(data['y']); s = np.array(data['s'])
def auc(yy, ss):
    r = rankdata(ss, axis=-1); p = yy.sum(axis=-1); n = yy.shape[-1] - p
    return ((r * yy).sum(axis=-1) - p * (p + 1) / 2) / (p * n)
assert abs(auc(y, s) - roc_auc_score(y, s)) < 1e-12
i = rng.integers(0, len(y), (4000, len(y)))
out(np.percentile(auc(y[i], s[i]), [2.5, 97.5]))`,
      { y, s: penguins.pMale },
    );
    const prepared = _prepareBinary(Float64Array.from(penguins.pMale), Uint8Array.from(y), { metrics: ['auc'] });
    const { metrics } = await _collectMetricViews(prepared, resolveBootstrap('test', { resamples: 4000, seed: 7 }, y.length));
    assertClose(metrics[0].ci?.lower as number, ref[0], 0.006, 'AUC CI lower');
    assertClose(metrics[0].ci?.upper as number, ref[1], 0.006, 'AUC CI upper');
  });

  it('leaves undefined resamples out with a warning', async () => {
    const r = await bootstrapCI(10, (w) => (w[0] === 0 ? NaN : 1), { resamples: 300, seed: 1 });
    assert.ok(r.ci.resamples < 300 && r.ci.resamples > 0);
    assert.equal(r.warnings[0].code, 'bootstrap-degenerate');
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const slow = (w: Int32Array) => {
      const t = Date.now();
      while (Date.now() - t < 2);
      return w[0];
    };
    await assert.rejects(bootstrapCI(100, slow, { resamples: 1000, signal: controller.signal }), { name: 'AbortError' });
  });

  it('explains bad options', async () => {
    await assert.rejects(bootstrapCI(10, mean([1]), { resamples: 0 }), /bootstrap.resamples must be an integer ≥ 1/);
    await assert.rejects(bootstrapCI(10, mean([1]), { method: 'basic' as never }), /bootstrap.method must be one of "percentile", "bca"/);
  });
});
