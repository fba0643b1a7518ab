import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { MODEL_CARD_MIME, type ModelCard } from '../../../src/core/card/contract';
import type { RunRecord } from '../../../src/core/runs/contract';
import { penguinsWorkspace, runCli } from './cliHelpers';

// The audit's case: predictions scored elsewhere (a package), evaluated with evaluatePredictions,
// then a later evaluate() — the card asked for `run: audited` must describe the audit, not the latest.
const CELLS = [
  "import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, LogisticRegression, evaluate, evaluatePredictions, modelCard } from 'modelbook';\nconst penguins = (await readJSON('data/penguins.json')).derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });\nconst pipe = await new Pipeline({ steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() }).fit(train, 'adelie');",
  "const p = await pipe.predictProba(test);\nconst audited = await evaluatePredictions({ yTrue: test.array('adelie'), yScore: Array.from({ length: test.numRows() }, (_, i) => p.data[i * 2 + p.classes.indexOf('yes')]) }, { positiveLabel: 'yes', name: 'audit' });",
  "const later = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', name: 'later' });",
  "modelCard({ run: audited, intendedUse: 'Sorting field measurements.', limitations: 'Three islands.', ethics: 'No person is affected.' })",
];

describe('modelCard({ run }) with an evaluatePredictions result', function () {
  this.timeout(240_000);

  it('describes that evaluation (its run id is the version), not the notebook’s latest', () => {
    const dir = penguinsWorkspace('mb-cardpred-', CELLS);
    try {
      const r = runCli(['run', 'adelie.mlnb'], dir, { home: path.join(dir, '.home') });
      assert.equal(r.code, 0, r.stderr + r.stdout);
      const runsDir = path.join(dir, '.modelbook', 'runs');
      const records = fs
        .readdirSync(runsDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(fs.readFileSync(path.join(runsDir, f), 'utf8')) as RunRecord);
      const audit = records.find((x) => x.kind === 'evaluation' && x.name === 'evaluate audit');
      assert.ok(audit, records.map((x) => x.name).join(', '));
      const nb = JSON.parse(fs.readFileSync(path.join(dir, 'adelie.mlnb'), 'utf8')) as { cells: { outputs: { data?: Record<string, unknown> }[] }[] };
      const card = nb.cells[3].outputs.find((o) => o.data?.[MODEL_CARD_MIME])?.data?.[MODEL_CARD_MIME] as ModelCard | undefined;
      assert.ok(card, JSON.stringify(nb.cells[3].outputs).slice(0, 500));
      assert.equal(card.sections.modelDetails.version, audit.id);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
