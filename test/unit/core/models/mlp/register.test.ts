import { strict as assert } from 'node:assert';
import { createEstimator, estimatorFromJSON, estimatorTypes } from '../../../../../src/core/models/registry';
import { makeClassification } from './data';
import { useTfBackend } from './tfBackends';
import { MLPClassifier, MLPRegressor } from '../../../../../src/core/models/mlp/index';

describe('core/models/mlp registry', () => {
  it('rebuilds MLPs from their spec, as search trials and pipelines do', () => {
    assert.ok(estimatorTypes().includes('MLPClassifier') && estimatorTypes().includes('MLPRegressor'));
    const spec = new MLPClassifier({ hiddenLayerSizes: [8], seed: 3 }).spec();
    const copy = createEstimator(spec);
    assert.ok(copy instanceof MLPClassifier);
    assert.deepEqual(copy.spec(), spec);
    assert.ok(createEstimator(new MLPRegressor({ alpha: 0.01 }).spec()) instanceof MLPRegressor);
  });

  for (const engine of ['fused', 'tfjs'] as const) {
    it(`restores a fitted MLP from JSON with the same weights and bit-identical predictions (${engine} engine)`, async () => {
      await useTfBackend('cpu');
      const { x, y } = makeClassification(200, 4, 3, 7);
      const clf = await new MLPClassifier({ hiddenLayerSizes: [6], maxIter: 8, seed: 2, engine, progress: false }).fit(x, y);
      const again = estimatorFromJSON(JSON.parse(JSON.stringify(clf)) as never) as MLPClassifier;
      assert.ok(again instanceof MLPClassifier);
      assert.deepEqual(again.classes, clf.classes);
      assert.deepEqual(again.coefs, clf.coefs);
      assert.deepEqual((await again.predictProba(x)).data, (await clf.predictProba(x)).data);
      const reg = await new MLPRegressor({ hiddenLayerSizes: [5], maxIter: 6, seed: 1, engine, progress: false }).fit(
        x,
        Float64Array.from(y, (v, i) => v + i / 200),
      );
      const regAgain = MLPRegressor.fromJSON(JSON.parse(JSON.stringify(reg)) as never);
      assert.deepEqual(await regAgain.predict(x), await reg.predict(x));
      assert.equal(regAgain.nIter, reg.nIter);
    });
  }

  it('refuses damaged fitted state with a sentence that says how to save it again', () => {
    const json = { type: 'MLPRegressor', params: {}, fitted: { featureNames: ['a'], sizes: [1, 1], coefs: [[1, 2]], intercepts: [[0]] } };
    assert.throws(() => estimatorFromJSON(json), /MLPRegressor\.fromJSON: the saved fitted state is incomplete or damaged/);
  });
});
