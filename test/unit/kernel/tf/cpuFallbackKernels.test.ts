import { strict as assert } from 'node:assert';
import type * as TF from '@tensorflow/tfjs';
import { CPU_FALLBACK_KERNELS, registerCpuFallbackKernels } from '../../../../src/kernel/tf/cpuFallbackKernels';
import { LayersClassifier } from '../../../../src/core/models/layers';
import { useTfBackend } from '../../core/models/mlp/tfBackends';

describe('registerCpuFallbackKernels', function () {
  this.timeout(60_000);
  let tf: typeof TF;
  before(async () => {
    tf = await useTfBackend('wasm');
  });

  it('fills in exactly the kernels wasm lacks', () => {
    const missing = CPU_FALLBACK_KERNELS.filter((k) => !tf.getKernel(k, 'wasm'));
    assert.deepEqual(registerCpuFallbackKernels(tf), missing);
    assert.ok(CPU_FALLBACK_KERNELS.every((k) => tf.getKernel(k, 'wasm')));
    assert.deepEqual(registerCpuFallbackKernels(tf), []);
  });

  it('gives the same convolution and embedding gradients on wasm as on cpu', async () => {
    registerCpuFallbackKernels(tf);
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const x = tf.tensor4d(
          Array.from({ length: 50 }, (_, i) => Math.sin(i)),
          [2, 5, 5, 1],
        );
        const filter = tf.tensor4d(
          Array.from({ length: 18 }, (_, i) => Math.cos(i)),
          [3, 3, 1, 2],
        );
        const depth = tf.tensor4d(
          Array.from({ length: 9 }, (_, i) => i / 9),
          [3, 3, 1, 1],
        );
        const table = tf.tensor2d(
          Array.from({ length: 12 }, (_, i) => i / 12),
          [4, 3],
        );
        const ids = tf.tensor1d([0, 2, 2, 3], 'int32');
        const g1 = tf.grads((f: TF.Tensor) =>
          tf
            .conv2d(x, f as TF.Tensor4D, 1, 'valid')
            .square()
            .sum(),
        )([filter])[0];
        const g2 = tf.grads((a: TF.Tensor, f: TF.Tensor) =>
          tf
            .depthwiseConv2d(a as TF.Tensor4D, f as TF.Tensor4D, 1, 'same')
            .square()
            .sum(),
        )([x, depth]);
        const g3 = tf.grads((t: TF.Tensor) => tf.gather(t, ids).square().sum())([table])[0];
        return [g1, ...g2, g3].map((g) => Array.from(g.dataSync()));
      });
    };
    const onWasm = await run('wasm');
    const onCpu = await run('cpu');
    await tf.setBackend('wasm');
    onWasm.forEach((g, i) => g.forEach((v, j) => assert.ok(Math.abs(v - onCpu[i][j]) < 1e-4, `gradient ${i}[${j}]: ${v} vs ${onCpu[i][j]}`)));
  });

  it('lets a Conv1D model train on wasm', async () => {
    registerCpuFallbackKernels(tf);
    const model = tf.sequential({
      layers: [
        tf.layers.reshape({ inputShape: [12], targetShape: [12, 1] }),
        tf.layers.conv1d({ filters: 4, kernelSize: 3, activation: 'relu' }),
        tf.layers.globalAveragePooling1d({}),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    const x = Array.from({ length: 64 }, (_, i) => Array.from({ length: 12 }, (_, j) => Math.sin(i + j)));
    const y = x.map((r) => (r[0] > 0 ? 1 : 0));
    const clf = await new LayersClassifier({ model, maxIter: 2, progress: false }).fit(x, y);
    assert.equal(clf.summary().backend, 'wasm');
    assert.ok(clf.lossCurve.every(Number.isFinite));
  });
});
