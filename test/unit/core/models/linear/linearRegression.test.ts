import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { LinearRegression } from '../../../../../src/core/models/linear/linearRegression';
import { Ridge } from '../../../../../src/core/models/linear/ridge';
import { createRng } from '../../../../../src/core/linalg/random';
import { loadVegaDataset, maxAbsDiff, runPython } from '../../linalg/python';
import { makeRegression } from '../../linalg/synthetic';

interface SkFit {
  coef: number[];
  intercept: number;
  score: number;
  rank?: number;
}

const SKLEARN_FIT = `
from sklearn.linear_model import LinearRegression, Ridge
x, y = np.array(data['x']), np.array(data['y'])
res = {}
for name, (kind, kw) in data['configs'].items():
    sw = np.array(data['sw']) if kw.pop('weighted', False) else None
    m = (LinearRegression if kind == 'ols' else Ridge)(**kw).fit(x, y, sample_weight=sw)
    res[name] = {'coef': m.coef_, 'intercept': float(m.intercept_), 'score': m.score(x, y), 'rank': int(getattr(m, 'rank_', -1))}
out(res)
`;

/** Cars with complete values: miles per gallon from five engine measures (unscaled, as in the file). */
function cars(): { x: number[][]; y: number[]; names: string[] } {
  const names = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration'];
  const rows = loadVegaDataset('cars.json').filter((r) => typeof r.Miles_per_Gallon === 'number' && names.every((c) => typeof r[c] === 'number'));
  return { x: rows.map((r) => names.map((c) => r[c] as number)), y: rows.map((r) => r.Miles_per_Gallon as number), names };
}

describe('core/models/linear LinearRegression and Ridge', () => {
  it('match scikit-learn within 1e-8 on the cars data (unscaled), with and without intercept', async function () {
    const { x, y } = cars();
    const configs = {
      ols: ['ols', {}],
      olsNoIntercept: ['ols', { fit_intercept: false }],
      ridge: ['ridge', { alpha: 0.5 }],
      ridgeStrong: ['ridge', { alpha: 1000 }],
      ridgeNoIntercept: ['ridge', { alpha: 2, fit_intercept: false }],
    };
    const sk = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x, y, configs });
    const ours = {
      ols: await new LinearRegression().fit(x, y),
      olsNoIntercept: await new LinearRegression({ fitIntercept: false }).fit(x, y),
      ridge: await new Ridge({ alpha: 0.5 }).fit(x, y),
      ridgeStrong: await new Ridge({ alpha: 1000 }).fit(x, y),
      ridgeNoIntercept: await new Ridge({ alpha: 2, fitIntercept: false }).fit(x, y),
    };
    assert.equal(ours.ols.solver, 'normal', 'well-conditioned: refined normal equations');
    for (const [name, m] of Object.entries(ours)) {
      const ref = sk[name];
      assert.ok(maxAbsDiff(m.coef, ref.coef) < 1e-8, `${name}: coef differs by ${maxAbsDiff(m.coef, ref.coef)}`);
      assert.ok(Math.abs(m.intercept - ref.intercept) < 1e-8, `${name}: intercept ${m.intercept} vs ${ref.intercept}`);
      assert.ok(Math.abs((await m.score(x, y)) - ref.score) < 1e-10, `${name}: R² differs`);
    }
  });

  it('match scikit-learn within 1e-8 on synthetic mixed-scale data with sample weights', async function () {
    const { x, y } = makeRegression(400, 7, 3);
    const sw = x.map((_, i) => 0.5 + (i % 5));
    const configs = { ols: ['ols', { weighted: true }], ridge: ['ridge', { alpha: 3, weighted: true }] };
    const sk = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x, y, sw, configs });
    const ols = await new LinearRegression().fit(x, y, { sampleWeight: sw });
    const ridge = await new Ridge({ alpha: 3 }).fit(x, y, { sampleWeight: sw });
    assert.ok(maxAbsDiff(ols.coef, sk.ols.coef) < 1e-8, `ols: ${maxAbsDiff(ols.coef, sk.ols.coef)}`);
    assert.ok(Math.abs(ols.intercept - sk.ols.intercept) < 1e-8);
    assert.ok(maxAbsDiff(ridge.coef, sk.ridge.coef) < 1e-8, `ridge: ${maxAbsDiff(ridge.coef, sk.ridge.coef)}`);
    assert.ok(Math.abs(ridge.intercept - sk.ridge.intercept) < 1e-8);
  });

  it('match scikit-learn within 1e-8 on well-conditioned data (normal equations without refinement)', async function () {
    const rng = createRng(8);
    const x = Array.from({ length: 3000 }, () => Array.from({ length: 20 }, () => rng.normal()));
    const y = x.map((r) => r.reduce((s, v, j) => s + v * (j - 10), 0) + rng.normal());
    const sk = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x, y, configs: { ols: ['ols', {}], ridge: ['ridge', { alpha: 10 }] } });
    const ols = await new LinearRegression().fit(x, y);
    const ridge = await new Ridge({ alpha: 10 }).fit(x, y);
    assert.equal(ols.solver, 'normal');
    assert.ok(maxAbsDiff(ols.coef, sk.ols.coef) < 1e-8 && Math.abs(ols.intercept - sk.ols.intercept) < 1e-8, `ols: ${maxAbsDiff(ols.coef, sk.ols.coef)}`);
    assert.ok(maxAbsDiff(ridge.coef, sk.ridge.coef) < 1e-8 && Math.abs(ridge.intercept - sk.ridge.intercept) < 1e-8, `ridge: ${maxAbsDiff(ridge.coef, sk.ridge.coef)}`);
  });

  it('gives the minimum-norm solution for collinear features, as lstsq does', async function () {
    const base = makeRegression(200, 3, 5);
    // Column 3 duplicates column 0 and column 4 is twice column 1 (exact in floating point): rank 3 of 5.
    const x = base.x.map((r) => [...r, r[0], 2 * r[1]]);
    const sk = runPython<Record<string, SkFit>>(this, SKLEARN_FIT, { x, y: base.y, configs: { ols: ['ols', {}] } });
    const m = await new LinearRegression().fit(x, base.y);
    assert.equal(m.solver, 'qr', 'rank-deficient: falls back to pivoted QR');
    assert.equal(m.rank, 3);
    assert.equal(sk.ols.rank, 3);
    assert.ok(maxAbsDiff(m.coef, sk.ols.coef) < 1e-8, `coef differs by ${maxAbsDiff(m.coef, sk.ols.coef)}`);
  });

  it('fits from an arquero table, remembers the feature names and picks them by name at predict', async () => {
    const t = aq.table({ a: [0, 1, 2, 3], b: [1, 0, 1, 0] });
    const m = await new LinearRegression().fit(t, [1, 3, 5, 7]);
    assert.deepEqual(m.featureNames, ['a', 'b']);
    assert.ok(Math.abs(m.coef[0] - 2) < 1e-12 && Math.abs(m.intercept - 1) < 1e-12);
    assert.deepEqual(Array.from(await m.predict(t.select('b', 'a'))), Array.from(await m.predict(t)));
    await assert.rejects(m.predict(t.select('a')), /x is missing features seen at fit: "b"/);
    await assert.rejects(new LinearRegression().fit(aq.table({ a: [1, null] }), [1, 2]), /impute/);
    await assert.rejects(new LinearRegression().fit(aq.table({ s: ['x', 'y'] }), [1, 2]), /OneHotEncoder/);
  });

  it('round-trips through JSON with the same predictions', async () => {
    const { x, y } = makeRegression(50, 3, 9);
    const m = await new Ridge({ alpha: 2 }).fit(x, y);
    const again = Ridge.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    assert.deepEqual(Array.from(await again.predict(x)), Array.from(await m.predict(x)));
    assert.deepEqual(again.spec(), m.spec());
  });

  it('refuses bad parameters with a message naming them', () => {
    assert.throws(() => new Ridge({ alpha: -1 }), /alpha must be a finite number ≥ 0/);
    assert.throws(() => new LinearRegression({ fit_intercept: false } as never), /unknown parameter "fit_intercept"; known parameters: fitIntercept/);
  });
});
