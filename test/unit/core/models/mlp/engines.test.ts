import { strict as assert } from 'node:assert';
import { MLPClassifier, MLPRegressor, type MLPParams } from '../../../../../src/core/models/mlp';
import { makeClassification, makeRegression } from './data';
import { maxRelativeError } from './python';
import { SHIPPED_BACKENDS, useTfBackend } from './tfBackends';

type Kind = 'binary' | 'multiclass' | 'regression';
const CASES: [Kind, Partial<MLPParams>][] = [
  ['binary', { hiddenLayerSizes: [16, 8], activation: 'relu' }],
  ['multiclass', { hiddenLayerSizes: [12], activation: 'tanh', alpha: 0.01 }],
  ['regression', { hiddenLayerSizes: [10, 6], activation: 'logistic' }],
];

async function train(kind: Kind, params: Partial<MLPParams>, engine: 'fused' | 'tfjs') {
  const p: Partial<MLPParams> = { maxIter: 6, batchSize: 50, seed: 4, progress: false, engine, ...params };
  if (kind === 'regression') {
    const { x, y } = makeRegression(400, 5, 2);
    const m = await new MLPRegressor(p).fit(x, y);
    return { model: m, pred: Array.from(await m.predict(x)) };
  }
  const { x, y } = makeClassification(400, 5, kind === 'binary' ? 2 : 3, 2);
  const m = await new MLPClassifier(p).fit(x, y);
  return { model: m, pred: Array.from((await m.predictProba(x)).data) };
}

describe('MLP engines (fused WebAssembly kernel and TF.js ops)', function () {
  this.timeout(120_000);
  let previous: string | undefined;
  before(async () => {
    previous = (await import('@tensorflow/tfjs')).getBackend();
  });
  after(async () => {
    if (previous) await (await import('@tensorflow/tfjs')).setBackend(previous);
  });

  for (const backend of SHIPPED_BACKENDS) {
    describe(`on the TF.js ${backend} backend`, () => {
      before(async () => {
        await useTfBackend(backend);
      });

      for (const [kind, params] of CASES) {
        it(`trains a ${kind} MLP to the same loss curve and predictions as the fused kernel from the same init`, async () => {
          const fused = await train(kind, params, 'fused');
          const viaTf = await train(kind, params, 'tfjs');
          assert.equal(fused.model.summary().backend, 'fused-wasm-simd');
          assert.equal(viaTf.model.summary().backend, backend);
          assert.ok(maxRelativeError(viaTf.model.lossCurve, fused.model.lossCurve) < 1e-4, `loss ${viaTf.model.lossCurve} vs ${fused.model.lossCurve}`);
          assert.ok(maxRelativeError(viaTf.pred, fused.pred, 0.1) < 1e-3);
        });
      }

      it('is bit-reproducible with the same seed', async () => {
        const a = await train('binary', CASES[0][1], 'tfjs');
        const b = await train('binary', CASES[0][1], 'tfjs');
        assert.deepEqual(a.model.lossCurve, b.model.lossCurve);
        assert.deepEqual(a.model.coefs, b.model.coefs);
        assert.deepEqual(a.pred, b.pred);
      });
    });
  }
});
