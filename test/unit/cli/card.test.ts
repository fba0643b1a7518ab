import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModelCard } from '../../../src/core/card/contract';
import type { RunRecord } from '../../../src/core/runs/contract';
import { REPO } from '../paths';
import { runCli, codeNotebook } from './cliHelpers';

const cli = (args: string[], cwd: string) => runCli(args, cwd);

const SETUP =
  "import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, LogisticRegression, evaluate, problem, modelCard, permutationImportance } from 'modelbook';\nconst penguins = (await readJSON('data/penguins.json')).derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });";
const PROBLEM =
  "problem({ objective: 'Tell Adelie penguins from the others', target: 'adelie (yes/no)', users: 'field biologists', decision: 'which birds to re-measure', successCriteria: 'accuracy >= 0.8', constraints: 'beak measurements only', sensitiveAttributes: ['Sex'] })";
const FIT =
  "const pipe = await new Pipeline({ steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() }).fit(train, 'adelie');\nconst ev = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', threshold: 0.4, name: 'logistic', slices: ['Sex'], gates: ['accuracy >= 0.8'] });";

describe('cli: modelbook card', function () {
  this.timeout(240_000);
  let dir: string;

  const records = (): RunRecord[] =>
    fs
      .readdirSync(path.join(dir, '.modelbook', 'runs'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook', 'runs', f), 'utf8')) as RunRecord);

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-card-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(REPO, 'examples', 'data', 'penguins.json'), path.join(dir, 'data', 'penguins.json'));
    fs.writeFileSync(
      path.join(dir, 'adelie.mlnb'),
      codeNotebook([
        SETUP,
        PROBLEM,
        FIT,
        "modelCard({ run: ev, intendedUse: 'Sorting field measurements before review.', limitations: 'Three islands, one season.', ethics: 'No person is affected; birds are not handled again because of it.' })",
      ]),
    );
    fs.writeFileSync(path.join(dir, 'bare.mlnb'), codeNotebook([SETUP, FIT]));
    for (const nb of ['adelie.mlnb', 'bare.mlnb']) {
      const r = cli(['run', nb], dir);
      assert.equal(r.code, 0, r.stderr);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records problem() and modelCard() as runs, and writes the notebook’s card with the evaluation run’s numbers (exit 0)', () => {
    const all = records().filter((r) => r.notebook === 'adelie.mlnb');
    const evaluation = all.find((r) => r.kind === 'evaluation')!;
    const problemRun = all.find((r) => r.kind === 'problem')!;
    const cardRun = all.find((r) => r.kind === 'card')!;
    assert.equal(problemRun.params.objective, 'Tell Adelie penguins from the others');
    assert.equal(cardRun.params.evaluationRun, evaluation.id);
    const r = cli(['card', 'adelie.mlnb', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const card = JSON.parse(r.stdout) as ModelCard;
    assert.deepEqual(card.missing, []);
    assert.equal(card.sections.modelDetails.evaluationRunId, evaluation.id);
    assert.ok(card.sections.modelDetails.fitRunId, 'the fit run is found through the evaluation');
    for (const m of card.sections.metrics.metrics) {
      assert.equal(m.value.value, evaluation.metrics[m.name], m.name);
      if (m.interval) assert.equal(m.interval.low.value, evaluation.intervals![m.name].low);
    }
    assert.equal(card.sections.metrics.threshold?.value, 0.4);
    assert.equal(card.sections.intendedUse.primary, 'Sorting field measurements before review.');
    assert.equal(card.problem?.users, 'field biologists');
    assert.deepEqual(card.sections.quantitativeAnalyses.slicings[0].columns, ['Sex']);
    assert.equal(card.sections.quantitativeAnalyses.slicings[0].sensitive, true);
    const rows = card.sections.quantitativeAnalyses.slicings[0].groups.reduce((n, g) => n + g.rows.value, 0);
    assert.equal(rows, evaluation.params.rows);
  });

  it('writes the same bytes twice, to --out, in every format', () => {
    for (const format of ['md', 'html', 'json', 'mct', 'hf']) {
      const a = cli(['card', 'adelie.mlnb', '--format', format, '--out', `cards/a.${format}`], dir);
      const b = cli(['card', 'adelie.mlnb', '--format', format, '--out', `cards/b.${format}`], dir);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      assert.equal(fs.readFileSync(path.join(dir, `cards/a.${format}`), 'utf8'), fs.readFileSync(path.join(dir, `cards/b.${format}`), 'utf8'), format);
    }
    assert.match(fs.readFileSync(path.join(dir, 'cards/a.md'), 'utf8'), /^# Model card: logistic\n/);
  });

  it('exits 1 and lists the sections when required prose is missing; 2 for a run that is not there or not an evaluation', () => {
    const bare = cli(['card', 'bare.mlnb'], dir);
    assert.equal(bare.code, 1);
    assert.match(bare.stdout, /^# Model card: logistic/, 'the card is still written');
    assert.match(bare.stderr, /missing required prose: intendedUse\.primary, ethicalConsiderations\.prose, caveatsAndRecommendations\.limitations/);
    const missing = cli(['card', 'nope.mlnb'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no run or notebook "nope\.mlnb"/);
    const problemRun = records().find((r) => r.kind === 'problem')!;
    const wrong = cli(['card', problemRun.id], dir);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /is a problem run; give an evaluation run/);
    assert.equal(cli(['card', 'adelie.mlnb', '--format', 'pdf'], dir).code, 2);
  });
});
