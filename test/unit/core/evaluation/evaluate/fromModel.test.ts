import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { evaluate } from '../../../../../src/core/evaluation/evaluate/fromModel';
import { rocAucScore } from '../../../../../src/core/evaluation/metrics/rocAuc';
import { r2Score } from '../../../../../src/core/evaluation/metrics/r2Score';
import { penguins } from '../cases';
import { linearRegressor, logisticClassifier } from '../models';
import type { Classifier } from '../../../../../src/core/models/contract';
import { assertClose } from '../reference';

const NUM = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

describe('core/evaluation evaluate (a model on test data)', () => {
  const table = aq.table({ ...penguins.features, sex: penguins.sex, species: penguins.species, island: penguins.island });
  const model = logisticClassifier([0.3, 1.2, 0.05, 0.004], -52, ['FEMALE', 'MALE'], NUM);
  const weak = logisticClassifier([0.2, 0, 0, 0], -8.8, ['FEMALE', 'MALE'], NUM);

  it('scores a classifier through predictProba on a table, taking the label, slices and baseline from options', async () => {
    const ev = await evaluate(model, table, { label: 'sex', slices: ['species'], baseline: weak, gates: ['auc >= 0.8', 'auc drop <= 0'], bootstrap: { resamples: 100, seed: 1 } });
    const scores = Array.from((await model.predictProba(table)).data.filter((_, i) => i % 2 === 1));
    assert.equal(ev.task, 'binary');
    assert.equal(ev.view.positiveLabel, 'MALE', 'the classifier’s second class');
    assert.equal(ev.view.name, 'FixedLogistic');
    assert.deepEqual(ev.view.model, { type: 'FixedLogistic', params: { weights: [0.3, 1.2, 0.05, 0.004], intercept: -52 } });
    assert.equal(ev.metric('auc')?.value, rocAucScore(penguins.sex, scores, { positiveLabel: 'MALE' }).value);
    assert.equal(ev.view.baseline?.name, 'FixedLogistic');
    assert.deepEqual(
      ev.view.slices.map((s) => s.name),
      ['species'],
    );
    assert.ok(
      ev.gates.every((g) => g.passed),
      JSON.stringify(ev.gates.map((g) => g.reason)),
    );
  });

  it('scores a regressor through predict on { x, y, groups }', async () => {
    const x = aq.table({ a: penguins.features['Beak Length (mm)'], b: penguins.features['Beak Depth (mm)'], c: penguins.features['Flipper Length (mm)'] });
    const reg = linearRegressor([5, 20, 40], -5000);
    const ev = await evaluate(reg, { x, y: penguins.features['Body Mass (g)'], groups: { sex: penguins.sex } }, { bootstrap: false });
    assert.equal(ev.task, 'regression');
    const pred = await reg.predict(x);
    assertClose(ev.metric('r2')?.value as number, r2Score(penguins.features['Body Mass (g)'], pred).value, 1e-12, 'r2');
    assert.equal(ev.view.slices[0].name, 'sex');
  });

  it('scores a multiclass classifier on a Matrix, with groups for slices', async () => {
    const classes = ['Adelie', 'Chinstrap', 'Gentoo'];
    const x = {
      rows: penguins.species.length,
      cols: 2,
      data: Float64Array.from(penguins.species.flatMap((_, i) => [penguins.features['Beak Length (mm)'][i], penguins.features['Beak Depth (mm)'][i]])),
    };
    const softmax: Classifier = {
      ...logisticClassifier([0], 0, classes),
      classes,
      predictProba: async (m) => {
        const mm = m as typeof x;
        const data = new Float64Array(mm.rows * 3);
        for (let i = 0; i < mm.rows; i++) {
          const [len, depth] = [mm.data[2 * i], mm.data[2 * i + 1]];
          const sq = (v: number) => v * v;
          const z = [-sq(len - 39) / 8 - sq(depth - 18.3), -sq(len - 49) / 8 - sq(depth - 18.4), -sq(len - 47.5) / 8 - sq(depth - 15)];
          const e = z.map(Math.exp);
          const t = e.reduce((a, b) => a + b, 0);
          data.set(
            e.map((v) => v / t),
            3 * i,
          );
        }
        return { classes, rows: mm.rows, data };
      },
    };
    const ev = await evaluate(softmax, { x, y: penguins.species, groups: { island: penguins.island } }, { bootstrap: { resamples: 50 } });
    assert.equal(ev.task, 'multiclass');
    assert.deepEqual(ev.view.classes, classes);
    assert.ok((ev.metrics.accuracy as number) > 0.8, String(ev.metrics.accuracy));
    assert.equal(ev.view.slices[0].groups.length, 3);
    assert.equal(ev.charts.roc?.title, 'ROC curves (one-vs-rest)');
  });

  it('passes only the feature columns to the model', async () => {
    let seen: string[] = [];
    const spy = { ...model, predictProba: async (x: aq.ColumnTable) => ((seen = x.columnNames()), model.predictProba(x)) } as unknown as typeof model;
    await evaluate(spy, table, { label: 'sex', features: NUM, slices: ['island'], bootstrap: false });
    assert.deepEqual(seen, NUM);
  });

  it('explains missing or wrong arguments', async () => {
    await assert.rejects(evaluate(model, table, {}), /name its target column with \{ label/);
    await assert.rejects(evaluate(model, table, { label: 'gender' }), /no label column "gender"/);
    await assert.rejects(evaluate(model, table, { label: 'sex', slices: ['region'] }), /slice columns region are not in testData/);
    await assert.rejects(evaluate({} as never, table, { label: 'sex' }), /fitted Classifier or Regressor/);
    await assert.rejects(evaluate(model, table, { label: 'sex', baseline: linearRegressor([1], 0) }), /compare like with like/);
  });
});
