import { strict as assert } from 'node:assert';
import type * as TF from '@tensorflow/tfjs';
import { LayersClassifier, LayersRegressor } from '../../../../../src/core/models/layers';
import { MLPClassifier } from '../../../../../src/core/models/mlp';
import { initMlpWeights } from '../../../../../src/core/models/mlp/weights';
import { createRng } from '../../../../../src/core/training/random';
import { makeClassification, makeRegression } from '../mlp/data';
import { maxRelativeError } from '../mlp/python';
import { SHIPPED_BACKENDS, useTfBackend } from '../mlp/tfBackends';

const quiet = { progress: false } as const;

function dense(tf: typeof TF, sizes: number[], hidden: string, out: string): TF.Sequential {
  const m = tf.sequential();
  for (let l = 0; l + 1 < sizes.length; l++) {
    const last = l + 2 === sizes.length;
    m.add(
      tf.layers.dense({
        units: sizes[l + 1],
        activation: (last ? out : hidden) as never,
        kernelInitializer: tf.initializers.glorotUniform({ seed: 10 + l }),
        ...(l === 0 ? { inputShape: [sizes[0]] } : {}),
      }),
    );
  }
  return m;
}

describe('LayersClassifier and LayersRegressor', function () {
  this.timeout(120_000);
  const { x, y } = makeClassification(600, 5, 2, 12);

  for (const backend of SHIPPED_BACKENDS) {
    describe(`on the TF.js ${backend} backend`, () => {
      let tf: typeof TF;
      before(async () => {
        tf = await useTfBackend(backend);
      });

      it('trains an uncompiled model with Adam and binary cross-entropy, and reports the backend', async () => {
        const clf = await new LayersClassifier({ model: dense(tf, [5, 16, 1], 'relu', 'sigmoid'), maxIter: 15, batchSize: 64, learningRateInit: 0.03, ...quiet }).fit(x, y);
        assert.equal(clf.summary().backend, backend);
        assert.equal(clf.history!.epochs.length, 15);
        assert.ok((await clf.predict(x)).filter((v, i) => v === y[i]).length / x.length > 0.85);
        const p = await clf.predictProba(x);
        assert.deepEqual(p.classes, [0, 1]);
        assert.ok(Math.abs(p.data[0] + p.data[1] - 1) < 1e-6);
      });

      it('is bit-reproducible: every fit starts from the wrapped weights with a fresh optimizer', async () => {
        const clf = new LayersClassifier({ model: dense(tf, [5, 8, 1], 'tanh', 'sigmoid'), maxIter: 3, ...quiet });
        await clf.fit(x, y);
        const first = { loss: clf.lossCurve, weights: clf.model.getWeights().map((w) => Array.from(w.dataSync())) };
        await clf.fit(x, y);
        assert.deepEqual(clf.lossCurve, first.loss);
        assert.deepEqual(
          clf.model.getWeights().map((w) => Array.from(w.dataSync())),
          first.weights,
        );
      });

      it('continues from the current weights with warmStart', async () => {
        const clf = new LayersClassifier({ model: dense(tf, [5, 8, 1], 'relu', 'sigmoid'), maxIter: 3, warmStart: true, ...quiet });
        await clf.fit(x, y);
        const before = clf.lossCurve.at(-1)!;
        await clf.fit(x, y);
        assert.ok(clf.lossCurve[0] < before + 0.05);
      });
    });
  }

  describe('training behaviour (cpu backend)', () => {
    let tf: typeof TF;
    before(async () => {
      tf = await useTfBackend('cpu');
    });

    it('visits the same seeded batches as MLPClassifier: same init and seed give the same loss curve', async () => {
      const sizes = [5, 12, 1];
      const init = initMlpWeights(sizes, 'relu', createRng(3, 'init'));
      const model = dense(tf, sizes, 'relu', 'sigmoid');
      model.setWeights(init.coefs.flatMap((c, l) => [tf.tensor2d(c, [sizes[l], sizes[l + 1]]), tf.tensor1d(init.intercepts[l])]));
      model.compile({ optimizer: tf.train.adam(0.001, 0.9, 0.999, 1e-8), loss: 'binaryCrossentropy' });
      const wrapped = await new LayersClassifier({ model, maxIter: 5, batchSize: 40, seed: 3, ...quiet }).fit(x, y);
      const mlp = await new MLPClassifier({ hiddenLayerSizes: [12], alpha: 0, maxIter: 5, batchSize: 40, seed: 3, ...quiet }).fit(x, y);
      assert.ok(maxRelativeError(wrapped.lossCurve, mlp.lossCurve) < 1e-4, `${wrapped.lossCurve} vs ${mlp.lossCurve}`);
    });

    it('trains a softmax model on one-hot labels, or on class codes when compiled with a sparse loss', async () => {
      const three = makeClassification(600, 5, 3, 4);
      const labels = three.y.map((k) => ['low', 'mid', 'high'][k]);
      const clf = await new LayersClassifier({ model: dense(tf, [5, 16, 3], 'relu', 'softmax'), maxIter: 15, batchSize: 64, learningRateInit: 0.02, ...quiet }).fit(three.x, labels);
      assert.deepEqual(clf.classes, ['high', 'low', 'mid']);
      assert.equal((await clf.predictProba(three.x)).data.length, 600 * 3);
      const sparse = dense(tf, [5, 16, 3], 'relu', 'softmax');
      sparse.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
      const s = await new LayersClassifier({ model: sparse, maxIter: 2, ...quiet }).fit(three.x, labels);
      assert.equal(s.lossCurve.length, 2);
    });

    it('stops early on held-out accuracy and keeps the best epoch; stops on a signal keeping what it learned', async () => {
      const es = await new LayersClassifier({ model: dense(tf, [5, 16, 1], 'relu', 'sigmoid'), maxIter: 300, earlyStopping: true, nIterNoChange: 3, learningRateInit: 0.02, ...quiet }).fit(x, y);
      assert.equal(es.history!.stopReason, 'earlyStopping');
      const controller = new AbortController();
      const stopped = await new LayersClassifier({ model: dense(tf, [5, 8, 1], 'relu', 'sigmoid'), maxIter: 1000, ...quiet }).fit(x, y, {
        signal: controller.signal,
        onProgress: (p) => p.epoch === 2 && controller.abort(),
      });
      assert.equal(stopped.history!.stopReason, 'interrupted');
      assert.equal(stopped.history!.epochs.length, 2);
      assert.equal((await stopped.predict(x)).length, 600);
    });

    it('wraps a regressor and scores held-out data with R²', async () => {
      const r = makeRegression(800, 3, 5);
      const reg = await new LayersRegressor({ model: dense(tf, [3, 32, 1], 'tanh', 'linear'), maxIter: 40, batchSize: 64, learningRateInit: 0.02, ...quiet }).fit(
        r.x.slice(0, 600),
        r.y.slice(0, 600),
        { validation: { x: r.x.slice(600), y: r.y.slice(600) } },
      );
      assert.equal(reg.history!.scoreName, 'r2');
      assert.ok(reg.history!.epochs.at(-1)!.valScore! > 0.8);
      assert.equal((await reg.predict(r.x)).length, 800);
      assert.equal(reg.summary().layers!.length, 2);
      assert.equal(reg.spec().type, 'LayersRegressor');
    });

    it('explains a model that does not fit the data', async () => {
      await assert.rejects(
        new LayersClassifier({ model: dense(tf, [5, 4, 4], 'relu', 'softmax'), ...quiet }).fit(x, y),
        /output has 4 units but y has 2 classes; end it with tf\.layers\.dense\(\{ units: 2, activation: 'softmax' \}\) or one 'sigmoid' unit/,
      );
      await assert.rejects(new LayersClassifier({ model: dense(tf, [3, 1], 'relu', 'sigmoid'), ...quiet }).fit(x, y), /x has 5 features but the model's input takes 3 values per row/);
      assert.throws(() => new LayersClassifier({ model: {} as never }), /model must be a TF\.js LayersModel/);
      await assert.rejects(new LayersRegressor({ model: dense(tf, [5, 2], 'relu', 'softmax'), ...quiet }).fit(x, y), /must end in one output unit \(it has 2\)/);
    });
  });
});
