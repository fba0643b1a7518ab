import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { REPO } from '../paths';
import { runCli } from './cliHelpers';
import type { RegistryModel } from '../../../src/core/registry/contract';

const cli = (args: string[], cwd: string) => runCli(args, cwd, { timeout: 300_000, home: cwd });

/**
 * The species notebook: penguins with a row id, a stratified split, a pipeline whose
 * LogisticRegression takes `C`, an evaluation with a gate, and exportModel to models/species.
 * `fail` adds a cell that throws.
 */
function notebook(C: number, options: { allowFailedGates?: boolean; fail?: boolean } = {}): string {
  const cells = [
    {
      id: 'load',
      source:
        "import { readJSON, trainTestSplit } from 'modelbook';\nimport * as aq from 'arquero';\nconst penguins = (await readJSON('data/penguins.json')).derive({ penguinId: () => aq.op.row_number() });\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.3, stratify: 'Species', seed: 42 });",
    },
    {
      id: 'train',
      source: [
        "import { Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, numericColumns, categoricalColumns, LogisticRegression, evaluate, exportModel } from 'modelbook';",
        'const model = new Pipeline({',
        '  steps: [',
        "    new SimpleImputer({ name: 'imputeNumbers', columns: numericColumns(), strategy: 'median' }),",
        "    new SimpleImputer({ name: 'imputeCategories', columns: categoricalColumns(), strategy: 'mostFrequent' }),",
        '    new StandardScaler({ columns: numericColumns() }),',
        "    new OneHotEncoder({ columns: categoricalColumns(), handleUnknown: 'ignore' }),",
        '  ],',
        `  estimator: new LogisticRegression({ C: ${C} }),`,
        '});',
        "const features = train.select(aq.not('penguinId'));",
        "await model.fit(features, 'Species');",
        "const ev = await evaluate(model, test, { label: 'Species', idColumn: 'penguinId', gates: ['accuracy >= 0.9'], bootstrap: { resamples: 200, seed: 1 } });",
        `await exportModel(model, { to: 'models/species', name: 'species', run: ev, reference: features${options.allowFailedGates ? ', allowFailedGates: true' : ''} });`,
      ].join('\n'),
    },
    ...(options.fail ? [{ id: 'broken', source: "throw new Error('the feature store is down')" }] : []),
  ];
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((c) => ({ cell_type: 'code', id: c.id, metadata: {}, source: c.source, outputs: [], execution_count: null })),
  });
}

describe('cli: modelbook registry and modelbook retrain on a real workspace', function () {
  this.timeout(900_000);
  let dir: string;
  const registryFile = () => path.join(dir, '.modelbook', 'registry', 'species.json');
  const registry = () => JSON.parse(fs.readFileSync(registryFile(), 'utf8')) as RegistryModel;
  const writeNotebook = (text: string) => fs.writeFileSync(path.join(dir, 'species.mlnb'), text);

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-retrain-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, '.config', 'git'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.config', 'git', 'config'), '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n');
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(REPO, 'examples', 'data', 'penguins.json'), path.join(dir, 'data', 'penguins.json'));
  });
  after(() => {
    if (process.env.KEEP_RETRAIN_DIR) console.log(`      kept ${dir}`);
    else if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers the first run as the champion: register --alias, list, show; the file matches its schema', () => {
    writeNotebook(notebook(1));
    const run = cli(['run', 'species.mlnb'], dir);
    assert.equal(run.code, 0, run.stderr);
    const reg = cli(['registry', 'register', 'models/species', '--alias', 'champion'], dir);
    assert.equal(reg.code, 0, reg.stderr);
    assert.equal(reg.stdout, 'registered species v1 (models/species)\nspecies: champion → v1\n');
    const again = cli(['registry', 'register', 'models/species'], dir);
    assert.equal(again.stdout, 'already registered species v1 (models/species)\n');
    const m = registry();
    assert.deepEqual(m.aliases, { champion: 1 });
    assert.deepEqual(m.versions[0]!.createdBy, { name: 'Ada Lovelace', email: 'ada@example.com' });
    assert.ok(m.versions[0]!.runs.evaluation && fs.existsSync(path.join(dir, '.modelbook', 'runs', `${m.versions[0]!.runs.evaluation}.json`)));
    assert.deepEqual(
      m.history.map((d) => d.action),
      ['register', 'alias'],
    );
    const list = cli(['registry', 'list'], dir);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^model +versions +latest +aliases\nspecies +1 +v1 \d{4}-\d\d-\d\d +champion=v1\n$/);
    const show = cli(['registry', 'show', 'species'], dir);
    assert.match(show.stdout, /^species: 1 version\n\nversion +aliases +content hash/);
    assert.match(show.stdout, /v1 +champion +[0-9a-f]{12} +models\/species +[0-9A-Z]{26} /);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'registry-model.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
    assert.ok(validate(m), JSON.stringify(validate.errors, null, 2));
  });

  it('exit 3 when it cannot run: no such model, no champion alias, bad arguments', () => {
    const none = cli(['retrain', 'species.mlnb', '--champion', 'churn'], dir);
    assert.equal(none.code, 3);
    assert.match(none.stderr, /The registry has no model "churn"/);
    const bad = cli(['retrain', 'species.mlnb'], dir);
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /--champion NAME/);
    const format = cli(['retrain', 'species.mlnb', '--champion', 'species', '--format', 'html'], dir);
    assert.equal(format.code, 3);
    assert.equal(cli(['registry', 'register', 'models/species', '--name', 'other'], dir).code, 0);
    const noAlias = cli(['retrain', 'species.mlnb', '--champion', 'other'], dir);
    assert.equal(noAlias.code, 3);
    assert.match(noAlias.stderr, /other has no champion alias; point one at a version: `modelbook registry alias other 1 champion`/);
  });

  it('a heavily regularised challenger: exit 1, the champion stays, the rejection and its reasons are recorded', () => {
    writeNotebook(notebook(0.0001, { allowFailedGates: true }));
    const r = cli(['retrain', 'species.mlnb', '--champion', 'species', '--promote', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.decision, 'reject');
    assert.equal(report.applied, true);
    assert.match(report.line, /^not promoted: species v1 stays champion; challenger v2/);
    assert.ok(
      report.reasons.some((x: string) => /^gate accuracy >= 0\.9 fails on the challenger/.test(x)),
      report.reasons.join('\n'),
    );
    assert.ok(
      report.reasons.some((x: string) => /^significantly worse on accuracy \(−/.test(x)),
      report.reasons.join('\n'),
    );
    assert.equal(report.diff.pairs[0].metrics.find((x: { name: string }) => x.name === 'accuracy').method, 'paired-bootstrap');
    assert.ok(report.diff.pairs[0].flips.mcnemar);
    assert.match(r.stderr, /warning: models\/species now holds the rejected challenger/);
    const m = registry();
    assert.equal(m.aliases.champion, 1);
    assert.equal(m.versions.length, 2);
    const last = m.history[m.history.length - 1]!;
    assert.equal(last.action, 'reject');
    assert.equal(last.version, 2);
    assert.deepEqual(last.reasons, report.reasons);
    assert.equal(last.diff?.hash, report.diffHash);
    assert.equal(last.diff?.baseRun, m.versions[0]!.runs.evaluation);
  });

  it('without --promote it only reports: exit code of the decision, the registry untouched', () => {
    const before = fs.readFileSync(registryFile(), 'utf8');
    writeNotebook(notebook(2));
    const r = cli(['retrain', 'species.mlnb', '--champion', 'species'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^would promote \(run with --promote to apply\): species v3 replaces v1 as champion\n- the gate passes on the challenger\n- not significantly worse on any of \d+ metrics \(paired on \d+ rows\)\n/,
    );
    assert.match(r.stdout, /\nmodel diff run [0-9A-Z]{26} → run [0-9A-Z]{26}\n/);
    assert.equal(fs.readFileSync(registryFile(), 'utf8'), before);
  });

  it('an equal or better challenger with --promote: exit 0, champion moves, the old champion stays a version, md for a PR body', () => {
    const r = cli(['retrain', 'species.mlnb', '--champion', 'species', '--promote', '--format', 'md', '--out', 'diff.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /promoted: species v3 replaces v1 as champion\n$/);
    const md = fs.readFileSync(path.join(dir, 'diff.md'), 'utf8');
    assert.match(md, /^### ✅ Retrain `species`: promoted: species v3 replaces v1 as champion\n\nChampion v1 \(`[0-9a-f]{12}`, run [0-9A-Z]{26}\) vs challenger v3 /);
    assert.match(md, /\n<!-- modelbook:model-diff -->\n### .*Model diff/);
    const m = registry();
    assert.equal(m.aliases.champion, 3);
    assert.equal(m.versions.length, 3);
    const promote = m.history[m.history.length - 1]!;
    assert.equal(promote.action, 'promote');
    assert.equal(promote.previous, 1);
    assert.equal(promote.alias, 'champion');
    assert.ok(promote.diff?.hash.match(/^[0-9a-f]{64}$/));
    assert.deepEqual(
      m.history.map((d) => `${d.action} v${d.version}`),
      ['register v1', 'alias v1', 'register v2', 'reject v2', 'register v3', 'promote v3'],
    );
    const show = cli(['registry', 'show', 'species'], dir);
    assert.match(show.stdout, /promote v3 as champion \(was v1\) {2}diff [0-9a-f]{12}\n {6}- the gate passes/);
  });

  it('the same package again: no change needed, exit 0', () => {
    const r = cli(['retrain', 'species.mlnb', '--champion', 'species', '--promote'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^no change: the challenger is the champion species v3 \(same content hash\)\n$/);
  });

  it('a failing cell in the challenger run: exit 2, nothing recorded', () => {
    const before = fs.readFileSync(registryFile(), 'utf8');
    writeNotebook(notebook(1, { fail: true }));
    const r = cli(['retrain', 'species.mlnb', '--champion', 'species', '--promote'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /the feature store is down/);
    assert.match(r.stderr, /The challenger run failed \(1 cell failed\)/);
    assert.equal(fs.readFileSync(registryFile(), 'utf8'), before);
  });

  it('alias by hand, and a corrupt registry file is refused with the file and the fix, never rewritten', () => {
    const a = cli(['registry', 'alias', 'species', 'v2', 'challenger'], dir);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, 'species: challenger → v2\n');
    const unknown = cli(['registry', 'alias', 'species', '9', 'x'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /species has no version or alias "9"; it has versions 1–3 and the aliases challenger, champion\./);
    fs.writeFileSync(registryFile(), '{"kind": "modelbook.registry-model", "formatVersion": 1, "name": "species", "versions": [], "aliases": {"champion": 4}, "history": []}');
    const before = fs.readFileSync(registryFile(), 'utf8');
    const show = cli(['registry', 'show', 'species'], dir);
    assert.equal(show.code, 2);
    assert.match(
      show.stderr,
      /The registry file \.modelbook\/registry\/species\.json is not usable: aliases\.champion points at version 4, which the file does not have\. Fix it by hand or restore it from git/,
    );
    const reg = cli(['registry', 'register', 'models/species'], dir);
    assert.equal(reg.code, 2);
    const r = cli(['retrain', 'species.mlnb', '--champion', 'species', '--promote'], dir);
    assert.equal(r.code, 3);
    assert.equal(fs.readFileSync(registryFile(), 'utf8'), before);
  });
});
