import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { makeWorkspace, newSession, run } from '../helpers';

// Every estimator family takes (table, label) like a Pipeline, remembers the columns it was
// fitted on, and picks them from a wider table later (scikit-learn's feature_names_in_).
const families: { name: string; make: string; label: string }[] = [
  { name: 'LogisticRegression', make: 'new LogisticRegression()', label: 'cls' },
  { name: 'LinearRegression', make: 'new LinearRegression()', label: 'num' },
  { name: 'Ridge', make: 'new Ridge()', label: 'num' },
  { name: 'MLPClassifier', make: 'new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 3, seed: 1, progress: false })', label: 'cls' },
  { name: 'MLPRegressor', make: 'new MLPRegressor({ hiddenLayerSizes: [4], maxIter: 3, seed: 1, progress: false })', label: 'num' },
  {
    name: 'LayersClassifier',
    make: "new LayersClassifier({ model: tf.sequential({ layers: [tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2] })] }), maxIter: 2, seed: 1, progress: false })",
    label: 'cls',
  },
  {
    name: 'LayersRegressor',
    make: 'new LayersRegressor({ model: tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] }), maxIter: 2, seed: 1, progress: false })',
    label: 'num',
  },
];

describe('kernel/modelbook estimators take (table, label) and select their fitted columns (real sandboxed kernel)', function () {
  this.timeout(120_000);
  let ws: string;
  let session: KernelSession;

  before(async () => {
    ws = makeWorkspace();
    session = newSession(ws);
    const setup = await run(
      session,
      [
        "import * as aq from 'arquero';",
        "import * as tf from '@tensorflow/tfjs';",
        "import { LogisticRegression, LinearRegression, Ridge, MLPClassifier, MLPRegressor, LayersClassifier, LayersRegressor } from 'modelbook';",
        'const n = 40;',
        'const features = aq.table({ a: Array.from({ length: n }, (_, i) => i / n), b: Array.from({ length: n }, (_, i) => (i % 7) / 7) });',
        "const train = { cls: features.assign({ cls: Array.from({ length: n }, (_, i) => (i < n / 2 ? 'lo' : 'hi')) }), num: features.assign({ num: Array.from({ length: n }, (_, i) => 2 * i + 1) }) };",
        // Wider, with a string id first and the columns in another order.
        "const wide = aq.table({ id: ['r1', 'r2', 'r3'], b: [0.1, 0.2, 0.3], extra: [9, 9, 9], a: [0.1, 0.5, 0.9] });",
        'const narrow = aq.table({ a: [0.1, 0.5] });',
        '1',
      ].join('\n'),
    );
    assert.equal(setup.status, 'ok', JSON.stringify(setup));
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  for (const f of families) {
    it(`${f.name}: fit(table, '${f.label}') then predict on a wider table with a string id column`, async () => {
      const r = await run(
        session,
        `const m${f.name} = await ${f.make}.fit(train.${f.label}, '${f.label}');\nconst wider${f.name} = await m${f.name}.predict(wide);\nwider${f.name}.length === 3 && String(wider${f.name}) === String(await m${f.name}.predict(wide.select('a', 'b')))`,
      );
      assert.equal(r.status, 'ok', JSON.stringify(r.error ?? r));
      assert.equal(r.text, 'true');
    });

    it(`${f.name}: predicting on a table without a fitted column names the missing column`, async () => {
      const r = await run(session, `await m${f.name}.predict(narrow)`);
      assert.equal(r.status, 'error');
      assert.match(r.error?.message ?? '', new RegExp(`${f.name}\\.predict(Proba)?: x is missing features seen at fit: "b" \\(the model was fitted on a, b\\)`));
    });
  }

  it('predictions on the wider table equal those on the fitted columns alone', async () => {
    const r = await run(session, "JSON.stringify(await mLogisticRegression.predictProba(wide)) === JSON.stringify(await mLogisticRegression.predictProba(wide.select('a', 'b')))");
    assert.equal(r.status, 'ok', JSON.stringify(r));
    assert.equal(r.text, 'true');
  });

  it('score takes the label column name too', async () => {
    const r = await run(session, "(await mLinearRegression.score(train.num, 'num')).toFixed(3)");
    assert.equal(r.status, 'ok', JSON.stringify(r));
    assert.equal(r.text, "'1.000'");
  });

  it('a label name with a Matrix x says that x must be a table', async () => {
    const r = await run(session, "await new Ridge().fit([[1], [2]], 'y')");
    assert.equal(r.status, 'error');
    assert.match(r.error?.message ?? '', /Ridge\.fit: y is the string "y", the name of a label column, but x is not a table/);
  });
});
