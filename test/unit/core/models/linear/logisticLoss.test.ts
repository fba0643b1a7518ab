import { strict as assert } from 'node:assert';
import { createRng } from '../../../../../src/core/linalg/random';
import { createRowKernels } from '../../../../../src/core/linalg/rowKernels';
import { binaryLossGradient, multinomialLossGradient } from '../../../../../src/core/models/linear/logisticLoss';
import { binaryLossGradientKernels, multinomialLossGradientKernels } from '../../../../../src/core/models/linear/logisticLossKernels';
import { maxAbsDiff } from '../../linalg/python';

/** The objectives written out plainly, one row at a time, as the reference. */
function naiveBinary(x: Float64Array, n: number, d: number, y: Float64Array, sw: Float64Array, w: Float64Array, l2: number): { f: number; g: number[] } {
  const g = new Array(d + 1).fill(0);
  let f = 0;
  for (let i = 0; i < n; i++) {
    let z = w[d];
    for (let j = 0; j < d; j++) z += x[i * d + j] * w[j];
    f += sw[i] * (Math.log(1 + Math.exp(z)) - y[i] * z);
    const r = sw[i] * (1 / (1 + Math.exp(-z)) - y[i]);
    for (let j = 0; j < d; j++) g[j] += r * x[i * d + j];
    g[d] += r;
  }
  for (let j = 0; j < d; j++) {
    f += 0.5 * l2 * w[j] * w[j];
    g[j] += l2 * w[j];
  }
  return { f, g };
}

describe('core/models/linear logistic objectives', () => {
  const rng = createRng(12);
  const n = 2051;
  const d = 9;
  const x = Float64Array.from({ length: n * d }, () => rng.normal());
  const problem = (sw: Float64Array) => ({ x, n, d, sw, l2: 0.7, fitIntercept: true });

  it('the fused binary loss and gradient match the row-by-row definition, with uniform and varying weights', () => {
    const y = Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.4 ? 1 : 0));
    const w = Float64Array.from({ length: d + 1 }, () => rng.normal() * 0.5);
    for (const sw of [new Float64Array(n).fill(1), new Float64Array(n).fill(2.5), Float64Array.from({ length: n }, () => rng.nextFloat() * 3)]) {
      const g = new Float64Array(d + 1);
      const f = binaryLossGradient(problem(sw), y, w, g);
      const ref = naiveBinary(x, n, d, y, sw, w, 0.7);
      assert.ok(Math.abs(f - ref.f) < 1e-10 * ref.f, `loss ${f} vs ${ref.f}`);
      assert.ok(maxAbsDiff(g, ref.g) < 1e-9, `gradient differs by ${maxAbsDiff(g, ref.g)}`);
    }
  });

  it('the binary loss is the same in JS and with the WebAssembly kernels, with and without an intercept', () => {
    const y = Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.4 ? 1 : 0));
    const kernels = createRowKernels({ rows: n, cols: d, data: x }, 1);
    assert.equal(kernels.backend, 'wasm');
    for (const fitIntercept of [true, false]) {
      for (const sw of [new Float64Array(n).fill(1), Float64Array.from({ length: n }, () => rng.nextFloat() * 3)]) {
        const w = Float64Array.from({ length: d + (fitIntercept ? 1 : 0) }, () => rng.normal() * 0.8);
        const g1 = new Float64Array(w.length);
        const g2 = new Float64Array(w.length);
        const prob = { ...problem(sw), fitIntercept };
        const f1 = binaryLossGradient(prob, y, w, g1);
        const f2 = binaryLossGradientKernels(kernels, prob, y, w, g2, new Float64Array(1));
        assert.ok(Math.abs(f1 - f2) < 1e-10 * f1, `loss ${f1} vs ${f2}`);
        assert.ok(maxAbsDiff(g1, g2) < 1e-9, `gradient differs by ${maxAbsDiff(g1, g2)}`);
      }
    }
  });

  it('the multinomial loss is the same in JS and with the WebAssembly kernels', () => {
    const k = 4;
    const codes = Int32Array.from({ length: n }, () => rng.nextInt(k));
    const w = Float64Array.from({ length: k * (d + 1) }, () => rng.normal() * 0.5);
    const sw = Float64Array.from({ length: n }, () => 0.5 + rng.nextFloat());
    const g1 = new Float64Array(w.length);
    const g2 = new Float64Array(w.length);
    const f1 = multinomialLossGradient(problem(sw), k, codes, w, g1, new Float64Array(k));
    const kernels = createRowKernels({ rows: n, cols: d, data: x }, k);
    assert.equal(kernels.backend, 'wasm');
    const f2 = multinomialLossGradientKernels(kernels, problem(sw), k, codes, w, g2, new Float64Array(k));
    assert.ok(Math.abs(f1 - f2) < 1e-10 * f1);
    assert.ok(maxAbsDiff(g1, g2) < 1e-9);
    // A finite-difference check of one gradient component.
    const h = 1e-6;
    const wp = Float64Array.from(w);
    wp[3] += h;
    const fp = multinomialLossGradient(problem(sw), k, codes, wp, new Float64Array(w.length), new Float64Array(k));
    assert.ok(Math.abs((fp - f1) / h - g1[3]) < 1e-3 * Math.max(1, Math.abs(g1[3])));
  });
});
