import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { RunRecord } from '../../../src/core/runs/contract';
import { penguinsWorkspace, runCli } from './cliHelpers';

const SETUP =
  "import { readJSON, trainTestSplit, Pipeline, StandardScaler, OneHotEncoder, LogisticRegression, evaluate, checkpoint } from 'modelbook';\nconst penguins = (await readJSON('data/penguins.json')).filter((d) => d.Sex === 'MALE' || d.Sex === 'FEMALE').derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');\nconst make = () => new Pipeline({ steps: [new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() });";
const LATER = "console.log('a later cell ran');";

describe('cli: modelbook run stops at a failing checkpoint', function () {
  this.timeout(240_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('exits 1 at the checkpoint cell with its problems, and never runs the cells after it; the corrected notebook runs to the end', () => {
    const leaky = penguinsWorkspace('mb-ckpt-', [
      SETUP,
      "const pipe = await make().fit(penguins, 'adelie');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });",
      "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: false });",
      "await checkpoint('split-before-fit');",
      LATER,
    ]);
    dirs.push(leaky);
    const r = runCli(['run', 'adelie.mlnb'], leaky);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /Checkpoint 'split-before-fit' \(Split before fitting\) failed/);
    assert.doesNotMatch(r.stdout + r.stderr, /a later cell ran/);
    const records = fs
      .readdirSync(path.join(leaky, '.modelbook', 'runs'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(leaky, '.modelbook', 'runs', f), 'utf8')) as RunRecord);
    const ckpt = records.find((x) => x.kind === 'checkpoint')!;
    assert.equal(ckpt.params.passed, false);
    assert.equal(ckpt.notebook, 'adelie.mlnb');

    const fixed = penguinsWorkspace('mb-ckpt-', [
      SETUP,
      "const { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });\nconst pipe = await make().fit(train, 'adelie');",
      "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: false });",
      "await checkpoint('split-before-fit');",
      LATER,
    ]);
    dirs.push(fixed);
    const ok = runCli(['run', 'adelie.mlnb'], fixed);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  });
});
