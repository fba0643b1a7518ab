import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { isClassifier } from '../../../../../src/core/models/contract';
import { MLPClassifier } from '../../../../../src/core/models/mlp';
import { setTfProvider } from '../../../../../src/core/tf/provider';
import type { TrainingProgress } from '../../../../../src/core/models/contract';
import { makeClassification } from './data';

const quiet = { progress: false } as const;

describe('MLPClassifier', function () {
  this.timeout(60_000);
  before(() => setTfProvider(async () => await import('@tensorflow/tfjs')));
  const { x, y } = makeClassification(800, 6, 2, 5);
  const labels = y.map((v) => (v ? 'churn' : 'stay'));

  it('is bit-reproducible: the same data and seed give identical weights and probabilities', async () => {
    const a = await new MLPClassifier({ hiddenLayerSizes: [16, 8], maxIter: 5, seed: 3, ...quiet }).fit(x, labels);
    const b = await new MLPClassifier({ hiddenLayerSizes: [16, 8], maxIter: 5, seed: 3, ...quiet }).fit(x, labels);
    assert.deepEqual(a.coefs, b.coefs);
    assert.deepEqual(a.intercepts, b.intercepts);
    assert.deepEqual(a.lossCurve, b.lossCurve);
    assert.deepEqual((await a.predictProba(x)).data, (await b.predictProba(x)).data);
  });

  it('gives a different model for a different seed', async () => {
    const a = await new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 2, seed: 1, ...quiet }).fit(x, labels);
    const b = await new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 2, seed: 2, ...quiet }).fit(x, labels);
    assert.notDeepEqual(a.coefs[0].data, b.coefs[0].data);
  });

  it('learns: labels, sorted classes, probabilities that sum to one, and a good score', async () => {
    const clf = await new MLPClassifier({ hiddenLayerSizes: [32, 16], maxIter: 60, seed: 0, ...quiet }).fit(x, labels);
    assert.deepEqual(clf.classes, ['churn', 'stay']);
    assert.ok(isClassifier(clf));
    const p = await clf.predictProba(x);
    assert.deepEqual(p.classes, ['churn', 'stay']);
    for (let i = 0; i < p.rows; i++) assert.ok(Math.abs(p.data[2 * i] + p.data[2 * i + 1] - 1) < 1e-6);
    const predicted = await clf.predict(x);
    assert.ok(predicted.every((v) => v === 'churn' || v === 'stay'));
    assert.ok((await clf.score(x, labels)) > 0.9);
  });

  it('handles several classes with softmax, numeric labels in ascending order', async () => {
    const three = makeClassification(900, 6, 3, 8);
    const clf = await new MLPClassifier({ hiddenLayerSizes: [24], maxIter: 100, learningRateInit: 0.01, seed: 0, ...quiet }).fit(
      three.x,
      three.y.map((v) => v * 10),
    );
    assert.deepEqual(clf.classes, [0, 10, 20]);
    const p = await clf.predictProba(three.x);
    assert.equal(p.data.length, 900 * 3);
    const acc = await clf.score(
      three.x,
      three.y.map((v) => v * 10),
    );
    assert.ok(acc > 0.8, `accuracy ${acc}, classes ${[0, 1, 2].map((k) => three.y.filter((v) => v === k).length)}`);
  });

  it('accepts an arquero table and gives the same model as the same rows as number[][]', async () => {
    const table = aq.table(Object.fromEntries(Array.from({ length: 6 }, (_, j) => [`f${j}`, x.map((r) => r[j])])));
    const a = await new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 3, ...quiet }).fit(table, labels);
    const b = await new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 3, ...quiet }).fit(x, labels);
    assert.deepEqual(a.coefs, b.coefs);
    assert.equal((a.summary().extra as { features: number }).features, 6);
  });

  it('reports every epoch through onProgress, and validation metrics from options.validation', async () => {
    const seen: TrainingProgress[] = [];
    const clf = await new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 4, ...quiet }).fit(x.slice(0, 600), labels.slice(0, 600), {
      validation: { x: x.slice(600), y: labels.slice(600) },
      onProgress: (p) => seen.push(p),
    });
    assert.deepEqual(
      seen.map((p) => p.epoch),
      [1, 2, 3, 4],
    );
    assert.ok(seen.every((p) => p.epochs === 4 && p.metrics.loss > 0 && p.metrics.valLoss > 0 && p.metrics.valAccuracy >= 0 && p.metrics.valAccuracy <= 1));
    assert.equal(clf.validationScores.length, 4);
    assert.equal(clf.history!.scoreName, 'accuracy');
  });

  it('stops early when the held-out accuracy stalls and keeps the best epoch', async () => {
    const clf = await new MLPClassifier({ hiddenLayerSizes: [32], maxIter: 500, earlyStopping: true, nIterNoChange: 3, learningRateInit: 0.01, seed: 1, ...quiet }).fit(x, labels);
    const h = clf.history!;
    assert.equal(h.stopReason, 'earlyStopping');
    assert.ok(h.epochs.length < 500);
    const scores = clf.validationScores;
    assert.equal(scores[h.bestEpoch - 1], Math.max(...scores));
    // The kept weights are the best epoch's: scoring the held-out rows again gives its accuracy.
    assert.ok(h.epochs.length - h.bestEpoch >= 3);
  });

  it("stops when the training loss stops improving by tol (scikit-learn's convergence rule)", async () => {
    const clf = await new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 1000, tol: 0.05, nIterNoChange: 2, ...quiet }).fit(x, labels);
    assert.equal(clf.history!.stopReason, 'converged');
    assert.ok(clf.nIter <= 10);
  });

  it('stops at the next batch when the signal fires and keeps the partly trained model', async () => {
    const controller = new AbortController();
    const clf = new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 1000, batchSize: 50, ...quiet });
    await clf.fit(x, labels, { signal: controller.signal, onProgress: (p) => p.epoch === 3 && controller.abort() });
    assert.equal(clf.history!.stopReason, 'interrupted');
    assert.equal(clf.nIter, 3);
    assert.equal(clf.history!.steps, 3 * 16);
    assert.equal((await clf.predict(x)).length, x.length);
  });

  it('describes itself: spec to rebuild it, summary with layers, parameter count and backend', async () => {
    const clf = new MLPClassifier({ hiddenLayerSizes: [4, 3], maxIter: 2, ...quiet });
    assert.deepEqual(new MLPClassifier(clf.spec().params as object).params, clf.params);
    assert.equal(clf.spec().type, 'MLPClassifier');
    await clf.fit(x, labels);
    const s = clf.summary();
    assert.equal(s.parameterCount, 6 * 4 + 4 + 4 * 3 + 3 + 3 * 1 + 1);
    assert.deepEqual(
      s.layers!.map((l) => [l.name, l.kind, l.outputShape[1], l.parameters]),
      [
        ['hidden_1', 'Dense(relu)', 4, 28],
        ['hidden_2', 'Dense(relu)', 3, 15],
        ['output', 'Dense(sigmoid)', 1, 4],
      ],
    );
    assert.equal(s.backend, 'fused-wasm-simd');
    assert.equal(s.weights!.length, 6);
    assert.equal((s.extra as { stopReason: string }).stopReason, 'maxIter');
    assert.doesNotThrow(() => JSON.stringify(s));
  });

  it('exports a TF.js LayersModel whose predictions match', async () => {
    const clf = await new MLPClassifier({ hiddenLayerSizes: [8, 4], maxIter: 3, ...quiet }).fit(x, labels);
    const tf = await import('@tensorflow/tfjs');
    const model = await clf.toLayersModel();
    const out = (model.predict(tf.tensor2d(x)) as import('@tensorflow/tfjs').Tensor).dataSync();
    const p = await clf.predictProba(x);
    for (let i = 0; i < x.length; i++) assert.ok(Math.abs(out[i] - p.data[2 * i + 1]) < 1e-5);
    model.dispose();
  });

  it('explains what is wrong with its input', async () => {
    assert.throws(() => new MLPClassifier({ hidenLayerSizes: [3] } as never), /unknown parameter "hidenLayerSizes"; known parameters: hiddenLayerSizes/);
    assert.throws(() => new MLPClassifier({ activation: 'gelu' as never }), /activation must be 'relu', 'tanh', 'logistic', 'identity'/);
    await assert.rejects(new MLPClassifier().predict(x), /not fitted yet; call await model\.fit\(x, y\) first/);
    await assert.rejects(new MLPClassifier(quiet).fit(aq.table({ a: ['x', 'y'] }), [0, 1]), /column "a" holds string values .*Encode it first/);
    await assert.rejects(new MLPClassifier(quiet).fit([[1], [NaN]], [0, 1]), /column "x0" has a missing or infinite value at row 1; impute it first/);
    await assert.rejects(new MLPClassifier(quiet).fit([[1], [2]], [0, 0]), /only one class/);
    await assert.rejects(new MLPClassifier(quiet).fit([[1], [2]], [0]), /y has 1 values but x has 2 rows/);
    const clf = await new MLPClassifier({ maxIter: 1, ...quiet }).fit(x, labels);
    await assert.rejects(clf.predict([[1, 2]]), /x has 2 features but the model was fitted on 6/);
  });
});
