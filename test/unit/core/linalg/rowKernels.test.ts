import { strict as assert } from 'node:assert';
import { createRowKernels } from '../../../../src/core/linalg/rowKernels';
import { createRng } from '../../../../src/core/linalg/random';
import { maxAbsDiff } from './python';

describe('core/linalg rowKernels', () => {
  const rng = createRng(4);
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [5, 3, 2],
    [1003, 7, 3],
    [64, 32, 1],
    [10, 33, 4],
  ];

  it('WebAssembly and JS kernels compute the same scores, gradients and Gram matrices, in chunks too', () => {
    for (const [n, d, k] of shapes) {
      const x = { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => rng.normal()) };
      const wasm = createRowKernels(x, k);
      const js = createRowKernels(x, k, { backend: 'js' });
      assert.equal(wasm.backend, 'wasm', 'Node has WebAssembly SIMD');
      const w = Float64Array.from({ length: k * d }, () => rng.normal());
      const b = Float64Array.from({ length: k }, () => rng.normal());
      assert.ok(maxAbsDiff(wasm.scores(w, b, k), js.scores(w, b, k)) < 1e-12, `scores ${n}×${d}×${k}`);
      const r = Float64Array.from({ length: n * k }, () => rng.normal());
      wasm.residuals(k).set(r);
      js.residuals(k).set(r);
      const g1 = new Float64Array(k * d);
      const g2 = new Float64Array(k * d);
      const half = n >> 1;
      wasm.gradient(k, g1, 0, half);
      wasm.gradient(k, g1, half, n);
      js.gradient(k, g2);
      assert.ok(maxAbsDiff(g1, g2) < 1e-11, `gradient ${n}×${d}×${k}`);
      const s = Float64Array.from({ length: n }, () => rng.nextFloat());
      const m = Float64Array.from({ length: d }, () => rng.normal());
      const a1 = new Float64Array(d * d);
      const a2 = new Float64Array(d * d);
      wasm.gram(s, m, a1);
      js.gram(s, m, a2);
      assert.ok(maxAbsDiff(a1, a2) < 1e-10, `gram ${n}×${d}`);
    }
  });

  it("keeps each fit's data when two kernel sets share the cached WebAssembly memory", () => {
    const a = { rows: 8, cols: 2, data: Float64Array.from({ length: 16 }, (_, i) => i) };
    const b = { rows: 8, cols: 2, data: Float64Array.from({ length: 16 }, (_, i) => -i) };
    const ka = createRowKernels(a, 1);
    const kb = createRowKernels(b, 1);
    const w = Float64Array.of(1, 1);
    const zero = Float64Array.of(0);
    assert.deepEqual(
      Array.from(kb.scores(w, zero, 1)),
      Array.from({ length: 8 }, (_, i) => -(4 * i + 1)),
    );
    assert.deepEqual(
      Array.from(ka.scores(w, zero, 1)),
      Array.from({ length: 8 }, (_, i) => 4 * i + 1),
    );
  });

  it('binaryUniform (WebAssembly) gives the loss parts and gradient of the row-by-row definition (odd row count, several chunks)', () => {
    const n = 1537;
    const d = 7;
    const x = { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => rng.normal()) };
    const y = Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.3 ? 1 : 0));
    const w = Float64Array.from({ length: d }, () => rng.normal());
    const kernels = createRowKernels(x, 1, { backend: 'wasm' });
    assert.ok(!('binaryUniform' in createRowKernels(x, 1, { backend: 'js' })), 'the JS kernels leave it to the fused JS loss');
    const g = new Float64Array(d);
    const a = { ...kernels.binaryUniform!(y, w, 0.4, 1.5, g), g };
    const b = { base: 0, logSum: 0, interceptGrad: 0, g: new Float64Array(d) };
    for (let i = 0; i < n; i++) {
      let z = 0.4;
      for (let j = 0; j < d; j++) z += x.data[i * d + j] * w[j];
      const r = 1.5 * (1 / (1 + Math.exp(-z)) - y[i]);
      b.base += Math.max(z, 0) - y[i] * z;
      b.logSum += Math.log1p(Math.exp(-Math.abs(z)));
      b.interceptGrad += r;
      for (let j = 0; j < d; j++) b.g[j] += r * x.data[i * d + j];
    }
    for (const key of ['base', 'logSum', 'interceptGrad'] as const) assert.ok(Math.abs(a[key] - b[key]) <= 1e-11 * Math.abs(b[key]), `${key}: ${a[key]} vs ${b[key]}`);
    assert.ok(maxAbsDiff(a.g, b.g) < 1e-10);
  });

  it('computes e^−|z| in WebAssembly to within 2 ulp of Math.exp, over the whole range and an odd row count', () => {
    const zs = [0, -0, 1e-300, -1e-12, 0.5, -0.34657359, 0.34657359, 1, -3.7, 20, -36.04, 100, -700, 707.9, -708.5, 745.2, 800, -1e6];
    for (let i = 0; i < 2001; i++) zs.push((rng.nextFloat() - 0.5) * 80);
    const n = zs.length;
    const wasm = createRowKernels({ rows: n, cols: 1, data: new Float64Array(n).fill(1) }, 1);
    assert.equal(wasm.backend, 'wasm');
    // scores with w = 0 and the intercept as z, one row at a time, puts each z into the buffer.
    const z = Float64Array.from(zs);
    for (let i = 0; i < n; i++) wasm.scores(Float64Array.of(0), Float64Array.of(z[i]), 1, i, i + 1);
    const e = wasm.expNegAbs(0, n);
    for (let i = 0; i < n; i++) {
      const want = Math.exp(-Math.abs(z[i]));
      if (want < 1e-307) assert.ok(e[i] <= 1e-307, `z = ${z[i]}: ${e[i]}`);
      else assert.ok(Math.abs(e[i] - want) <= 4.5e-16 * want, `z = ${z[i]}: ${e[i]} vs ${want}`);
    }
  });
});
