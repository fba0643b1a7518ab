import { strict as assert } from 'node:assert';
import { createEstimator, estimatorTypes } from '../../../../../src/core/models/registry';
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
});
