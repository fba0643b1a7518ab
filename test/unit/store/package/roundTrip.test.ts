import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import type { ColumnTable } from 'arquero';
import { Pipeline, SimpleImputer, StandardScaler, OneHotEncoder } from '../../../../src/core/features';
import { LogisticRegression } from '../../../../src/core/models/linear/logisticRegression';
import { MLPClassifier, MLPRegressor } from '../../../../src/core/models/mlp';
import { LayersClassifier } from '../../../../src/core/models/layers';
import { collectPackageParts } from '../../../../src/core/package/collectParts';
import { PACKAGE_FILES } from '../../../../src/core/package/contract';
import { loadModel } from '../../../../src/store/package/loadModel';
import { readPackage } from '../../../../src/store/package/readPackage';
import { writePackage } from '../../../../src/store/package/writePackage';
import { useTfBackend } from '../../core/models/mlp/tfBackends';
import { churnTable, recordsOf } from './data';

const environment = { libraries: { modelbook: 'test' } };
const createdAt = '2026-01-01T00:00:00.000Z';
const quiet = { progress: false } as const;

function preprocess() {
  return [new SimpleImputer({ strategy: 'median' }), new StandardScaler(), new OneHotEncoder({ columns: ['plan'] })];
}

describe('model package round trip (export → load → the same predictions to the last bit)', function () {
  this.timeout(120_000);
  const train = churnTable(400, 1);
  const test = churnTable(120, 2);
  const columns = ['tenure', 'charges', 'plan'];
  let tmp: string;
  let tf: typeof TF;
  before(async () => {
    tf = await useTfBackend('cpu');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-pkg-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function exportAndLoad(model: unknown, name: string, reference: ColumnTable = train) {
    const parts = await collectPackageParts({ model, reference, name, label: 'churn', environment, createdAt });
    const dir = path.join(tmp, name);
    const manifest = writePackage(dir, parts);
    return { dir, manifest, loaded: await loadModel(dir) };
  }

  it('LogisticRegression on numeric columns: same probabilities and labels', async () => {
    const x = train.select('tenure', 'charges').impute({ tenure: () => 0 });
    const lr = await new LogisticRegression().fit(x, train.array('churn') as string[]);
    const { loaded, manifest } = await exportAndLoad(lr, 'lr', x);
    assert.equal(manifest.flavour, 'modelbook');
    const xt = test.select('tenure', 'charges').impute({ tenure: () => 0 });
    const expected = await lr.predictProba(xt);
    const { predictions } = await loaded.predict(recordsOf(xt, ['tenure', 'charges']), { proba: true });
    predictions.forEach((p, i) => {
      assert.equal(p!.probabilities!.yes, expected.data[2 * i + 1]);
      assert.equal(p!.prediction, expected.data[2 * i + 1] >= 0.5 ? 'yes' : 'no');
    });
  });

  it('a Pipeline (impute + scale + one-hot + logistic) with missing values and a category', async () => {
    const pipe = await new Pipeline({ steps: preprocess(), estimator: new LogisticRegression({ C: 0.5 }) }).fit(train, 'churn');
    const { loaded, manifest } = await exportAndLoad(pipe, 'pipe');
    assert.deepEqual(
      manifest.signature.inputs.columns.map((c) => [c.name, c.type, c.nullable]),
      [
        ['tenure', 'number', true],
        ['charges', 'number', false],
        ['plan', 'string', false],
      ],
    );
    assert.deepEqual(manifest.signature.inputs.columns[2].categories, ['basic', 'plus', 'pro']);
    const expected = await pipe.predictProba(test);
    const { predictions } = await loaded.predict(recordsOf(test, columns), { proba: true });
    predictions.forEach((p, i) => assert.equal(p!.probabilities!.yes, expected.data[2 * i + 1]));
    assert.ok(fs.existsSync(path.join(tmp, 'pipe', PACKAGE_FILES.trainingProfile)));
  });

  it('predictTable on columns or a table gives what predict gives on the same rows as records, invalid rows included', async () => {
    const pipe = await new Pipeline({ steps: preprocess(), estimator: new LogisticRegression({ C: 0.5 }) }).fit(train, 'churn');
    const { loaded } = await exportAndLoad(pipe, 'pipe-table');
    const records = recordsOf(test, columns);
    const same = async (input: Parameters<typeof loaded.predictTable>[0], rows: Record<string, unknown>[], onInvalid: 'skip' | 'null') => {
      const byRecord = await loaded.predict(rows, { proba: true, onInvalid });
      const byColumn = await loaded.predictTable(input, { proba: true, onInvalid });
      assert.deepEqual(byColumn.problems, byRecord.problems);
      assert.equal(byColumn.rows, rows.length);
      byRecord.predictions.forEach((p, i) => {
        assert.equal(byColumn.invalid[i], p === null ? 1 : 0, `row ${i} invalid`);
        assert.equal(byColumn.predictions[i], p?.prediction ?? null, `row ${i} label`);
        assert.deepEqual(byColumn.probabilities!.classes, ['no', 'yes']);
        if (p) assert.equal(byColumn.probabilities!.data[2 * i + 1], p.probabilities!.yes, `row ${i} probability`);
        else assert.ok(Number.isNaN(byColumn.probabilities!.data[2 * i + 1]));
      });
    };
    // Valid rows: the table itself, and a Float64Array number column.
    await same(test, records, 'null');
    await same({ tenure: test.array('tenure') as ArrayLike<unknown>, charges: Float64Array.from(test.array('charges') as number[]), plan: test.array('plan') as ArrayLike<unknown> }, records, 'null');
    // Invalid rows: an unknown category, text in a number column, a missing required value, an absent column.
    const bad = records.map((r, i) => (i === 2 ? { ...r, plan: 'gold' } : i === 5 ? { ...r, charges: 'high' } : i === 7 ? { ...r, charges: NaN } : r));
    const { charges: _, ...noCharges } = bad[9];
    bad[9] = noCharges;
    const badColumns = Object.fromEntries(columns.map((c) => [c, bad.map((r) => r[c])]));
    for (const policy of ['skip', 'null'] as const) await same(badColumns, bad, policy);
    await assert.rejects(loaded.predictTable(badColumns), /4 rows failed the input schema\. First: Row 3: column "plan" is "gold"/);
    await assert.rejects(loaded.predictTable({ tenure: [1, 2], charges: [3] }), /"tenure" has 2 and "charges" has 1/);
  });

  it('MLPClassifier in a Pipeline, and MLPRegressor: restored weights predict bit-identically', async () => {
    const clf = await new Pipeline({ steps: preprocess(), estimator: new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 20, seed: 3, ...quiet }) }).fit(train, 'churn');
    const a = await exportAndLoad(clf, 'mlp-clf');
    const expected = await clf.predictProba(test);
    const got = (await a.loaded.predict(recordsOf(test, columns), { proba: true })).predictions;
    got.forEach((p, i) => assert.equal(p!.probabilities!.yes, expected.data[2 * i + 1]));

    const num = train.select('charges');
    const y = Float64Array.from(train.array('charges') as number[], (c, i) => c / 100 + (i % 3));
    const reg = await new MLPRegressor({ hiddenLayerSizes: [6], maxIter: 15, seed: 4, ...quiet }).fit(num.select('charges'), y);
    const b = await exportAndLoad(reg, 'mlp-reg', num.select('charges'));
    assert.equal(b.manifest.signature.outputs.task, 'regression');
    const want = await reg.predict(test.select('charges'));
    const out = (await b.loaded.predict(recordsOf(test, ['charges']))).predictions;
    out.forEach((p, i) => assert.equal(p!.prediction, want[i]));
  });

  it('a LayersClassifier exports in TF.js layers format that tf.loadLayersModel reads without Modelbook', async () => {
    const net = tf.sequential();
    net.add(tf.layers.dense({ units: 6, activation: 'relu', inputShape: [5], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
    net.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
    const pipe = await new Pipeline({ steps: preprocess(), estimator: new LayersClassifier({ model: net, maxIter: 5, batchSize: 64, ...quiet }) }).fit(train, 'churn');
    const { dir, manifest, loaded } = await exportAndLoad(pipe, 'layers');
    assert.equal(manifest.flavour, 'tfjs-layers');
    assert.ok(manifest.files[PACKAGE_FILES.tfWeights] && manifest.files[PACKAGE_FILES.preprocessing]);
    const expected = await pipe.predictProba(test);
    const got = (await loaded.predict(recordsOf(test, columns), { proba: true })).predictions;
    got.forEach((p, i) => assert.equal(p!.probabilities!.yes, expected.data[2 * i + 1]));

    // TF.js alone, from the files: the same outputs on the transformed features.
    const json = JSON.parse(fs.readFileSync(path.join(dir, PACKAGE_FILES.tfModel), 'utf8')) as { modelTopology: object; weightsManifest: { weights: TF.io.WeightsManifestEntry[] }[] };
    const bytes = fs.readFileSync(path.join(dir, PACKAGE_FILES.tfWeights));
    const reloaded = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }),
    );
    const { matrix } = pipe.transformMatrix(test);
    const out = (reloaded.predict(tf.tensor2d(Float32Array.from(matrix.data), [matrix.rows, matrix.cols])) as TF.Tensor).dataSync();
    for (let i = 0; i < 5; i++) assert.equal(out[i], expected.data[2 * i + 1]);
  });

  it('the content hash is the same for two exports of the same inputs and changes when a weight changes', async () => {
    const x = train.select('charges');
    const lr = await new LogisticRegression().fit(x, train.array('churn') as string[]);
    const one = await exportAndLoad(lr, 'hash-1', x);
    const two = writePackage(path.join(tmp, 'hash-2'), await collectPackageParts({ model: lr, reference: x, name: 'hash-1', label: 'churn', environment, createdAt: new Date().toISOString() }));
    assert.equal(two.contentHash, one.manifest.contentHash);
    lr.coef.data[0] += 1e-9;
    const three = writePackage(path.join(tmp, 'hash-3'), await collectPackageParts({ model: lr, reference: x, name: 'hash-1', label: 'churn', environment, createdAt }));
    assert.notEqual(three.contentHash, one.manifest.contentHash);
  });

  it('refuses a tampered file, naming it', async () => {
    const pipe = await new Pipeline({ steps: preprocess(), estimator: new LogisticRegression() }).fit(train, 'churn');
    const { dir } = await exportAndLoad(pipe, 'tamper');
    const file = path.join(dir, PACKAGE_FILES.model);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"coef": \[\n\s+(-?\d)/, '"coef": [\n $1'));
    assert.throws(() => readPackage(dir), /model\/model\.json does not match the sha256 in modelbook\.json: the file was changed after export/);
  });

  it('refuses to overwrite a folder that is not a package, and replaces a package whole', async () => {
    const other = path.join(tmp, 'notes');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'keep.txt'), 'mine');
    const x = train.select('charges');
    const lr = await new LogisticRegression().fit(x, train.array('churn') as string[]);
    const parts = await collectPackageParts({ model: lr, reference: x, name: 'notes', environment, createdAt });
    assert.throws(() => writePackage(other, parts), /exists and is not a model package; refusing to overwrite it/);
    assert.equal(fs.readFileSync(path.join(other, 'keep.txt'), 'utf8'), 'mine');
    const dir = path.join(tmp, 'twice');
    writePackage(dir, parts);
    fs.writeFileSync(path.join(dir, 'card.md'), 'stale');
    writePackage(dir, parts);
    assert.ok(!fs.existsSync(path.join(dir, 'card.md')));
    assert.deepEqual(
      fs.readdirSync(tmp).filter((n) => n.startsWith('.')),
      [],
    );
  });
});
