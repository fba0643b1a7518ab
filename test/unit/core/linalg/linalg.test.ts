import { strict as assert } from 'node:assert';
import { argsortAscending, argsortNumpy } from '../../../../src/core/linalg/argsort';
import { minimizeLbfgs } from '../../../../src/core/linalg/lbfgs';
import { solveLeastSquares } from '../../../../src/core/linalg/leastSquares';
import { createMatrix, matrixFromRows, takeRows } from '../../../../src/core/linalg/matrix';
import { createRng } from '../../../../src/core/linalg/random';
import { studentTCdf, studentTQuantile, studentTSf } from '../../../../src/core/linalg/studentT';
import { maxAbsDiff, runPython } from './python';

describe('core/linalg', () => {
  it('createRng gives the same sequence for the same seed and different ones for different seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const va = Array.from({ length: 5 }, () => a.nextFloat());
    assert.deepEqual(
      va,
      Array.from({ length: 5 }, () => b.nextFloat()),
    );
    assert.notDeepEqual(
      va,
      Array.from({ length: 5 }, () => c.nextFloat()),
    );
    assert.ok(va.every((v) => v >= 0 && v < 1));
    assert.deepEqual(createRng('x').shuffle([1, 2, 3, 4, 5]), createRng('x').shuffle([1, 2, 3, 4, 5]));
    const r = createRng(1);
    const draws = Array.from({ length: 20000 }, () => r.normal());
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    assert.ok(Math.abs(mean) < 0.03);
  });

  it('minimizeLbfgs finds the Rosenbrock minimum and reports why it stopped', () => {
    const r = minimizeLbfgs(
      (x, g) => {
        g[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]);
        g[1] = 200 * (x[1] - x[0] ** 2);
        return 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
      },
      new Float64Array([-1.2, 1]),
      { gtol: 1e-10, ftol: 0, maxIter: 500 },
    );
    assert.ok(r.converged, r.stop);
    assert.ok(Math.abs(r.x[0] - 1) < 1e-6 && Math.abs(r.x[1] - 1) < 1e-6);
    const capped = minimizeLbfgs((x, g) => ((g[0] = 2 * x[0]), x[0] ** 2 + 1), new Float64Array([5]), { maxIter: 0 });
    assert.equal(capped.stop, 'maxIter');
  });

  it('solveLeastSquares matches numpy lstsq on tall, collinear and wide systems', function () {
    const rng = createRng(3);
    const tall = createMatrix(30, 4);
    for (let k = 0; k < tall.data.length; k++) tall.data[k] = rng.normal();
    const collinear = matrixFromRows(
      Array.from({ length: 20 }, () => {
        const a = rng.normal();
        const b = rng.normal();
        return [a, b, a * 4, b * 0.5, a * 2];
      }),
    );
    const wide = createMatrix(3, 6);
    for (let k = 0; k < wide.data.length; k++) wide.data[k] = rng.normal();
    const systems = [tall, collinear, wide].map((m) => ({
      a: Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols))),
      b: Array.from({ length: m.rows }, () => rng.normal()),
    }));
    const ref = runPython<{ x: number[]; rank: number }[]>(
      this,
      `out([{'x': np.linalg.lstsq(np.array(s['a']), np.array(s['b']), rcond=None)[0], 'rank': int(np.linalg.matrix_rank(np.array(s['a'])))} for s in data])`,
      systems,
    );
    systems.forEach((s, k) => {
      const r = solveLeastSquares(matrixFromRows(s.a), s.b);
      assert.equal(r.rank, ref[k].rank, `system ${k}: rank`);
      assert.ok(maxAbsDiff(r.x, ref[k].x) < 1e-10, `system ${k}: x differs by ${maxAbsDiff(r.x, ref[k].x)}`);
    });
  });

  it('argsortNumpy reproduces np.argsort tie order on large arrays with many ties', function () {
    const rng = createRng(9);
    const arrays = [
      Array.from({ length: 10 }, () => rng.nextInt(3)),
      Array.from({ length: 200 }, () => rng.nextInt(5)),
      Array.from({ length: 1000 }, () => rng.nextInt(40)),
      Array.from({ length: 500 }, (_, i) => i % 7),
    ];
    const ref = runPython<number[][]>(this, 'out([np.argsort(np.array(a, dtype=np.int64)) for a in data])', arrays);
    arrays.forEach((a, k) => assert.deepEqual(Array.from(argsortNumpy(a)), ref[k], `array ${k}`));
    assert.deepEqual(Array.from(argsortAscending(Float64Array.from([2, 1, 2, 1]))), [1, 3, 0, 2]);
  });

  it('studentTCdf and studentTQuantile agree with scipy.stats.t', function () {
    const cases = [
      [-3, 1],
      [0.5, 2.5],
      [2.262, 9],
      [1.2, 30],
      [-0.7, 4],
    ];
    const quantiles = [
      [0.975, 9],
      [0.995, 4],
      [0.6, 1.5],
      [0.025, 19],
    ];
    const ref = runPython<{ cdf: number[]; q: number[] }>(
      this,
      "from scipy import stats\nout({'cdf': [stats.t.cdf(t, df) for t, df in data['c']], 'q': [stats.t.ppf(p, df) for p, df in data['q']]})",
      { c: cases, q: quantiles },
    );
    cases.forEach(([t, df], k) => assert.ok(Math.abs(studentTCdf(t, df) - ref.cdf[k]) < 1e-12, `cdf(${t}, ${df})`));
    quantiles.forEach(([p, df], k) => assert.ok(Math.abs(studentTQuantile(p, df) - ref.q[k]) < 1e-9, `ppf(${p}, ${df})`));
  });

  it('studentTSf keeps its relative precision in the upper tail (scipy.stats.t.sf down to ≈1e-300)', function () {
    const cases = [
      [0.3, 5],
      [-2, 7],
      [3, 4],
      [10, 19],
      [25, 19],
      [40, 9],
      [60, 29],
      [200, 19],
      [1e4, 4],
      [1e20, 2],
      [1e150, 1],
      [8, 1.5],
      [1e3, 99],
      [3000, 99],
      [1e100, 3],
      [30, 200],
    ];
    const ref = runPython<number[]>(this, 'from scipy import stats\nout([float(stats.t.sf(float(t), float(df))) for t, df in data])', cases);
    cases.forEach(([t, df], k) => {
      const got = studentTSf(t, df);
      const rel = Math.abs(got - ref[k]) / ref[k];
      assert.ok(ref[k] > 0 && rel < 1e-9, `sf(${t}, ${df}) = ${got}, scipy ${ref[k]} (relative error ${rel})`);
    });
    assert.ok(
      ref.some((v) => v < 1e-250),
      'the table reaches the far tail',
    );
    assert.equal(studentTSf(Infinity, 3), 0);
    assert.equal(studentTSf(-Infinity, 3), 1);
  });

  it('takeRows copies the chosen rows and refuses indices out of range', () => {
    const m = matrixFromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    assert.deepEqual(Array.from(takeRows(m, [2, 0]).data), [5, 6, 1, 2]);
    assert.throws(() => takeRows(m, [3]), /outside 0…2/);
  });
});
