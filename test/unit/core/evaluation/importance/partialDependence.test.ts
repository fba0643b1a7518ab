import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { partialDependence } from '../../../../../src/core/evaluation/importance/partialDependence';
import type { Features } from '../../../../../src/core/models/contract';
import { assertAllClose, requireReference, runPython } from '../reference';
import { penguins } from '../cases';
import { linearRegressor, logisticClassifier } from '../models';

describe('core/evaluation partialDependence', () => {
  const cols = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)'];
  const X = penguins.species.map((_, i) => cols.map((c) => penguins.features[c][i]));
  let ref: {
    reg: { coef: number[]; b: number; grid: number[]; avg: number[] };
    clf: { coef: number[]; b: number; grid: number[]; avg: number[]; ice: number[][] };
    few: { grid: number[]; avg: number[] };
  };
  before(function () {
    requireReference(this);
    ref = runPython(
      `from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.inspection import partial_dependence
X = np.array(data['X']); y = np.array(data['mass']); s = np.array(data['sex']) == 'MALE'
reg = LinearRegression().fit(X, y)
r = partial_dependence(reg, X, [2], grid_resolution=25, kind='average')
clf = LogisticRegression(max_iter=5000).fit(X, s)
c = partial_dependence(clf, X, [1], grid_resolution=12, kind='both')
Xr = X.copy(); Xr[:, 0] = np.round(Xr[:, 0] / 10) * 10
f = partial_dependence(reg, Xr, [0], grid_resolution=100, kind='average')
out({'reg': dict(coef=reg.coef_, b=reg.intercept_, grid=r['values'][0], avg=r['average'][0]),
     'clf': dict(coef=clf.coef_[0], b=clf.intercept_[0], grid=c['values'][0], avg=c['average'][0], ice=c['individual'][0]),
     'few': dict(grid=f['values'][0], avg=f['average'][0])})`,
      { X, mass: penguins.features['Body Mass (g)'], sex: penguins.sex },
    );
  });

  it('matches scikit-learn’s partial_dependence for a regressor: the quantile grid and the averages', async () => {
    const model = linearRegressor(ref.reg.coef, ref.reg.b);
    const pd = await partialDependence(model, X, 2, { gridResolution: 25 });
    assertAllClose(pd.grid as number[], ref.reg.grid, 1e-12, 'grid');
    assertAllClose(pd.average[0].values, ref.reg.avg, 1e-9, 'average');
    assert.equal(pd.feature, 'x2');
  });

  it('matches it for a classifier (positive-class probability) including ICE curves, on a table', async () => {
    const table = aq.table(Object.fromEntries(cols.map((c) => [c, penguins.features[c]])));
    const model = logisticClassifier(ref.clf.coef, ref.clf.b, ['FEMALE', 'MALE'], cols);
    const pd = await partialDependence(model, table, 'Beak Depth (mm)', { gridResolution: 12, kind: 'both' });
    assertAllClose(pd.grid as number[], ref.clf.grid, 1e-12, 'grid');
    assertAllClose(pd.average[0].values, ref.clf.avg, 1e-9, 'average');
    assert.equal(pd.average[0].output, 'MALE');
    assert.equal(pd.individual?.length, X.length);
    pd.individual?.forEach((row, i) => assertAllClose(row, ref.clf.ice[i], 1e-9, `ICE row ${i}`));
  });

  it('uses the unique values when there are fewer than the grid resolution', async () => {
    const Xr = X.map((r) => [Math.round(r[0] / 10) * 10, r[1], r[2]]);
    const pd = await partialDependence(linearRegressor(ref.reg.coef, ref.reg.b), Xr, 0);
    assertAllClose(pd.grid as number[], ref.few.grid, 0, 'unique grid');
    assertAllClose(pd.average[0].values, ref.few.avg, 1e-9, 'average');
  });

  it('takes categorical features and explicit grids, with one series per class for multiclass', async () => {
    const table = aq.table({ island: penguins.island, len: penguins.features['Beak Length (mm)'] });
    const multi = (x: Features) => {
      const isl = (x as aq.ColumnTable).array('island') as string[];
      const data = new Float64Array(isl.length * 3);
      isl.forEach((v, i) => data.set(v === 'Biscoe' ? [0.6, 0.3, 0.1] : [0.2, 0.3, 0.5], i * 3));
      return { classes: ['a', 'b', 'c'], rows: isl.length, data };
    };
    const pd = await partialDependence(multi, table, 'island');
    assert.deepEqual(pd.grid, ['Biscoe', 'Dream', 'Torgersen']);
    assert.deepEqual(
      pd.average.map((s) => s.output),
      ['a', 'b', 'c'],
    );
    assertAllClose(pd.average[0].values, [0.6, 0.2, 0.2], 1e-12, 'class a');
    const explicit = await partialDependence(linearRegressor([1, 0, 0], 0), X, 0, { values: [30, 40] });
    assertAllClose(explicit.average[0].values, [30, 40], 1e-12, 'explicit grid');
  });

  it('names an unknown feature', async () => {
    await assert.rejects(partialDependence(linearRegressor([1], 0), X, 'age'), /no feature "age"; features: x0, x1, x2/);
  });
});
