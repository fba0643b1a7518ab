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

  it('puts the loss on a log axis once it falls over more than 1.5 decades, so epoch 1 does not flatten the rest', async () => {
    const epochs = [2.3, 0.4, 0.09, 0.03, 0.012].map((loss, i) => ({ epoch: i + 1, loss, valLoss: loss * 1.2, valScore: 0.5 + i / 10, elapsedMs: 100 * (i + 1) }));
    const spec = buildTrainingCurveSpec({ ...state, epochs, current: undefined });
    const [loss, score] = spec.hconcat as { encoding: { y: { title: string; scale: object } } }[];
    assert.deepEqual([loss.encoding.y.title, loss.encoding.y.scale], ['loss (log)', { type: 'log', nice: false, padding: 6 }]);
    assert.deepEqual((loss.encoding.y as { axis?: { values: number[] } }).axis?.values, [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2], 'labelled ticks at 1, 2, 5 per decade');
    assert.deepEqual([score.encoding.y.title, score.encoding.y.scale], ['validation r2', { zero: false }], 'the score stays linear');
    const load = (name: string) => import(name);
    const vl = (await load('vega-lite')) as { compile(spec: unknown): { spec: unknown } };
    const vega = (await load('vega')) as { parse(spec: unknown): unknown; View: new (runtime: unknown, options: object) => { toSVG(): Promise<string> } };
    assert.match(await new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' }).toSVG(), /loss \(log\)/);
    // 0.9 → 0.5 is a small fall: linear, as before.
    assert.deepEqual((buildTrainingCurveSpec(state).hconcat as (typeof loss)[])[0].encoding.y.scale, { zero: false });
  });

  it('keeps the loss axis linear for negative losses, and leaves out (and says so) a loss of 0 on a log axis', () => {
    const y = (losses: number[]) =>
      buildTrainingCurveSpec({ ...state, epochs: losses.map((loss, i) => ({ epoch: i + 1, loss, elapsedMs: i })) }) as {
        transform: { filter: string }[];
        encoding: { y: { title: string; scale: object } };
      };
    assert.deepEqual(y([5, 0.01, -0.2]).encoding.y, { field: 'value', type: 'quantitative', title: 'loss', scale: { zero: false } });
    const zero = y([5, 0.01, 0]);
    assert.deepEqual([zero.encoding.y.title, zero.encoding.y.scale], ['loss (log, 0 not drawn)', { type: 'log', nice: false, padding: 6 }]);
    assert.equal(zero.transform[0].filter, "datum.panel === 'loss' && datum.value > 0");
    assert.deepEqual((zero.encoding as unknown as { x: { scale: object } }).x.scale, { domain: [1, 3] }, 'the x axis still reaches the last epoch');
    assert.equal(y([5, NaN, 0.01]).encoding.y.title, 'loss (log)', 'a diverged (NaN) epoch does not decide the axis');
  });

  it('says where training is, how long it will take and where it runs', () => {
    assert.equal(describeTraining(state), 'MLPRegressor · epoch 3/50 · batch 10/40 · loss 0.4500 (this epoch so far) · val loss 0.6000 · val r2 0.5500 · ETA 9.6 s · backend fused-wasm-simd');
    const done = new TrainingCurve({ ...state, current: undefined, stopReason: 'earlyStopping' });
    assert.match(String(done[MIME_BUNDLE]()['text/plain']), /^MLPRegressor · 2 epochs · loss 0\.5000 .* stopped: earlyStopping · \d+ ms · backend/);
  });
});
