import { strict as assert } from 'node:assert';
import { _comparePrepared, _pairedPValue } from '../../../../../src/core/evaluation/intervals/compareModels';
import { _prepareBinary } from '../../../../../src/core/evaluation/inputs/prepareBinary';
import { _prepareRegression } from '../../../../../src/core/evaluation/inputs/prepareRegression';
import { assertClose, requireReference, runPython } from '../reference';
import { penguins } from '../cases';

describe('core/evaluation paired comparison (_comparePrepared)', () => {
  const y = Uint8Array.from(penguins.sex.map((s) => (s === 'MALE' ? 1 : 0)));
  const model = _prepareBinary(Float64Array.from(penguins.pMale), y, { withOrder: true, metrics: ['auc', 'logLoss', 'accuracy'] });
  const baseline = _prepareBinary(Float64Array.from(penguins.pMaleBaseline), y, { withOrder: true, metrics: ['auc', 'logLoss', 'accuracy'] });

  it('finds the real model significantly better than the one-feature baseline, in each metric’s direction', async () => {
    const { comparisons } = await _comparePrepared(model, baseline, { resamples: 500, seed: 1 });
    const auc = comparisons.find((c) => c.metric === 'auc');
    const loss = comparisons.find((c) => c.metric === 'logLoss');
    assert.ok(auc && auc.difference > 0 && auc.ci.lower > 0 && auc.significantlyBetter && auc.pValue < 0.01);
    assert.ok(loss && loss.difference < 0 && loss.significantlyBetter && !loss.significantlyWorse);
  });

  it('gives a zero difference and p = 1 for a model against itself', async () => {
    const { comparisons } = await _comparePrepared(model, model, { resamples: 200, seed: 1 });
    for (const c of comparisons) {
      assert.equal(c.difference, 0);
      assert.equal(c.pValue, 1);
      assert.ok(!c.significantlyBetter && !c.significantlyWorse);
    }
  });

  it('matches a numpy paired bootstrap of the AUC difference in distribution', async function () {
    requireReference(this);
    const ref = runPython<number[]>(
      `from scipy.stats import rankdata
rng = np.random.default_rng(0); y = np.array(data['y']); a = np.array(data['a']); b = np.array(data['b'])
def auc(yy, ss):
    r = rankdata(ss, axis=-1); p = yy.sum(axis=-1); n = yy.shape[-1] - p
    return ((r * yy).sum(axis=-1) - p * (p + 1) / 2) / (p * n)
i = rng.integers(0, len(y), (4000, len(y)))
d = auc(y[i], a[i]) - auc(y[i], b[i])
out(np.percentile(d, [2.5, 97.5]))`,
      { y: Array.from(y), a: penguins.pMale, b: penguins.pMaleBaseline },
    );
    const { comparisons } = await _comparePrepared(model, baseline, { resamples: 4000, seed: 3 });
    const auc = comparisons.find((c) => c.metric === 'auc');
    assertClose(auc?.ci.lower as number, ref[0], 0.01, 'difference CI lower');
    assertClose(auc?.ci.upper as number, ref[1], 0.01, 'difference CI upper');
  });

  it('pairs regression models through their own sort orders', async () => {
    const t = Float64Array.from(penguins.features['Body Mass (g)']);
    const good = _prepareRegression(t, Float64Array.from(penguins.massPred), { withOrder: true });
    const bad = _prepareRegression(t, Float64Array.from(penguins.massPred.map((v, i) => v + (i % 2 ? 300 : -300))), { withOrder: true });
    const { comparisons } = await _comparePrepared(good, bad, { resamples: 300, seed: 2 });
    const rmse = comparisons.find((c) => c.metric === 'rmse');
    assert.ok(rmse && rmse.significantlyBetter, 'lower RMSE is better');
  });

  it('computes the two-sided p-value with the +1 correction', () => {
    assert.equal(_pairedPValue(Float64Array.from([1, 2, 3, 4])), 2 / 5);
    assert.equal(_pairedPValue(Float64Array.from([-1, 1, 2, 3])), (2 * 2) / 5);
    assert.equal(_pairedPValue(Float64Array.from([0, 0])), 1);
  });

  it('refuses different rows', async () => {
    const small = _prepareBinary(Float64Array.from([0.1, 0.9]), Uint8Array.from([0, 1]), { withOrder: true });
    await assert.rejects(_comparePrepared(model, small), /same rows/);
  });
});
