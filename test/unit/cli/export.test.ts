import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackageManifest } from '../../../src/core/package/contract';
import { loadModel } from '../../../src/store/package/loadModel';
import { REPO } from '../paths';
import { runCli, codeNotebook } from './cliHelpers';

const cli = (args: string[], cwd: string) => runCli(args, cwd);

interface Row {
  id: string;
  kind: string;
  name: string;
}

describe('cli: modelbook export', function () {
  this.timeout(180_000);
  let dir: string;
  let runs: Row[];
  const evaluationRun = (name: string) => runs.find((r) => r.kind === 'evaluation' && r.name === name)!.id;

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-export-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(REPO, 'examples', 'data', 'penguins.json'), path.join(dir, 'data', 'penguins.json'));
    fs.writeFileSync(
      path.join(dir, 'adelie.mlnb'),
      codeNotebook([
        "import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, LogisticRegression, MLPClassifier, evaluate, exportModel } from 'modelbook';\nconst penguins = (await readJSON('data/penguins.json')).derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });",
        "const steps = () => [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })];\nconst pipe = await new Pipeline({ steps: steps(), estimator: new LogisticRegression() }).fit(train, 'adelie');\nconst ev = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', threshold: 0.4, name: 'logistic', gates: ['accuracy >= 0.8'] });\nawait exportModel(pipe, { to: 'models/from-notebook', run: ev, reference: train });",
        "const mlp = await new Pipeline({ steps: steps(), estimator: new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 5, seed: 1, progress: false }) }).fit(train, 'adelie');\nawait evaluate(mlp, test, { label: 'adelie', positiveLabel: 'yes', name: 'mlp', gates: ['logLoss <= 0.000001'] });",
        // The classic leak: the pipeline is fitted on all the data, then evaluated on the test split.
        "const leaky = await new Pipeline({ steps: steps(), estimator: new LogisticRegression() }).fit(penguins, 'adelie');\nawait evaluate(leaky, test, { label: 'adelie', positiveLabel: 'yes', name: 'leaky' });",
      ]),
    );
    const r = cli(['run', 'adelie.mlnb'], dir);
    assert.equal(r.code, 0, r.stderr);
    const list = cli(['runs', '--json'], dir);
    runs = JSON.parse(list.stdout) as Row[];
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports an evaluation run: its fit run’s model, the threshold and gates; scores like the notebook’s own export', async () => {
    const r = cli(['export', evaluationRun('evaluate logistic'), '--out', 'models/cli'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Exported models\/cli \(\d+ files\), content hash [0-9a-f]{64}/);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'models/cli/modelbook.json'), 'utf8')) as PackageManifest;
    assert.equal(manifest.runs.evaluation, evaluationRun('evaluate logistic'));
    assert.ok(manifest.runs.fit);
    assert.equal(manifest.notebook, 'adelie.mlnb');
    assert.deepEqual(manifest.signature.outputs, { task: 'binary', classes: ['no', 'yes'], positiveLabel: 'yes', threshold: 0.4 });
    assert.equal(manifest.gates?.overridden, false);
    assert.equal(fs.readFileSync(path.join(dir, 'models/cli/model/model.json'), 'utf8'), fs.readFileSync(path.join(dir, 'models/from-notebook/model/model.json'), 'utf8'));
    const records = JSON.parse(fs.readFileSync(path.join(dir, 'data/penguins.json'), 'utf8')) as Record<string, unknown>[];
    const input = records.slice(0, 40).map((p) => ({ Island: p.Island, 'Beak Length (mm)': p['Beak Length (mm)'], 'Beak Depth (mm)': p['Beak Depth (mm)'], Sex: p.Sex }));
    const [a, b] = await Promise.all([loadModel(path.join(dir, 'models/cli')), loadModel(path.join(dir, 'models/from-notebook'))]);
    const opts = { proba: true, onInvalid: 'null' } as const;
    assert.deepEqual((await a.predict(input, opts)).predictions, (await b.predict(input, opts)).predictions);
  });

  it('exits 1 for a pipeline fitted before the split, with the cell’s reason and fix; --allow-leak exports it and the manifest says so', () => {
    const refused = cli(['export', evaluationRun('evaluate leaky'), '--out', 'models/leaky'], dir);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /the pipeline saw test rows when it was fitted \(.*\)\. Refit it on the training split only.*--allow-leak/);
    assert.ok(!fs.existsSync(path.join(dir, 'models/leaky')));
    const allowed = cli(['export', evaluationRun('evaluate leaky'), '--out', 'models/leaky', '--allow-leak'], dir);
    assert.equal(allowed.code, 0, allowed.stderr);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'models/leaky/modelbook.json'), 'utf8')) as PackageManifest;
    assert.equal(manifest.leak?.overridden, true);
    assert.match(manifest.leak?.detail ?? '', /test rows/);
    const clean = JSON.parse(fs.readFileSync(path.join(dir, 'models/cli/modelbook.json'), 'utf8')) as PackageManifest;
    assert.equal(clean.leak, undefined);
  });

  it('exits 1 on failed gates, and exports with --allow-failed-gates recording the override; 2 for usage and unknown runs', () => {
    const id = evaluationRun('evaluate mlp');
    const refused = cli(['export', id, '--out', 'models/mlp'], dir);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /gates failed.*--allow-failed-gates/);
    assert.ok(!fs.existsSync(path.join(dir, 'models/mlp')));
    const allowed = cli(['export', id, '--out', 'models/mlp', '--allow-failed-gates'], dir);
    assert.equal(allowed.code, 0, allowed.stderr);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'models/mlp/modelbook.json'), 'utf8')) as PackageManifest;
    assert.equal(manifest.gates?.overridden, true);
    assert.equal(manifest.modelType, 'Pipeline');
    assert.equal(cli(['export', id], dir).code, 2);
    const unknown = cli(['export', 'ZZZZ', '--out', 'x'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no run "ZZZZ" in this workspace/);
  });
});
