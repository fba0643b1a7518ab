import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../paths';
import type { KernelSession } from '../../../src/kernel/host/session';
import type { PackageManifest } from '../../../src/core/package/contract';
import { makeWorkspace, newSession } from './helpers';

const SETUP = `import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, LogisticRegression, evaluate, exportModel, loadModel } from 'modelbook';
const penguins = (await readJSON('penguins.json')).derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');
const { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });
const make = () => new Pipeline({ steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() });
const pipe = await make().fit(train, 'adelie');
const ev = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', threshold: 0.4, gates: ['accuracy >= 0.8'] });`;

describe('kernel: exportModel and loadModel in a cell', function () {
  this.timeout(120_000);
  let ws: string;
  let session: KernelSession;
  const exec = async (source: string) => {
    const r = await session.execute(source, {}, { cellId: `c${Math.random()}` });
    return r;
  };
  const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(ws, dir, 'modelbook.json'), 'utf8')) as PackageManifest;

  before(async () => {
    ws = makeWorkspace();
    fs.copyFileSync(path.join(REPO, 'examples/data/penguins.json'), path.join(ws, 'penguins.json'));
    session = newSession(ws, { notebookPath: path.join(ws, 'study.mlnb') });
    const r = await exec(SETUP);
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('exports with the evaluation threshold, gates, run ids and score profile, and the loaded model scores like the pipeline', async () => {
    const r = await exec(`const m = await exportModel(pipe, { to: 'models/adelie', run: ev, reference: train });
const loaded = await loadModel('models/adelie');
const rows = test.objects();
const { predictions } = await loaded.predict(rows, { proba: true });
const p = await pipe.predictProba(test);
const same = predictions.every((q, i) => q.probabilities.yes === p.data[2 * i + 1] && q.prediction === (p.data[2 * i + 1] >= 0.4 ? 'yes' : 'no'));
if (!same) throw new Error('the loaded model scored differently');`);
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    const m = manifestOf('models/adelie');
    assert.equal(m.name, 'adelie');
    assert.deepEqual(m.signature.outputs, { task: 'binary', classes: ['no', 'yes'], positiveLabel: 'yes', threshold: 0.4, target: 'adelie' });
    assert.ok(m.runs.fit && m.runs.evaluation, JSON.stringify(m.runs));
    assert.equal(m.gates?.overridden, false);
    assert.equal(m.notebook, 'study.mlnb');
    for (const f of ['reference/score-profile.json', 'reference/metrics.json', 'reference/training-profile.json']) assert.ok(m.files[f], f);
    assert.ok(fs.existsSync(path.join(ws, '.modelbook/runs', `${m.runs.evaluation}.json`)));
  });

  it('refuses an unfitted model, a pipeline that saw test rows and failed gates (unless allowed), with reason and fix', async () => {
    const notFitted = await exec(`await exportModel(make(), { to: 'models/x', reference: train })`);
    assert.equal(notFitted.status, 'error', JSON.stringify(notFitted));
    assert.match(JSON.stringify(notFitted.error), /not fitted.*Fit it first/);

    const leaky = await exec(`const all = await make().fit(penguins, 'adelie');
const evAll = await evaluate(all, test, { label: 'adelie', positiveLabel: 'yes' });
await exportModel(all, { to: 'models/leaky', run: evAll, reference: train })`);
    assert.equal(leaky.status, 'error', 'leaky');
    assert.match(JSON.stringify(leaky.error), /saw test rows.*Refit it on the training split only/);
    assert.ok(!fs.existsSync(path.join(ws, 'models/leaky')));

    const gated = await exec(`const evStrict = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', gates: ['logLoss <= 0.000001'] });
await exportModel(pipe, { to: 'models/strict', run: evStrict, reference: train })`);
    assert.equal(gated.status, 'error', 'gated');
    assert.match(JSON.stringify(gated.error), /gates failed.*allowFailedGates: true/);
    const allowed = await exec(`await exportModel(pipe, { to: 'models/strict', run: evStrict, reference: train, allowFailedGates: true })`);
    assert.equal(allowed.status, 'ok', JSON.stringify(allowed.error));
    assert.equal(manifestOf('models/strict').gates?.overridden, true);
  });
});
