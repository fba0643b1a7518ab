import { strict as assert } from 'node:assert';
import { FusedEngine } from '../../../../../src/core/models/mlp/fusedEngine';
import { fusedKernelSupported, instantiateFusedKernel } from '../../../../../src/core/models/mlp/fusedKernel';
import { initMlpWeights } from '../../../../../src/core/models/mlp/weights';
import { createRng } from '../../../../../src/core/training/random';

describe('fused MLP kernel', () => {
  it('runs here (WebAssembly SIMD) and reports a sane Plan layout', async () => {
    assert.ok(fusedKernelSupported());
    const { layout } = await instantiateFusedKernel();
    const offsets = Object.values(layout.field);
    assert.ok(
      offsets.every((o, i) => i === 0 || o > offsets[i - 1]),
      'fields in declaration order',
    );
    assert.ok(layout.bytes > offsets[offsets.length - 1] && layout.maxLayers === 16);
  });

  it('round-trips weights of any width, including widths that are not multiples of 4', async () => {
    const sizes = [7, 5, 3];
    const spec = { sizes, activation: 'tanh' as const, output: 'softmax' as const, learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, alpha: 0 };
    const w = initMlpWeights(sizes, 'tanh', createRng(1));
    const engine = await FusedEngine.create(spec, 16);
    engine.setWeights(w);
    assert.deepEqual(engine.getWeights(), w);
  });

  it('trains batches of any size up to its capacity, and restores a snapshot exactly', async () => {
    const sizes = [3, 6, 6, 6, 1];
    const spec = { sizes, activation: 'relu' as const, output: 'identity' as const, learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, alpha: 1e-3 };
    const engine = await FusedEngine.create(spec, 8);
    engine.setWeights(initMlpWeights(sizes, 'relu', createRng(2)));
    const rows = 21;
    const x = Float32Array.from({ length: rows * 3 }, (_, i) => Math.sin(i));
    const y = Float32Array.from({ length: rows }, (_, i) => Math.cos(i));
    engine.setTraining({ x, y, rows });
    engine.setOrder(Int32Array.from({ length: rows }, (_, i) => rows - 1 - i));
    const saved = engine.snapshot();
    const before = engine.predict(x, rows);
    const losses = [engine.trainBatch(0, 8), engine.trainBatch(8, 8), engine.trainBatch(16, 5), engine.trainBatch(20, 1)];
    assert.ok(losses.every((l) => Number.isFinite(l) && l > 0));
    assert.notDeepEqual(engine.predict(x, rows), before);
    engine.restore(saved);
    assert.deepEqual(engine.predict(x, rows), before);
    assert.throws(() => engine.trainBatch(0, 9), /exceeds the capacity of 8/);
  });
});
