import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { checkPipelineLeak } from '../../../../src/core/features/checkPipelineLeak';
import { OneHotEncoder } from '../../../../src/core/features/oneHotEncoder';
import { Pipeline } from '../../../../src/core/features/pipeline';
import { SimpleImputer } from '../../../../src/core/features/simpleImputer';
import { StandardScaler } from '../../../../src/core/features/standardScaler';
import { LogisticRegression } from '../../../../src/core/models/linear/logisticRegression';
import { createEstimator, estimatorFromJSON, specWithParams } from '../../../../src/core/models/registry';
import { maxAbsDiff } from '../linalg/python';
import { CATEGORICAL, NUMERIC, penguinsSplit, penguinsTable, sklearnFeatures } from './reference';

function penguinsPipeline(C = 0.5): Pipeline<LogisticRegression> {
  return new Pipeline({
    steps: [new SimpleImputer({ columns: NUMERIC, strategy: 'median' }), new StandardScaler({ columns: NUMERIC }), new OneHotEncoder({ columns: CATEGORICAL, handleUnknown: 'ignore' })],
    estimator: new LogisticRegression({ C }),
  });
}

function splitTables(): { train: aq.ColumnTable; test: aq.ColumnTable } {
  const t = penguinsTable();
  const { train, test } = penguinsSplit();
  return { train: t.reify(train), test: t.reify(test) };
}

describe('core/features Pipeline', () => {
  it('impute → scale → one-hot → LogisticRegression matches the same scikit-learn Pipeline', async function () {
    const sk = sklearnFeatures(this);
    const { train, test } = splitTables();
    const pipe = await penguinsPipeline().fit(train.select([...NUMERIC, ...CATEGORICAL, 'Species']), 'Species');
    const names = sk.pipeline.names.map((n) => n.replace(/^(num|cat)__/, '').replace(/_nan$/, '_null'));
    assert.deepEqual([...pipe.featureNames].sort(), [...names].sort());
    const coef = pipe.estimator.coef;
    names.forEach((name, j) => {
      const ours = pipe.featureNames.indexOf(name);
      for (let k = 0; k < 3; k++) assert.ok(Math.abs(coef.data[k * coef.cols + ours] - sk.pipeline.coef[k][j]) < 1e-4, `coef ${name} class ${k}`);
    });
    const proba = await pipe.predictProba(test);
    assert.ok(maxAbsDiff(proba.data, sk.pipeline.proba.flat()) < 1e-5, `probabilities differ by ${maxAbsDiff(proba.data, sk.pipeline.proba.flat())}`);
    assert.deepEqual(pipe.classes, ['Adelie', 'Chinstrap', 'Gentoo']);
  });

  it('fits its steps on the training rows only and applies those statistics to later data', async () => {
    const { train, test } = splitTables();
    const pipe = await penguinsPipeline().fit(train, 'Species');
    const scaler = pipe.steps[1] as StandardScaler;
    const mass = (train.array('Body Mass (g)') as (number | null)[]).filter((v): v is number => v !== null);
    const median = [...mass].sort((a, b) => a - b)[Math.floor(mass.length / 2)];
    const imputed = (train.array('Body Mass (g)') as (number | null)[]).map((v) => v ?? median);
    const mean = imputed.reduce((s, v) => s + v, 0) / imputed.length;
    assert.ok(Math.abs(scaler.statistics['Body Mass (g)'].mean - mean) < 1e-9);
    const out = pipe.transform(test);
    const raw = test.array('Body Mass (g)') as (number | null)[];
    const i = raw.findIndex((v) => v !== null);
    assert.ok(Math.abs((out.array('Body Mass (g)') as Float64Array)[i] - (raw[i]! - mean) / scaler.statistics['Body Mass (g)'].scale) < 1e-12);
    assert.ok(!out.columnNames().includes('Species'), 'the label column is not a feature');
  });

  it('saves to JSON and restores a fitted pipeline with identical predictions, also through the registry', async () => {
    const { train, test } = splitTables();
    const pipe = await penguinsPipeline().fit(train, 'Species');
    const json = JSON.parse(JSON.stringify(pipe.toJSON()));
    const again = Pipeline.fromJSON(json);
    assert.deepEqual((await again.predictProba(test)).data, (await pipe.predictProba(test)).data);
    const viaRegistry = estimatorFromJSON(json) as unknown as Pipeline;
    assert.deepEqual(await viaRegistry.predict(test), await pipe.predict(test));
    const unfitted = createEstimator(pipe.spec()) as unknown as Pipeline;
    assert.equal(unfitted.fitted, false);
    assert.deepEqual(unfitted.spec(), pipe.spec());
  });

  it('clones with parameter paths for the estimator and for steps', async () => {
    const pipe = penguinsPipeline(1);
    const c = pipe.clone({ C: 0.01, 'standardScaler.withMean': false });
    assert.equal((c.estimator as LogisticRegression).params.C, 0.01);
    assert.equal(c.steps[1].params.withMean, false);
    assert.equal(pipe.steps[1].params.withMean, true, 'the original is untouched');
    assert.throws(() => pipe.clone({ 'scaler.withMean': false }), /names no step "scaler" \(steps: simpleImputer, standardScaler, oneHotEncoder/);
    const spec = specWithParams(pipe.spec(), { 'estimator.C': 3 });
    assert.equal((spec.params as { estimator: { params: { C: number } } }).estimator.params.C, 3);
  });

  it('checkPipelineLeak finds test rows in the data the pipeline was fitted on', async () => {
    const all = penguinsTable();
    const { train, test } = splitTables();
    const leaky = await penguinsPipeline().fit(all, 'Species');
    const report = checkPipelineLeak(leaky, test);
    assert.equal(report.leaked, true);
    assert.equal(report.overlappingRows, test.numRows());
    assert.equal(report.exact, true);
    assert.match(report.message, new RegExp(`fitted on data that includes ${test.numRows()} of the ${test.numRows()} test rows`));
    const clean = await penguinsPipeline().fit(train, 'Species');
    const ok = checkPipelineLeak(clean, test);
    // Rows identical in every input column (e.g. two penguins with nothing measured) are real overlaps.
    const trainKeys = new Set(train.objects().map((r) => JSON.stringify([...NUMERIC, ...CATEGORICAL].map((c) => (r as Record<string, unknown>)[c]))));
    const duplicates = test.objects().filter((r) => trainKeys.has(JSON.stringify([...NUMERIC, ...CATEGORICAL].map((c) => (r as Record<string, unknown>)[c])))).length;
    assert.equal(ok.overlappingRows, duplicates);
    const restored = Pipeline.fromJSON(JSON.parse(JSON.stringify(leaky.toJSON())));
    const fromBloom = checkPipelineLeak(restored, test);
    assert.equal(fromBloom.exact, false);
    assert.ok(fromBloom.overlappingRows >= test.numRows() && fromBloom.overlappingRows <= test.numRows() + 2);
  });

  it('passes held-out validation data through the fitted steps to the estimator', async () => {
    const { train, test } = splitTables();
    let seen: aq.ColumnTable | undefined;
    const spy = new LogisticRegression();
    const fit = spy.fit.bind(spy);
    spy.fit = async (x, y, options) => {
      seen = options?.validation?.x as aq.ColumnTable;
      return fit(x, y, options);
    };
    const pipe = new Pipeline({
      steps: [new SimpleImputer({ columns: NUMERIC, strategy: 'median' }), new StandardScaler({ columns: NUMERIC }), new OneHotEncoder({ columns: CATEGORICAL, handleUnknown: 'ignore' })],
      estimator: spy,
    });
    await pipe.fit(train, 'Species', { validation: { x: test, y: test.array('Species') as string[] } });
    assert.deepEqual(seen!.columnNames(), pipe.featureNames);
    assert.deepEqual(Array.from(seen!.array('Body Mass (g)') as Float64Array), Array.from(pipe.transform(test).array('Body Mass (g)') as Float64Array));
  });

  it('explains text left after the steps and a missing label', async () => {
    const t = aq.table({ a: [1, 2, 3, 4], s: ['x', 'y', 'x', 'y'], y: [0, 1, 0, 1] });
    await assert.rejects(new Pipeline({ steps: [new StandardScaler()], estimator: new LogisticRegression() }).fit(t, 'y'), /column "s" still holds text after the steps.*OneHotEncoder/);
    await assert.rejects(new Pipeline({ estimator: new LogisticRegression() }).fit(t.select('a')), /needs y/);
    await assert.rejects(new Pipeline({ estimator: new LogisticRegression() }).fit(t, 'label'), /no label column "label"/);
  });
});
