import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pipeline, SimpleImputer, StandardScaler, OneHotEncoder } from '../../../../src/core/features';
import { LogisticRegression } from '../../../../src/core/models/linear/logisticRegression';
import { collectPackageParts } from '../../../../src/core/package/collectParts';
import { writePackage } from '../../../../src/store/package/writePackage';
import { REPO } from '../../paths';
import { churnTable, recordsOf } from './data';

describe("loadModel in plain Node: require('modelbook') from another project", function () {
  this.timeout(60_000);
  let project: string;
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-lib-'));
    fs.writeFileSync(path.join(project, 'package.json'), '{"name":"consumer","private":true}');
    fs.mkdirSync(path.join(project, 'node_modules'));
    fs.symlinkSync(REPO, path.join(project, 'node_modules', 'modelbook'), 'dir');
  });
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  it('scores records like the pipeline, without loading VS Code or TF.js', async () => {
    const train = churnTable(300, 5);
    const test = churnTable(40, 6);
    const pipe = await new Pipeline({ steps: [new SimpleImputer(), new StandardScaler(), new OneHotEncoder({ columns: ['plan'] })], estimator: new LogisticRegression() }).fit(train, 'churn');
    writePackage(path.join(project, 'models', 'churn'), await collectPackageParts({ model: pipe, reference: train, name: 'churn', environment: { libraries: {} }, createdAt: '2026-01-01T00:00:00Z' }));
    fs.writeFileSync(path.join(project, 'records.json'), JSON.stringify(recordsOf(test, ['tenure', 'charges', 'plan'])));
    const script = `const { loadModel } = require('modelbook');
const records = require('./records.json');
loadModel('models/churn').then(async (m) => {
  const { predictions } = await m.predict(records, { proba: true });
  const bad = m.validate([{ tenure: 3, charges: 'x', plan: 'gold' }]).map((p) => p.kind);
  const loaded = Object.keys(require.cache).filter((k) => /@tensorflow|[\\\\/]vscode[\\\\/]/.test(k));
  console.log(JSON.stringify({ yes: predictions.map((p) => p.probabilities.yes), bad, loaded, hash: m.manifest.contentHash }));
});`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { yes: number[]; bad: string[]; loaded: string[]; hash: string };
    const expected = await pipe.predictProba(test);
    assert.deepEqual(
      out.yes,
      Array.from({ length: test.numRows() }, (_, i) => expected.data[2 * i + 1]),
    );
    assert.deepEqual(out.bad, ['wrong-type', 'unknown-category']);
    assert.deepEqual(out.loaded, []);
    assert.match(out.hash, /^[0-9a-f]{64}$/);
  });
});
