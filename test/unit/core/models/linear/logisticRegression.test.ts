import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { LogisticRegression } from '../../../../../src/core/models/linear/logisticRegression';
import { loadVegaDataset, maxAbsDiff, runPython } from '../../linalg/python';
import { makeClassification } from '../../linalg/synthetic';

interface SkFit {
  coef: number[][];
  intercept: number[];
  proba: number[][];
  classes: (string | number)[];
  nIter: number[];
}

const SKLEARN_FIT = `
from sklearn.linear_model import LogisticRegression
res = {}
for name, kw in data['configs'].items():
    sw = np.array(data['sw']) if kw.pop('sw', False) else None
    m = LogisticRegression(**kw).fit(np.array(data['x']), np.array(data['y']), sample_weight=sw)
    res[name] = {'coef': m.coef_, 'intercept': m.intercept_, 'proba': m.predict_proba(np.array(data['x'])[:20]), 'classes': m.classes_.tolist(), 'nIter': m.n_iter_}
out(res)
`;

/** Penguins with complete measurements, standardised (as StandardScaler would). */
function penguins(): { x: number[][]; y: string[]; raw: number[][] } {
  const cols = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
  const rows = loadVegaDataset('penguins.json').filter((r) => cols.every((c) => typeof r[c] === 'number'));
  const raw = rows.map((r) => cols.map((c) => r[c] as number));
  const mean = cols.map((_, j) => raw.reduce((s, r) => s + r[j], 0) / raw.length);
  const sd = cols.map((_, j) => Math.sqrt(raw.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / raw.length));
  return { x: raw.map((r) => r.map((v, j) => (v - mean[j]) / sd[j])), y: rows.map((r) => r.Species as string), raw };
}

function flat(m: number[][]): number[] {
  return m.flat();
}

describe('core/models/linear LogisticRegression', () => {
  it('matches scikit-learn lbfgs coefficients within 1e-4 on binary data, with and without intercept, default and tight tol', async function () {
    const { x, y } = makeClassification(600, 6, 2, 1);
    const configs = { dflt: {}, noIntercept: { fit_intercept: false }, strong: { C: 0.05 }, tight: { tol: 1e-10, max_iter: 10000 } };
    const sk = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x, y, configs });
    const ours = {
      dflt: await new LogisticRegression().fit(x, y),
      noIntercept: await new LogisticRegression({ fitIntercept: false }).fit(x, y),
      strong: await new LogisticRegression({ C: 0.05 }).fit(x, y),
      tight: await new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(x, y),
    };
    for (const [name, m] of Object.entries(ours)) {
      const ref = sk[name];
      assert.ok(maxAbsDiff(m.coef.data, flat(ref.coef)) < 1e-4, `${name}: coef differs by ${maxAbsDiff(m.coef.data, flat(ref.coef))}`);
      assert.ok(maxAbsDiff(m.intercept, ref.intercept) < 1e-4, `${name}: intercept differs by ${maxAbsDiff(m.intercept, ref.intercept)}`);
      const p = await m.predictProba(x.slice(0, 20));
      assert.ok(maxAbsDiff(p.data, flat(ref.proba)) < 1e-5, `${name}: probabilities differ by ${maxAbsDiff(p.data, flat(ref.proba))}`);
      console.log(name, maxAbsDiff(m.coef.data, flat(ref.coef)), m.nIter, ref.nIter);
    }
  });

  it('matches scikit-learn multinomial fits on the penguins data (3 species), with and without intercept', async function () {
    const { x, y } = penguins();
    const configs = { dflt: {}, noIntercept: { fit_intercept: false }, weak: { C: 100, max_iter: 1000 } };
    const sk = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x, y, configs });
    const ours = {
      dflt: await new LogisticRegression().fit(x, y),
      noIntercept: await new LogisticRegression({ fitIntercept: false }).fit(x, y),
      weak: await new LogisticRegression({ C: 100, maxIter: 1000 }).fit(x, y),
    };
    for (const [name, m] of Object.entries(ours)) {
      const ref = sk[name];
      assert.deepEqual(m.classes, ref.classes);
      assert.ok(maxAbsDiff(m.coef.data, flat(ref.coef)) < 1e-4, `${name}: coef differs by ${maxAbsDiff(m.coef.data, flat(ref.coef))}`);
      assert.ok(maxAbsDiff(m.intercept, ref.intercept) < 1e-4, `${name}: intercept differs by ${maxAbsDiff(m.intercept, ref.intercept)}`);
    }
  });

  it('matches scikit-learn with class weights, sample weights, one-vs-rest and unscaled features', async function () {
    const { x, y, raw } = penguins();
    const sw = x.map((_, i) => 1 + (i % 3));
    const configs = {
      balanced: { class_weight: 'balanced' },
      dict: { class_weight: { Adelie: 2, Gentoo: 0.5 } },
      ovr: { multi_class: 'ovr' },
      weighted: { C: 0.3, sw: true },
    };
    const sk = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x, y, sw, configs });
    const ours = {
      balanced: await new LogisticRegression({ classWeight: 'balanced' }).fit(x, y),
      dict: await new LogisticRegression({ classWeight: { Adelie: 2, Gentoo: 0.5 } }).fit(x, y),
      ovr: await new LogisticRegression({ multiClass: 'ovr' }).fit(x, y),
      weighted: await new LogisticRegression({ C: 0.3 }).fit(x, y, { sampleWeight: sw }),
    };
    for (const [name, m] of Object.entries(ours)) {
      const ref = sk[name];
      assert.ok(maxAbsDiff(m.coef.data, flat(ref.coef)) < 1e-4, `${name}: coef differs by ${maxAbsDiff(m.coef.data, flat(ref.coef))}`);
      assert.ok(maxAbsDiff(m.intercept, ref.intercept) < 1e-4, `${name}: intercept differs by ${maxAbsDiff(m.intercept, ref.intercept)}`);
      const p = await m.predictProba(x.slice(0, 20));
      assert.ok(maxAbsDiff(p.data, flat(ref.proba)) < 1e-5, `${name}: probabilities differ by ${maxAbsDiff(p.data, flat(ref.proba))}`);
    }
    // Unscaled grams and millimetres are badly conditioned: scipy's relative-decrease stop ends
    // lbfgs far from the optimum whatever tol says, so the reference is sklearn's newton-cg at a
    // tight tol, and ours runs with a tight tol (which also tightens our decrease test).
    const tight = { tol: 1e-10, max_iter: 20000, solver: 'newton-cg' };
    const skRaw = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x: raw, y, configs: { raw: tight } });
    const mRaw = await new LogisticRegression({ tol: 1e-10, maxIter: 20000 }).fit(raw, y);
    const scale = Math.max(...flat(skRaw.raw.coef).map(Math.abs));
    assert.ok(maxAbsDiff(mRaw.coef.data, flat(skRaw.raw.coef)) < 1e-4 * Math.max(1, scale), `unscaled: coef differs by ${maxAbsDiff(mRaw.coef.data, flat(skRaw.raw.coef))}`);
    const big = Math.max(...skRaw.raw.intercept.map(Math.abs));
    assert.ok(maxAbsDiff(mRaw.intercept, skRaw.raw.intercept) < 1e-4 * Math.max(1, big), `unscaled: intercept differs by ${maxAbsDiff(mRaw.intercept, skRaw.raw.intercept)}`);
  });

  it('reports converged only when the gradient or the remaining loss decrease agrees (badly scaled features, large sample weights)', async function () {
    const { x, y } = penguins();
    const sk = (xs: number[][], sw?: number[]) =>
      runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x: xs, y, sw, configs: { ref: { tol: 1e-12, max_iter: 100000, solver: 'newton-cg', ...(sw ? { sw: true } : {}) } } }).ref;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      // One column ×1e4: the loss stops decreasing (relative change ≤ ftol) with max|∇| ≈ 1e-3 ≫ tol = 1e-10.
      const scaled = x.map((r) => r.map((v, j) => (j === 0 ? v * 1e4 : v)));
      const m = await new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(scaled, y);
      const ref = sk(scaled);
      const off = maxAbsDiff(m.coef.data, flat(ref.coef)) / Math.max(...flat(ref.coef).map(Math.abs));
      if (m.converged) assert.ok(off < 1e-4, `converged, but coef differs from sklearn newton-cg by ${off} (relative)`);
      // Not converged by the gradient: a warning, unless the loss is within rounding of its minimum (then the fit is quiet, as scikit-learn's, and must still match it).
      else
        assert.ok(
          warnings.some((w) => /only approximately optimal|line search|maxIter/.test(w)) || off < 1e-4,
          `not converged, no warning, and coef differs from sklearn newton-cg by ${off} (relative)`,
        );
      // Large sample weights at a tight tol: the line search runs out of float64 precision within
      // rounding noise of the optimum, which is converged.
      warnings.length = 0;
      const sw = y.map((_, i) => 1e4 * (0.5 + ((i * 7919) % 13) / 4));
      const w = await new LogisticRegression({ tol: 1e-10, maxIter: 10000 }).fit(x, y, { sampleWeight: sw });
      const wref = sk(x, sw);
      const scale = Math.max(...flat(wref.coef).map(Math.abs));
      assert.ok(maxAbsDiff(w.coef.data, flat(wref.coef)) < 1e-6 * scale, `weighted: coef differs by ${maxAbsDiff(w.coef.data, flat(wref.coef))}`);
      assert.equal(w.converged, true, warnings.join('\n'));
      assert.deepEqual(warnings, []);
    } finally {
      console.warn = warn;
    }
  });

  it('sorts string and boolean classes like scikit-learn and predicts labels', async () => {
    const x = [[0], [1], [2], [3], [4], [5]];
    const m = await new LogisticRegression({ C: 100 }).fit(x, ['zeta', 'zeta', 'zeta', 'alpha', 'alpha', 'alpha']);
    assert.deepEqual(m.classes, ['alpha', 'zeta']);
    assert.deepEqual(await m.predict([[0], [5]]), ['zeta', 'alpha']);
    const b = await new LogisticRegression().fit(x, [true, true, false, true, false, false]);
    assert.deepEqual(b.classes, [false, true]);
    assert.ok((await b.score(x, [true, true, false, true, false, false])) >= 0.5);
  });

  it('gives identical models for the same data (seed or not), and survives a JSON round trip', async () => {
    const { x, y } = makeClassification(300, 4, 3, 2);
    const a = await new LogisticRegression({ seed: 1 }).fit(x, y);
    const b = await new LogisticRegression({ seed: 2 }).fit(x, y);
    assert.deepEqual(Array.from(a.coef.data), Array.from(b.coef.data));
    const again = LogisticRegression.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    assert.deepEqual((await again.predictProba(x)).data, (await a.predictProba(x)).data);
    assert.equal(a.summary().parameterCount, 3 * 4 + 3);
  });

  it('reports progress per iteration and stops on an aborted signal', async () => {
    const { x, y } = makeClassification(200, 3, 2, 4);
    const losses: number[] = [];
    await new LogisticRegression().fit(x, y, { onProgress: (p) => losses.push(p.metrics.loss) });
    assert.ok(losses.length > 1 && losses[losses.length - 1] < losses[0]);
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(new LogisticRegression().fit(x, y, { signal: ac.signal }), { name: 'AbortError' });
  });

  it('explains bad input: one class, wrong label count, strings in a table, bad C', async () => {
    await assert.rejects(new LogisticRegression().fit([[1], [2]], [1, 1]), /at least 2 classes/);
    await assert.rejects(new LogisticRegression().fit([[1], [2]], [1]), /1 labels but x has 2 rows/);
    await assert.rejects(new LogisticRegression().fit(aq.table({ island: ['a', 'b'] }), [0, 1]), /column "island" holds string values/);
    assert.throws(() => new LogisticRegression({ C: 0 }), /C must be a positive finite number/);
    await assert.rejects(new LogisticRegression().predict([[1]]), /not fitted yet/);
  });
});
