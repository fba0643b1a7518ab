import { strict as assert } from 'node:assert';
import { buildTrainingCurveSpec, describeTraining, TrainingCurve, type TrainingCurveState } from '../../../../src/core/training/trainingCurve';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';

const state: TrainingCurveState = {
  title: 'MLPRegressor',
  epochs: [
    { epoch: 1, loss: 0.9, valLoss: 1.0, valScore: 0.2, elapsedMs: 100 },
    { epoch: 2, loss: 0.5, valLoss: 0.6, valScore: 0.55, elapsedMs: 200 },
  ],
  maxEpochs: 50,
  current: { epoch: 3, batch: 10, batches: 40, runningLoss: 0.45 },
  etaMs: 9_600,
  elapsedMs: 230,
  backend: 'fused-wasm-simd',
  scoreName: 'r2',
};

describe('buildTrainingCurveSpec', () => {
  it('is a valid Vega-Lite spec that renders: loss curves beside the validation score', async () => {
    const spec = buildTrainingCurveSpec(state);
    assert.equal((spec.hconcat as unknown[]).length, 2);
    // Typed loosely: vega and vega-lite ship ESM types this tsconfig's module resolution cannot read.
    const load = (name: string) => import(name);
    const vl = (await load('vega-lite')) as { compile(spec: unknown): { spec: unknown } };
    const vega = (await load('vega')) as { parse(spec: unknown): unknown; View: new (runtime: unknown, options: object) => { toSVG(): Promise<string> } };
    const svg = await new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' }).toSVG();
    assert.match(svg, /training loss/);
    assert.match(svg, /validation r2/);
    assert.match(svg, /epoch 3\/50/);
  });

  it('draws a single loss chart without validation data', () => {
    const spec = buildTrainingCurveSpec({ ...state, epochs: [{ epoch: 1, loss: 0.3, elapsedMs: 5 }] });
    assert.equal(spec.hconcat, undefined);
    assert.equal((spec as { mark: { type: string } }).mark.type, 'line');
  });

  it('says where training is, how long it will take and where it runs', () => {
    assert.equal(describeTraining(state), 'MLPRegressor · epoch 3/50 · batch 10/40 · loss 0.4500 (this epoch so far) · val loss 0.6000 · val r2 0.5500 · ETA 9.6 s · backend fused-wasm-simd');
    const done = new TrainingCurve({ ...state, current: undefined, stopReason: 'earlyStopping' });
    assert.match(String(done[MIME_BUNDLE]()['text/plain']), /^MLPRegressor · 2 epochs · loss 0\.5000 .* stopped: earlyStopping · \d+ ms · backend/);
  });
});
