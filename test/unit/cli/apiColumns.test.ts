import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeNotebook, runCli } from './cliHelpers';
import { DIST, REPO } from '../paths';

/**
 * Every public API of `modelbook` that takes an array, given columns the way a cell author writes
 * them: `t.array(name)` and `t.array(name, Float64Array)` of arquero tables built from vega-datasets'
 * cars, with 64-bit integer columns (BigInt64Array, as Arrow and Parquet int64 columns load). The
 * notebook must type-check (`modelbook check`) and run (`modelbook run`).
 */
const CELLS = [
  // c0: the data. efficient (0/1) and cylinders are int64 columns, as an Arrow or Parquet file gives them.
  `import * as aq from 'arquero';
import { readJSON } from 'modelbook';
type Car = { Miles_per_Gallon: number | null; Horsepower: number | null; Weight_in_lbs: number; Acceleration: number; Cylinders: number; Origin: string };
const raw = await readJSON('data/cars.json');
const rows = (raw.objects() as Car[]).filter((d) => Number.isFinite(d.Miles_per_Gallon) && Number.isFinite(d.Horsepower));
const t = aq.table({
  hp: Float64Array.from(rows, (d) => d.Horsepower ?? 0),
  weight: Float64Array.from(rows, (d) => d.Weight_in_lbs),
  accel: Float64Array.from(rows, (d) => d.Acceleration),
  mpg: Float64Array.from(rows, (d) => d.Miles_per_Gallon ?? 0),
  efficient: BigInt64Array.from(rows, (d) => BigInt((d.Miles_per_Gallon ?? 0) > 25 ? 1 : 0)),
  cylinders: BigInt64Array.from(rows, (d) => BigInt(d.Cylinders)),
  origin: rows.map((d) => d.Origin),
  w: BigInt64Array.from(rows, (_, i) => BigInt(1 + (i % 2))),
});
const x = t.select('hp', 'weight', 'accel');
t.numRows()`,
  // c1: estimators, fitted and scored on columns.
  `import { LogisticRegression, LinearRegression, Ridge, DummyClassifier, DummyRegressor, MLPClassifier, MLPRegressor, Pipeline, StandardScaler } from 'modelbook';
const clf = await new LogisticRegression({ maxIter: 200 }).fit(x, t.array('efficient'), { sampleWeight: t.array('w') });
const clfScore = await clf.score(x, t.array('efficient'));
const ridge = await new Ridge().fit(x, t.array('mpg', Float64Array), { sampleWeight: t.array('w') });
await new Ridge().fit(x, t.array('cylinders'));
await new LinearRegression().fit(x, t.array('mpg', Float64Array));
await new DummyClassifier().fit(x, t.array('origin'), { sampleWeight: t.array('w') });
await new DummyRegressor().fit(x, t.array('cylinders'));
await new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 3, seed: 1 }).fit(x, t.array('efficient'), { validation: { x, y: t.array('efficient') } });
await new MLPRegressor({ hiddenLayerSizes: [4], maxIter: 3, seed: 1 }).fit(x, t.array('cylinders'));
const pipe = await new Pipeline({ steps: [new StandardScaler()], estimator: new LogisticRegression() }).fit(x, t.array('efficient'));
const pipeScore = await pipe.score(x, t.array('efficient'));
({ classes: clf.classes, clfScore, pipeScore, ridge: ridge.coef.length })`,
  // c2: predictions back in the table, then every metric and curve.
  `import * as m from 'modelbook';
const proba = await clf.predictProba(x);
const scored = t.assign({ score: Float64Array.from({ length: proba.rows }, (_, i) => proba.data[i * 2 + 1]), pred: Float64Array.from(await clf.predict(x) as number[]), mpgHat: await ridge.predict(x) });
const yTrue = scored.array('efficient');
const yScore = scored.array('score');
const yPred = scored.array('pred', Float64Array);
const sampleWeight = scored.array('w');
const results = {
  accuracy: m.accuracyScore(yTrue, yPred, { sampleWeight }).value,
  balanced: m.balancedAccuracyScore(yTrue, yPred).value,
  precision: m.precisionScore(yTrue, yPred, { sampleWeight }).value,
  recall: m.recallScore(yTrue, yPred).value,
  f1: m.f1Score(yTrue, yPred).value,
  f2: m.fbetaScore(yTrue, yPred, 2).value,
  prfs: m.precisionRecallFscoreSupport(yTrue, yPred).perLabel.support,
  mcc: m.matthewsCorrcoef(yTrue, yPred, { sampleWeight }).value,
  confusion: m.confusionMatrix(yTrue, yPred, { sampleWeight }).matrix,
  auc: m.rocAucScore(yTrue, yScore, { sampleWeight }).value,
  ap: m.averagePrecisionScore(yTrue, yScore).value,
  prAuc: m.prAucScore(yTrue, yScore).value,
  logLoss: m.logLoss(yTrue, yScore, { sampleWeight }).value,
  brier: m.brierScoreLoss(yTrue, yScore, { sampleWeight }).value,
  ece: m.expectedCalibrationError(yTrue, yScore, { sampleWeight }).value,
  calibration: m.calibrationCurve(yTrue, yScore, { sampleWeight }).probTrue.length,
  roc: m.rocCurve(yTrue, yScore, { sampleWeight }).fpr.length,
  pr: m.precisionRecallCurve(yTrue, yScore, { sampleWeight }).precision.length,
  table: m.thresholdTable(yTrue, yScore, { sampleWeight }).thresholds.length,
  picked: m.pickThreshold(yTrue, yScore, 'maxF1', { sampleWeight }).threshold,
  r2: m.r2Score(scored.array('mpg'), scored.array('mpgHat'), { sampleWeight }).value,
  ev: m.explainedVarianceScore(scored.array('mpg'), scored.array('mpgHat')).value,
  mae: m.meanAbsoluteError(scored.array('cylinders'), scored.array('mpgHat'), { sampleWeight }).value,
  mse: m.meanSquaredError(scored.array('mpg'), scored.array('mpgHat')).value,
  rmse: m.rootMeanSquaredError(scored.array('mpg'), scored.array('mpgHat')).value,
  mape: m.meanAbsolutePercentageError(scored.array('mpg'), scored.array('mpgHat')).value,
  medae: m.medianAbsoluteError(scored.array('mpg'), scored.array('mpgHat'), { sampleWeight }).value,
  dpd: m.demographicParityDifference(yTrue, yPred, { sensitiveFeatures: scored.array('origin'), sampleWeight }).value,
  dpr: m.demographicParityRatio(yTrue, yPred, { sensitiveFeatures: { cylinders: scored.array('cylinders') } }).value,
  eod: m.equalizedOddsDifference(yTrue, yPred, { sensitiveFeatures: scored.array('origin') }).value,
  eor: m.equalizedOddsRatio(yTrue, yPred, { sensitiveFeatures: scored.array('origin') }).value,
  eopd: m.equalOpportunityDifference(yTrue, yPred, { sensitiveFeatures: scored.array('origin') }).value,
  eopr: m.equalOpportunityRatio(yTrue, yPred, { sensitiveFeatures: scored.array('origin') }).value,
};
const bad = Object.entries(results).filter(([, v]) => typeof v === 'number' && !Number.isFinite(v)).map(([k]) => k);
if (bad.length) throw new Error('not finite: ' + bad.join(', '));
results.accuracy`,
  // c3: evaluation, importance, validation and searches.
  `import { evaluatePredictions, evaluate, permutationImportance, crossValidate, gridSearch, randomSearch, halvingSearch, trainTestSplit, scoreModel, choice, LogisticRegression } from 'modelbook';
const ev = await evaluatePredictions({ yTrue: t.array('efficient'), yScore: scored.array('score'), groups: { origin: t.array('origin'), cylinders: t.array('cylinders') } }, { positiveLabel: 1, slices: ['origin', 'cylinders'] });
const evPred = await evaluatePredictions({ yTrue: t.array('mpg'), yPred: scored.array('mpgHat') });
const ev2 = await evaluate(clf, { x, y: t.array('efficient'), groups: { cylinders: t.array('cylinders') } }, { slices: ['cylinders'] });
const ev3 = await evaluate(clf, t.select('hp', 'weight', 'accel', 'efficient', 'cylinders'), { label: 'efficient', slices: ['cylinders'] });
const imp = await permutationImportance(clf, x, t.array('efficient'), { nRepeats: 2, seed: 1 });
const cv = await crossValidate(new LogisticRegression(), x, { label: t.array('efficient'), cv: 3, groups: t.array('cylinders') });
const grid = await gridSearch(new LogisticRegression(), x, { label: t.array('efficient'), paramGrid: { C: [0.1, 1] }, cv: 2 });
const rand = await randomSearch(new LogisticRegression(), x, { label: t.array('efficient'), paramDistributions: { C: choice([0.1, 1]) }, nIter: 2, cv: 2, seed: 1 });
const halving = await halvingSearch(new LogisticRegression(), x, { label: t.array('efficient'), paramGrid: { C: [0.1, 1, 10] }, cv: 2 });
const split = trainTestSplit(t, { stratify: t.array('efficient'), seed: 1 });
const scores = await scoreModel(clf, x, t.array('efficient'), ['accuracy']);
// The column types are the module's own, for a cell's helpers.
import type { LabelColumn, NumberColumn, TargetColumn } from 'modelbook';
const labelsOf = (c: LabelColumn): LabelColumn => c;
const numbersOf = (c: NumberColumn): NumberColumn => c;
const targetOf = (c: TargetColumn): TargetColumn => c;
labelsOf(t.array('efficient')); numbersOf(t.array('hp', Float64Array)); targetOf(t.array('origin'));
({ auc: ev.metric('auc')?.value, r2: evPred.metric('r2')?.value, ev2: ev2.metric('auc')?.value, ev3: ev3.metric('auc')?.value, imp: imp.features.length, cv: cv.folds.length, grid: grid.bestParams, rand: rand.bestParams, halving: halving.bestParams, split: split.train.numRows(), scores })`,
];

describe('cli: table columns (t.array) in every public API that takes arrays', function () {
  this.timeout(240_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(path.join(DIST, 'types', 'modelbook.d.ts'))) this.skip(); // dist/types comes from `node esbuild.mjs --types` (npm test builds it)
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-columns-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(REPO, 'node_modules/vega-datasets/data/cars.json'), path.join(dir, 'data', 'cars.json'));
    fs.writeFileSync(path.join(dir, 'api.mlnb'), codeNotebook(CELLS));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ships the column types in the declarations cells are checked against (dist/types)', () => {
    const columns = fs.readFileSync(path.join(DIST, 'types', 'core', 'args', 'columns.d.ts'), 'utf8');
    assert.match(columns, /export type BigIntColumn = BigInt64Array \| BigUint64Array;/);
    for (const name of ['NumberColumn', 'LabelColumn', 'TargetColumn']) assert.match(columns, new RegExp(`export type ${name} = [^;]*BigIntColumn;`));
    assert.match(fs.readFileSync(path.join(DIST, 'types', 'core', 'models', 'contract.d.ts'), 'utf8'), /export type Target = TargetColumn;/);
  });

  it('type-checks: modelbook check exits 0 with no diagnostics', () => {
    const r = runCli(['check', 'api.mlnb'], dir, { timeout: 120_000 });
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0, r.stderr);
  });

  it('runs: modelbook run exits 0, every cell has a result and no error', () => {
    const r = runCli(['run', 'api.mlnb'], dir, { timeout: 200_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const nb = JSON.parse(fs.readFileSync(path.join(dir, 'api.mlnb'), 'utf8')) as { cells: { outputs: { output_type: string; data?: Record<string, string[]> }[] }[] };
    nb.cells.forEach((c, i) => assert.ok(!c.outputs.some((o) => o.output_type === 'error'), `cell ${i}: ${JSON.stringify(c.outputs)}`));
    assert.equal(nb.cells[0].outputs[0].data?.['text/plain'].join(''), '392');
    const accuracy = Number(nb.cells[2].outputs.at(-1)?.data?.['text/plain'].join(''));
    assert.ok(accuracy > 0.8 && accuracy <= 1, `accuracy ${accuracy}`);
  });

  it('still refuses a wrong argument: a string where a column is needed is a type error', () => {
    const bad = [CELLS[0], "import { rocCurve, Ridge } from 'modelbook';\nrocCurve('efficient', t.array('hp'));", 'await new Ridge().fit(x, 42);'];
    fs.writeFileSync(path.join(dir, 'bad.mlnb'), codeNotebook(bad));
    const r = runCli(['check', 'bad.mlnb'], dir, { timeout: 120_000 });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /bad\.mlnb:2:2:10: error TS2345: Argument of type 'string' is not assignable to parameter of type 'LabelColumn'/);
    assert.match(r.stdout, /bad\.mlnb:3:1:\d+: error TS2345: Argument of type 'number' is not assignable/);
  });
});
