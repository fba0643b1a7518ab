import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { permutationImportance } from '../../../../../src/core/evaluation/importance/permutationImportance';
import { assertClose, requireReference, runPython } from '../reference';
import { penguins } from '../cases';
import { linearRegressor, logisticClassifier } from '../models';

describe('core/evaluation permutationImportance', () => {
  const cols = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)'];
  const X = penguins.species.map((_, i) => cols.map((c) => penguins.features[c][i]));
  const mass = penguins.features['Body Mass (g)'];

  it('is zero for a feature the model ignores, positive for the ones it uses, and reproducible', async () => {
    const model = linearRegressor([0, 20, 45], -5500);
    const a = await permutationImportance(model, X, mass, { nRepeats: 4, seed: 3 });
    const b = await permutationImportance(model, X, mass, { nRepeats: 4, seed: 3 });
    assert.deepEqual(a, b);
    const ignored = a.features.find((f) => f.feature === 'x0')!;
    assert.deepEqual(ignored.importances, [0, 0, 0, 0]);
    assert.equal(a.features[0].feature, 'x2');
    assert.ok(a.features[0].importanceMean > 0.5);
    assert.equal(a.scoring, 'r2');
  });

  it('keeps losses positive for useful features (worse = higher)', async () => {
    const r = await permutationImportance(linearRegressor([0, 20, 45], -5500), X, mass, { scoring: 'rmse', nRepeats: 2, features: [2, 'x1'] });
    assert.deepEqual(
      r.features.map((f) => f.feature),
      ['x2', 'x1'],
    );
    assert.ok(r.features.every((f) => f.importanceMean > 0));
  });

  it('agrees in distribution with scikit-learn’s permutation_importance (30 repeats each)', async function () {
    requireReference(this);
    const ref = runPython<{ coef: number[]; b: number; mean: number[]; std: number[] }>(
      `from sklearn.linear_model import LinearRegression
from sklearn.inspection import permutation_importance
X = np.array(data['X']); y = np.array(data['y'])
m = LinearRegression().fit(X, y)
r = permutation_importance(m, X, y, n_repeats=30, random_state=0)
out(dict(coef=m.coef_, b=m.intercept_, mean=r.importances_mean, std=r.importances_std))`,
      { X, y: mass },
    );
    const r = await permutationImportance(linearRegressor(ref.coef, ref.b), X, mass, { nRepeats: 30, seed: 0 });
    ['x0', 'x1', 'x2'].forEach((name, j) => {
      const f = r.features.find((x) => x.feature === name)!;
      // Two independent 30-repeat means: their difference has sd ≈ √2·sd/√30; allow 4 of those.
      assertClose(f.importanceMean, ref.mean[j], Math.max(1e-3, (4 * Math.SQRT2 * ref.std[j]) / Math.sqrt(30)), `${name} mean`);
      assertClose(f.importanceStd, ref.std[j], Math.max(1e-3, 0.5 * ref.std[j]), `${name} sd`);
    });
  });

  it('scores classifiers with probability metrics through predictProba and label metrics through predict, on a table', async () => {
    const table = aq.table(Object.fromEntries(cols.map((c) => [c, penguins.features[c]])));
    const model = logisticClassifier([0.3, 1.2, 0.05], -44, ['FEMALE', 'MALE'], cols);
    const auc = await permutationImportance(model, table, penguins.sex, { scoring: 'auc', nRepeats: 3 });
    const f1 = await permutationImportance(model, table, penguins.sex, { scoring: 'f1', nRepeats: 3 });
    assert.equal(auc.features[0].feature, 'Beak Depth (mm)');
    assert.ok(auc.baselineScore > 0.8 && f1.baselineScore > 0.7);
    assert.deepEqual(auc.features.map((f) => f.feature).sort(), [...cols].sort());
  });

  it('explains bad arguments', async () => {
    await assert.rejects(permutationImportance(linearRegressor([1], 0), X, mass.slice(1)), /y has 332 values for 333 rows/);
    await assert.rejects(permutationImportance(linearRegressor([1], 0), X, mass, { scoring: 'aucc' as never }), /unknown scoring "aucc"/);
    await assert.rejects(permutationImportance(linearRegressor([1, 0, 0], 0), X, mass, { scoring: 'auc' }), /needs class probabilities/);
  });
});
