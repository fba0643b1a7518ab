import { strict as assert } from 'node:assert';
import { LogisticRegression } from '../../../../../src/core/models/linear/logisticRegression';
import { Ridge } from '../../../../../src/core/models/linear/ridge';
import { cloneEstimator, createEstimator, estimatorFromJSON, estimatorTypes, registerEstimator, specWithParams } from '../../../../../src/core/models/registry';
import * as models from '../../../../../src/core/models/index';

describe('core/models registry', () => {
  it('rebuilds each built-in estimator from its spec, unfitted, with the same parameters', () => {
    for (const e of [new LogisticRegression({ C: 0.3, classWeight: 'balanced' }), new Ridge({ alpha: 4 }), createEstimator({ type: 'LinearRegression', params: { fitIntercept: false } })]) {
      const spec = JSON.parse(JSON.stringify(e.spec()));
      const again = createEstimator(spec);
      assert.deepEqual(again.spec(), e.spec());
      assert.deepEqual(cloneEstimator(e).spec(), e.spec());
    }
    assert.ok(['LinearRegression', 'LogisticRegression', 'Ridge'].every((t) => estimatorTypes().includes(t)));
  });

  it('restores fitted models from JSON and replaces parameters in specs', async () => {
    const m = await new LogisticRegression().fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']);
    const again = estimatorFromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    assert.deepEqual(await again.predict([[0], [3]]), ['a', 'b']);
    assert.deepEqual(specWithParams(m.spec(), { C: 5 }).params.C, 5);
    assert.throws(() => specWithParams(m.spec(), { 'estimator.C': 5 }), /has no nested parameters/);
  });

  it('explains unknown types and lets other model families register', () => {
    assert.throws(() => createEstimator({ type: 'SVC', params: {} }), /no estimator type 'SVC' is registered \(known: .*LogisticRegression.*\); register it with registerEstimator/);
    registerEstimator('ConstantRidge', { create: (p) => new Ridge({ alpha: (p.alpha as number) ?? 1 }) });
    assert.equal((createEstimator({ type: 'ConstantRidge', params: { alpha: 2 } }) as Ridge).params.alpha, 2);
  });

  it('exports the linear models and the registry from the models module', () => {
    for (const name of ['LogisticRegression', 'LinearRegression', 'Ridge', 'createEstimator', 'registerEstimator', 'estimatorFromJSON']) assert.ok(name in models, name);
  });
});
