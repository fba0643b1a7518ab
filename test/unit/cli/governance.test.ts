import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { REPO } from '../paths';
import { penguinsWorkspace, runCli } from './cliHelpers';

const cli = (args: string[], cwd: string) => runCli(args, cwd, { home: path.join(cwd, '.home') });

const CELLS = [
  "import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, LogisticRegression, evaluate, exportModel } from 'modelbook';\nconst penguins = (await readJSON('data/penguins.json')).derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });",
  "const pipe = await new Pipeline({ steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() }).fit(train, 'adelie');\nconst ev = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', slices: ['Sex'], name: 'logistic', gates: ['accuracy >= 0.8'] });\nawait exportModel(pipe, { to: 'models/adelie', run: ev, reference: train });",
];

describe('cli: modelbook lineage, approve, approvals, audit', function () {
  this.timeout(180_000);
  let dir: string;
  let evaluation: string;
  let fit: string;

  before(() => {
    dir = penguinsWorkspace('mb-gov-', CELLS);
    const r = cli(['run', 'adelie.mlnb'], dir);
    assert.equal(r.code, 0, r.stderr);
    const runs = JSON.parse(cli(['runs', '--json'], dir).stdout) as { id: string; kind: string }[];
    evaluation = runs.find((x) => x.kind === 'evaluation')!.id;
    fit = runs.find((x) => x.kind === 'fit')!.id;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lineage of the exported package: data → pipeline → fit → evaluation → package, complete; JSON matches the schema', () => {
    const text = cli(['lineage', 'models/adelie'], dir);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /✓ data +train [0-9a-f]{16} +\(258 rows × 5 columns\)/);
    assert.match(text.stdout, /✓ pipeline +SimpleImputer → StandardScaler → OneHotEncoder → LogisticRegression/);
    assert.match(text.stdout, new RegExp(`✓ fit .*${fit}`));
    assert.match(text.stdout, new RegExp(`✓ evaluation .*${evaluation} +\\(gates 1/1 passed\\)`));
    assert.match(text.stdout, /Lineage complete\./);
    const json = cli(['lineage', evaluation, '--format', 'json'], dir);
    const lineage = JSON.parse(json.stdout) as { nodes: { kind: string }[]; complete: boolean };
    assert.equal(lineage.complete, true);
    assert.ok(
      lineage.nodes.some((n) => n.kind === 'package'),
      'the run’s package is found',
    );
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'lineage.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: true }).compile(schema);
    assert.ok(validate(lineage), JSON.stringify(validate.errors));
  });

  it('names the missing evaluation run and exits 1 when its record is gone', () => {
    const copy = path.join(dir, '.modelbook', 'runs', `${evaluation}.json`);
    const bytes = fs.readFileSync(copy);
    fs.rmSync(copy);
    try {
      const r = cli(['lineage', 'models/adelie'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stdout, new RegExp(`the package's evaluation run ${evaluation} is not in .modelbook/runs: commit it`));
      assert.equal(cli(['lineage', 'nope'], dir).code, 2);
    } finally {
      fs.writeFileSync(copy, bytes);
    }
  });

  it('required roles refuse export until approved; a changed card makes the approval older; audit exits 0 then 1', () => {
    fs.writeFileSync(path.join(dir, '.modelbook', 'governance.json'), '{"requiredRoles": ["model-owner", "risk"]}');
    const refused = cli(['export', evaluation, '--out', 'models/cli'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /needs a current approval from model-owner, risk .*npx modelbook approve .* --role model-owner/);
    assert.equal(fs.existsSync(path.join(dir, 'models/cli')), false);

    for (const role of ['model-owner', 'risk']) assert.equal(cli(['approve', evaluation, '--role', role], dir).code, 0);
    assert.equal(cli(['export', evaluation, '--out', 'models/cli'], dir).code, 0);

    fs.writeFileSync(path.join(dir, 'models/adelie/card.md'), '# Adelie classifier\n');
    for (const role of ['model-owner', 'risk']) assert.equal(cli(['approve', 'models/adelie', '--role', role, '--note', 'read the card'], dir).code, 0);
    const files = fs.readdirSync(path.join(dir, '.modelbook', 'approvals'));
    assert.equal(files.length, 4);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, '.modelbook', 'approvals', files.sort().at(-1)!), 'utf8')) as {
      by: { name: string };
      subject: { card?: unknown; package?: unknown };
      gates: unknown[];
    };
    assert.equal(entry.by.name, 'Ada Lovelace');
    assert.ok(entry.subject.card && entry.subject.package);
    assert.deepEqual(entry.gates, [{ name: 'accuracy >= 0.8', passed: true }]);

    const ok = cli(['audit', 'models/adelie'], dir);
    assert.equal(ok.code, 0, ok.stdout);
    // The data file the notebook reads, and the PII scans the kernel recorded with the data the evaluation and its fit used.
    assert.match(ok.stdout, /PASS pii +no identifier columns in data\/penguins.json, test data of evaluation run \w+, train data of fit run \w+; sensitive attributes by name: Sex \(sex\)\n/);
    assert.match(ok.stdout, /PASS fairness +fairness results for Sex/);

    fs.writeFileSync(path.join(dir, 'models/adelie/card.md'), '# Adelie classifier, edited\n');
    const listed = cli(['approvals', 'models/adelie'], dir);
    assert.match(listed.stdout, /older +risk .*\n +approved an older version: card models\/adelie\/card.md changed since/);
    const failed = cli(['audit', 'adelie.mlnb', '--format', 'json'], dir);
    assert.equal(failed.code, 1);
    const report = JSON.parse(failed.stdout) as { checks: { name: string; passed: boolean; fix?: string }[] };
    assert.deepEqual(
      report.checks.filter((c) => !c.passed).map((c) => c.name),
      ['approvals'],
    );
    assert.equal(cli(['audit', 'missing.mlnb'], dir).code, 2);
  });

  it("audit takes sensitive attributes from problem() and the card's missing prose from modelCard()", () => {
    const cells = [
      "import { problem } from 'modelbook';\nproblem({ objective: 'Tell Adelie penguins apart', target: 'adelie', users: 'field biologists', decision: 'which birds to re-tag', successCriteria: 'accuracy >= 0.8', constraints: 'none', sensitiveAttributes: ['Sex', 'Island'] });",
      ...CELLS.map((c) => c.replace("'models/adelie'", "'models/carded'")),
      "import { modelCard } from 'modelbook';\nmodelCard({ run: ev, intendedUse: 'Research triage', limitations: '', ethics: 'No people involved' });",
    ];
    const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: cells.map((source, i) => ({ cell_type: 'code', id: `d${i}`, metadata: {}, source, outputs: [], execution_count: null })) };
    fs.writeFileSync(path.join(dir, 'carded.mlnb'), JSON.stringify(nb));
    fs.rmSync(path.join(dir, '.modelbook', 'governance.json'), { force: true });
    const r = cli(['run', 'carded.mlnb'], dir);
    assert.equal(r.code, 0, r.stderr);
    const audit = cli(['audit', 'carded.mlnb'], dir);
    assert.equal(audit.code, 1, audit.stdout);
    assert.match(
      audit.stdout,
      /FAIL fairness +no fairness results for Island \(declared in the problem definition\)\n +fix: evaluate with slices: evaluate\(model, test, \{ slices: \["Island"\] \}\)/,
    );
    assert.match(audit.stdout, /FAIL card +.* lacks limitations/);
  });
});
