import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { OneHotEncoder } from '../../../../src/core/features/oneHotEncoder';
import { Pipeline } from '../../../../src/core/features/pipeline';
import { SimpleImputer } from '../../../../src/core/features/simpleImputer';
import { StandardScaler } from '../../../../src/core/features/standardScaler';
import { LinearRegression } from '../../../../src/core/models/linear/linearRegression';
import { LogisticRegression } from '../../../../src/core/models/linear/logisticRegression';
import { compareModels } from '../../../../src/core/validation/compareModels';
import { CVResult } from '../../../../src/core/validation/cvResult';
import { crossValidate } from '../../../../src/core/validation/crossValidate';
import { GroupKFold } from '../../../../src/core/validation/groupKFold';
import { KFold } from '../../../../src/core/validation/kFold';
import { RepeatedStratifiedKFold } from '../../../../src/core/validation/repeatedKFold';
import { trainTestSplit } from '../../../../src/core/validation/trainTestSplit';
import { loadVegaDataset, maxAbsDiff, runPython } from '../linalg/python';

const NUMERIC = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

const SKLEARN_CV = `
import pandas as pd
from sklearn.model_selection import cross_validate, StratifiedKFold, KFold
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, LinearRegression
df = pd.DataFrame(data['penguins'])
num = data['numeric']
for c in num: df[c] = df[c].astype(float)
df['Sex'] = df['Sex'].astype(object).where(df['Sex'].notna(), np.nan)
pre = ColumnTransformer([('num', Pipeline([('imp', SimpleImputer(strategy='median')), ('sc', StandardScaler())]), num), ('cat', OneHotEncoder(handle_unknown='ignore'), ['Island', 'Sex'])])
pipe = Pipeline([('pre', pre), ('lr', LogisticRegression(C=0.3))])
r = cross_validate(pipe, df[num + ['Island', 'Sex']], df['Species'], cv=StratifiedKFold(5), scoring=['accuracy', 'neg_log_loss', 'balanced_accuracy', 'f1_macro'])
cars = pd.DataFrame(data['cars']).dropna()
cx = cars[['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration']].astype(float)
c = cross_validate(LinearRegression(), cx, cars['Miles_per_Gallon'], cv=KFold(4), scoring=['r2', 'neg_root_mean_squared_error', 'neg_mean_absolute_error'])
out({'acc': r['test_accuracy'], 'logLoss': -r['test_neg_log_loss'], 'bal': r['test_balanced_accuracy'], 'f1': r['test_f1_macro'],
     'r2': c['test_r2'], 'rmse': -c['test_neg_root_mean_squared_error'], 'mae': -c['test_neg_mean_absolute_error']})
`;

function penguinsPipeline(): Pipeline<LogisticRegression> {
  return new Pipeline({
    steps: [new SimpleImputer({ columns: NUMERIC, strategy: 'median' }), new StandardScaler({ columns: NUMERIC }), new OneHotEncoder({ columns: ['Island', 'Sex'], handleUnknown: 'ignore' })],
    estimator: new LogisticRegression({ C: 0.3 }),
  });
}

describe('core/validation crossValidate', () => {
  const penguins = loadVegaDataset('penguins.json');
  const cars = loadVegaDataset('cars.json').filter((r) => Object.values(r).every((v) => v !== null));
  let sk: Record<string, number[]>;

  before(function () {
    sk = runPython<Record<string, number[]>>(this as unknown as Mocha.Context, SKLEARN_CV, { penguins, cars, numeric: NUMERIC });
  });

  it('scores a pipeline per fold like scikit-learn cross_validate, refitting the preprocessing inside each fold', async () => {
    const cv = await crossValidate(penguinsPipeline(), aq.from(penguins), { label: 'Species', cv: 5, scoring: ['accuracy', 'logLoss', 'balancedAccuracy', 'f1Macro'] });
    assert.ok(maxAbsDiff(cv.scores('accuracy'), sk.acc) < 1e-12, `accuracy ${cv.scores('accuracy')} vs ${sk.acc}`);
    assert.ok(maxAbsDiff(cv.scores('logLoss'), sk.logLoss) < 1e-5, `logLoss ${cv.scores('logLoss')} vs ${sk.logLoss}`);
    assert.ok(maxAbsDiff(cv.scores('balancedAccuracy'), sk.bal) < 1e-12);
    assert.ok(maxAbsDiff(cv.scores('f1Macro'), sk.f1) < 1e-12);
    assert.equal(cv.folds.length, 5);
    assert.ok(Math.abs(cv.mean.accuracy - sk.acc.reduce((a, b) => a + b) / 5) < 1e-12);
    assert.equal(cv.table().numRows(), 5);
    assert.match(cv.toString(), /accuracy 0\.\d{4} ± 0\.\d{4}/);
  });

  it('scores a regressor with R², RMSE and MAE like scikit-learn (KFold for regressors)', async () => {
    const cols = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Miles_per_Gallon'];
    const t = aq.from(cars).select(cols);
    const cv = await crossValidate(new LinearRegression(), t, { label: 'Miles_per_Gallon', cv: new KFold({ nSplits: 4 }), scoring: ['r2', 'rmse', 'mae'] });
    assert.ok(maxAbsDiff(cv.scores('r2'), sk.r2) < 1e-10);
    assert.ok(maxAbsDiff(cv.scores('rmse'), sk.rmse) < 1e-9);
    assert.ok(maxAbsDiff(cv.scores('mae'), sk.mae) < 1e-9);
  });

  it('fits a fresh copy in every fold and leaves the given model unfitted', async () => {
    const model = new LogisticRegression();
    const x = Array.from({ length: 40 }, (_, i) => [i % 7, (i * 3) % 5]);
    const y = x.map(([a, b]) => (a + b > 5 ? 'hi' : 'lo'));
    const seen: number[] = [];
    const cv = await crossValidate(model, x, { label: y, cv: 4, returnTrainScore: true, onFold: (f) => seen.push(f.fold) });
    assert.deepEqual(seen, [0, 1, 2, 3]);
    assert.equal(model.featureNames.length, 0, 'the prototype was not fitted');
    assert.ok(cv.folds.every((f) => f.train && f.train.accuracy >= 0));
  });

  it('respects filters and row order of the table it is given', async () => {
    const base = aq.table({ a: [9, 1, 8, 2, 7, 3, 6, 4, 5, 0, 10, 11], y: ['p', 'n', 'p', 'n', 'p', 'n', 'p', 'n', 'p', 'n', 'p', 'p'] });
    const view = base.filter((d: { a: number }) => d.a < 10).orderby('a');
    const direct = view.reify();
    const folds = [{ train: Int32Array.from([0, 1, 2, 3, 6, 7, 8, 9]), test: Int32Array.from([4, 5]) }];
    const a = await crossValidate(new LogisticRegression(), view, { label: 'y', cv: folds });
    const b = await crossValidate(new LogisticRegression(), direct, { label: 'y', cv: folds });
    assert.deepEqual(a.scores(), b.scores());
    const split = trainTestSplit(view, { testSize: 3, seed: 1 });
    const values = (t: aq.ColumnTable) => Array.from(t.array('a') as number[]);
    assert.deepEqual(
      [...values(split.train), ...values(split.test)].sort((x, y) => x - y),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.deepEqual(
      values(split.test),
      Array.from(split.testIndex, (i) => (direct.array('a') as number[])[i]),
    );
  });

  it('keeps groups apart with GroupKFold and drops the group column from the features', async () => {
    const t = aq.table({ a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], g: ['u', 'u', 'v', 'v', 'w', 'w', 'x', 'x', 'y', 'y', 'z', 'z'], y: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1] });
    const cv = await crossValidate(new LogisticRegression(), t, { label: 'y', groups: 'g', cv: new GroupKFold({ nSplits: 3 }) });
    assert.equal(cv.folds.length, 3);
    assert.ok(cv.folds.every((f) => f.testRows === 4));
  });

  it('compareModels applies the Nadeau–Bengio correction (checked against scipy) and needs the same folds', async function () {
    const t = aq.from(penguins);
    const cv = new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 4, seed: 3 });
    const a = await crossValidate(penguinsPipeline(), t, { label: 'Species', cv, scoring: 'logLoss' });
    const weak = new Pipeline({
      steps: [new SimpleImputer({ columns: NUMERIC }), new StandardScaler({ columns: NUMERIC }), new OneHotEncoder({ columns: ['Island', 'Sex'], handleUnknown: 'ignore' })],
      estimator: new LogisticRegression({ C: 0.001 }),
    });
    const b = await crossValidate(weak, t, { label: 'Species', cv, scoring: 'logLoss' });
    const c = compareModels(a, b);
    const d = a.scores('logLoss').map((v, j) => v - b.scores('logLoss')[j]);
    const ratio = a.folds[0].testRows / a.folds[0].trainRows;
    const ref = runPython<{ t: number; p: number; lo: number; hi: number }>(
      this,
      `from scipy import stats
d = np.array(data['d']); J = len(d); m = d.mean(); se = np.sqrt((1 / J + data['r']) * d.var(ddof=1))
t = m / se; h = stats.t.ppf(0.975, J - 1) * se
out({'t': t, 'p': 2 * stats.t.sf(abs(t), J - 1), 'lo': m - h, 'hi': m + h})`,
      { d, r: mean(a.folds.map((f) => f.testRows)) / mean(a.folds.map((f) => f.trainRows)) },
    );
    assert.ok(Math.abs(c.t - ref.t) < 1e-9 * Math.abs(ref.t));
    assert.ok(Math.abs(c.pValue - ref.p) < 1e-9);
    assert.ok(Math.abs(c.ci[0] - ref.lo) < 1e-9 && Math.abs(c.ci[1] - ref.hi) < 1e-9);
    assert.equal(c.df, 19);
    assert.ok(ratio > 0.2 && ratio < 0.3);
    assert.equal(c.better, 'a', c.message);
    const other = await crossValidate(weak, t, { label: 'Species', cv: 5, scoring: 'logLoss' });
    assert.throws(() => compareModels(a, other), /different folds/);
  });

  it('compareModels keeps p-values in the far tail (2·t.sf, as scipy), not 2·(1 − cdf) = 0', function () {
    // Ten folds whose differences barely spread: |t| in the tens to hundreds.
    const spreads = [0.05, 1e-3, 1e-4, 1e-5];
    const base = [0.9, 0.91, 0.905, 0.895, 0.9, 0.902, 0.898, 0.907, 0.893, 0.9];
    const jitter = [1, -1, 0.5, -0.5, 0.2, -0.2, 0.8, -0.8, 0.1, -0.1];
    const results = spreads.map((s) => {
      const fold = (k: number, v: number) => ({ fold: k, trainRows: 90, testRows: 10, fitMs: 0, scoreMs: 0, test: { accuracy: v } });
      const a = new CVResult(
        'A',
        ['accuracy'],
        base.map((v, k) => fold(k, v + 0.02 + s * jitter[k])),
        'same',
        { accuracy: true },
      );
      const b = new CVResult(
        'B',
        ['accuracy'],
        base.map((v, k) => fold(k, v)),
        'same',
        { accuracy: true },
      );
      return { c: compareModels(a, b), d: a.scores().map((v, j) => v - b.scores()[j]) };
    });
    const ref = runPython<number[]>(
      this,
      `from scipy import stats
res = []
for d in data['d']:
    d = np.array(d); J = len(d); t = d.mean() / np.sqrt((1 / J + data['r']) * d.var(ddof=1))
    res.append(float(2 * stats.t.sf(abs(t), J - 1)))
out(res)`,
      { d: results.map((r) => r.d), r: 10 / 90 },
    );
    assert.ok(ref[ref.length - 1] < 1e-20, `the table reaches the far tail (${ref})`);
    results.forEach(({ c }, k) => assert.ok(Math.abs(c.pValue - ref[k]) <= 1e-6 * ref[k], `spread ${spreads[k]}: p = ${c.pValue}, scipy ${ref[k]}`));
  });
});

function mean(v: number[]): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}
