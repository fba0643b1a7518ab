import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { DummyClassifier } from '../../../../../src/core/models/dummy/dummyClassifier';
import { DummyRegressor } from '../../../../../src/core/models/dummy/dummyRegressor';
import { createEstimator, estimatorFromJSON } from '../../../../../src/core/models/registry';
import * as modelbook from '../../../../../src/core/modelbook/index';

const y = ['b', 'a', 'b', 'c', 'b', 'a'];
const x = y.map(() => [0]);

describe('core/models/dummy DummyClassifier', () => {
  it('predicts the most frequent class, with the class shares as probabilities, ignoring the features', async () => {
    const m = await new DummyClassifier().fit(aq.table({ name: ['p', 'q', 'r', 's', 't', 'u'], label: y }), 'label');
    assert.deepEqual(m.classes, ['a', 'b', 'c']);
    assert.deepEqual(await m.predict(aq.table({ name: ['v', 'w'] })), ['b', 'b']);
    assert.deepEqual(Array.from((await m.predictProba([[1], [2]])).data), [2 / 6, 3 / 6, 1 / 6, 2 / 6, 3 / 6, 1 / 6]);
    assert.equal(await m.score(x, y), 0.5);
  });

  it('gives the same stratified draws on every call with one seed, other draws with another, and predict agrees with predictProba', async () => {
    const many = Array.from({ length: 200 }, () => [0]);
    const a = await new DummyClassifier({ strategy: 'stratified', seed: 1 }).fit(x, y);
    const first = await a.predict(many);
    assert.deepEqual(await a.predict(many), first);
    const proba = await a.predictProba(many);
    assert.deepEqual(
      first,
      Array.from({ length: 200 }, (_, i) => a.classes[[0, 1, 2].find((k) => proba.data[i * 3 + k] === 1)!]),
    );
    const b = await new DummyClassifier({ strategy: 'stratified', seed: 2 }).fit(x, y);
    assert.notDeepEqual(await b.predict(many), first);
  });

  it('refuses a constant that is not a training label and an unknown strategy, naming the fix', async () => {
    await assert.rejects(new DummyClassifier({ strategy: 'constant', constant: 'z' }).fit(x, y), /constant "z" is not one of the training labels \("a", "b", "c"\)/);
    assert.throws(() => new DummyClassifier({ strategy: 'constant' }), /constant must be a class label/);
    assert.throws(() => new DummyClassifier({ strategy: 'most_frequent' as never }), /strategy must be 'mostFrequent', 'prior'/);
    await assert.rejects(new DummyClassifier().predict(x), /not fitted yet/);
  });

  it('round-trips through the registry: spec, toJSON and fromJSON', async () => {
    const m = await new DummyClassifier({ strategy: 'constant', constant: 'c' }).fit(x, y);
    assert.deepEqual(createEstimator(JSON.parse(JSON.stringify(m.spec()))).spec(), m.spec());
    const again = estimatorFromJSON(JSON.parse(JSON.stringify(m.toJSON()))) as DummyClassifier;
    assert.deepEqual(await again.predict([[0]]), ['c']);
    assert.deepEqual(Array.from(again.classPrior), Array.from(m.classPrior));
    assert.equal(m.summary().type, 'DummyClassifier');
  });
});

describe('core/models/dummy DummyRegressor', () => {
  it('predicts the mean, median, a quantile or a constant of the training target', async () => {
    const t = [1, 2, 3, 10];
    const rows = t.map(() => [0]);
    assert.equal((await new DummyRegressor().fit(rows, t)).value, 4);
    assert.equal((await new DummyRegressor({ strategy: 'median' }).fit(rows, t)).value, 2.5);
    assert.equal((await new DummyRegressor({ strategy: 'quantile', quantile: 1 }).fit(rows, t)).value, 10);
    assert.deepEqual(Array.from(await (await new DummyRegressor({ strategy: 'constant', constant: 7 }).fit(rows, t)).predict([[5], [6]])), [7, 7]);
    assert.equal(await (await new DummyRegressor().fit(rows, t)).score(rows, t), 0);
  });

  it('refuses a quantile strategy without a quantile in [0, 1]', () => {
    assert.throws(() => new DummyRegressor({ strategy: 'quantile' }), /quantile must be a number in \[0, 1\]/);
    assert.throws(() => new DummyRegressor({ strategy: 'quantile', quantile: 2 }), /quantile must be a number in \[0, 1\]/);
  });

  it('round-trips through the registry and is exported from the modelbook module', async () => {
    const m = await new DummyRegressor({ strategy: 'median' }).fit([[0], [0], [0]], [1, 5, 9]);
    const again = estimatorFromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    assert.deepEqual(Array.from(await again.predict([[0]])), [5]);
    assert.ok('DummyRegressor' in modelbook && 'DummyClassifier' in modelbook);
  });
});
