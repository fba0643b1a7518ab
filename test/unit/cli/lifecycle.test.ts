import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { PackageManifest } from '../../../src/core/package/contract';
import type { RunRecord } from '../../../src/core/runs/contract';
import type { RegistryModel } from '../../../src/core/registry/contract';
import { loadModel } from '../../../src/store/package/loadModel';
import { penguinsWorkspace, runCli } from './cliHelpers';

const REASON = 'demo build for the review meeting';

/** The adelie notebook declaring that export needs split-before-fit and a team's own check (never run here). */
function adelie(withCheckpoint: boolean): string {
  const cells = [
    "import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, LogisticRegression, evaluate, exportModel, checkpoint, modelCard } from 'modelbook';\nconst penguins = (await readJSON('data/penguins.json')).derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });",
    "const pipe = await new Pipeline({ steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() }).fit(train, 'adelie');\nconst ev = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', name: 'logistic' });",
    ...(withCheckpoint ? ["await checkpoint('split-before-fit');"] : []),
    // The gate refuses the export from the cell; the cell checks the refusal itself.
    "let refusal = '';\ntry { await exportModel(pipe, { to: 'models/refused', run: ev, reference: train }); } catch (e) { refusal = e.message; }\nif (!/^exportModel: the notebook's lifecycle requires checkpoints to pass before it can export; missing:\\n(- .*\\n)*- team-review: not run/.test(refusal)) throw new Error('not refused: ' + refusal);",
    `await exportModel(pipe, { to: 'models/overridden', run: ev, reference: train, overrideLifecycle: '${REASON}' });`,
    "let empty = '';\ntry { await exportModel(pipe, { to: 'models/empty', run: ev, reference: train, overrideLifecycle: '  ' }); } catch (e) { empty = e.message; }\nif (!/override needs a reason/.test(empty)) throw new Error('empty reason accepted: ' + empty);",
    "modelCard({ run: ev, intendedUse: 'Tell Adelie penguins from the others', limitations: 'Three islands only', ethics: 'None: penguins' });",
  ];
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { modelbook: { lifecycle: { export: ['split-before-fit', 'team-review'] } } },
    cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source, outputs: [], execution_count: null })),
  });
}

describe('lifecycle gates: exportModel in a real kernel, modelbook export, diff and card', function () {
  this.timeout(600_000);
  let dir: string;
  const cli = (args: string[]) => runCli(args, dir, { timeout: 300_000, home: path.join(dir, '.home') });
  const records = () =>
    fs
      .readdirSync(path.join(dir, '.modelbook', 'runs'))
      .filter((n) => n.endsWith('.json'))
      .map((n) => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook', 'runs', n), 'utf8')) as RunRecord);
  const manifestOf = (p: string) => JSON.parse(fs.readFileSync(path.join(dir, p, 'modelbook.json'), 'utf8')) as PackageManifest;
  let evA: RunRecord;
  let evB: RunRecord;

  before(() => {
    dir = penguinsWorkspace('mb-lifecycle-', []);
    fs.writeFileSync(path.join(dir, 'adelie.mlnb'), adelie(true));
    const a = cli(['run', 'adelie.mlnb']);
    assert.equal(a.code, 0, a.stderr);
    evA = records().find((r) => r.kind === 'evaluation')!;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a cell’s export is refused with what is missing; the override is recorded in the manifest and as a lifecycle:export run', async () => {
    assert.ok(!fs.existsSync(path.join(dir, 'models', 'refused')), 'the refused export wrote nothing');
    assert.ok(!fs.existsSync(path.join(dir, 'models', 'empty')), 'an empty reason exported nothing');
    const m = manifestOf('models/overridden');
    assert.deepEqual(m.lifecycle, { required: ['split-before-fit', 'team-review'], missing: ['team-review'], overridden: { reason: REASON } });
    const lifecycle = records().filter((r) => r.name === 'lifecycle:export');
    assert.equal(lifecycle.length, 1, 'one export happened, one lifecycle:export run');
    const run = lifecycle[0]!;
    assert.equal(run.kind, 'checkpoint');
    assert.equal(run.session, evA.session);
    assert.deepEqual(
      { passed: run.params.passed, overridden: run.params.overridden, reason: run.params.reason, missing: run.params.missing, step: run.params.step, package: run.params.package },
      { passed: false, overridden: true, reason: REASON, missing: ['team-review'], step: 'export', package: m.contentHash },
    );
    // The lifecycle field is part of the content hash: the package loads, and an edited reason no longer does.
    await loadModel(path.join(dir, 'models', 'overridden'));
    const file = path.join(dir, 'models', 'overridden', 'modelbook.json');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(REASON, 'nothing to see here'));
    await assert.rejects(loadModel(path.join(dir, 'models', 'overridden')), /content hash/i);
    fs.writeFileSync(file, text);
  });

  it('modelbook export refuses (exit 1) with the list and the fix, refuses an empty reason (exit 2), and records an override', () => {
    const refused = cli(['export', evA.id, '--out', 'models/cli']);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(
      refused.stderr,
      /modelbook export: the notebook's lifecycle requires checkpoints to pass before it can export; missing:\n- team-review: not run \(no checkpoint\('team-review'\) run in this notebook's current session\); fix: run `await checkpoint\('team-review'\)`/,
    );
    assert.doesNotMatch(refused.stderr, /- split-before-fit/);
    assert.match(refused.stderr, /--override-lifecycle "the reason"/);
    assert.ok(!fs.existsSync(path.join(dir, 'models', 'cli')));
    const empty = cli(['export', evA.id, '--out', 'models/cli', '--override-lifecycle', ' ']);
    assert.equal(empty.code, 2, empty.stderr);
    assert.match(empty.stderr, /--override-lifecycle: the lifecycle override needs a reason/);
    const ok = cli(['export', evA.id, '--out', 'models/cli', '--override-lifecycle', 'hotfix approved by Ada']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(manifestOf('models/cli').lifecycle, { required: ['split-before-fit', 'team-review'], missing: ['team-review'], overridden: { reason: 'hotfix approved by Ada' } });
    const runs = records().filter((r) => r.name === 'lifecycle:export' && r.params.reason === 'hotfix approved by Ada');
    assert.equal(runs.length, 1, 'the CLI export is recorded as a lifecycle:export run');
    assert.equal(runs[0]!.session, evA.session);
    assert.equal(runs[0]!.params.package, manifestOf('models/cli').contentHash);
  });

  it('modelbook card shows the checkpoint results and the override with its reason, in every format', () => {
    const md = cli(['card', 'adelie.mlnb', '--format', 'md']);
    assert.equal(md.code, 0, md.stderr);
    const caveats = md.stdout.slice(md.stdout.indexOf('Caveats and Recommendations'));
    assert.match(caveats, /Lifecycle overrides/);
    assert.match(caveats, new RegExp(`\\| export \\| team-review \\| ${REASON} \\|`));
    assert.match(caveats, /Checkpoints/);
    assert.match(caveats, /\(split-before-fit\) \| passed \|/);
    const json = cli(['card', 'adelie.mlnb', '--format', 'json']);
    const card = JSON.parse(json.stdout) as { sections: { caveatsAndRecommendations: { checkpoints?: { id: string; passed: boolean }[]; lifecycleOverrides?: { reason: string }[] } } };
    assert.deepEqual(
      card.sections.caveatsAndRecommendations.checkpoints?.map((c) => [c.id, c.passed]),
      [['split-before-fit', true]],
    );
    assert.ok(card.sections.caveatsAndRecommendations.lifecycleOverrides?.some((o) => o.reason === REASON));
    for (const format of ['html', 'hf']) {
      const r = cli(['card', 'adelie.mlnb', '--format', format]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.includes(REASON), `${format} names the override's reason`);
    }
    const again = cli(['card', 'adelie.mlnb', '--format', 'md']);
    assert.equal(again.stdout, md.stdout, 'the card’s bytes stay the same');
  });

  it('modelbook diff --format md has a Checkpoints section: each id on both sides, and the overrides with their reasons', () => {
    fs.writeFileSync(path.join(dir, 'adelie.mlnb'), adelie(false));
    const b = cli(['run', 'adelie.mlnb']);
    assert.equal(b.code, 0, b.stderr);
    evB = records().filter((r) => r.kind === 'evaluation' && r.session !== evA.session)[0]!;
    const r = cli(['diff', `run:${evA.id}`, `run:${evB.id}`, '--format', 'md', '--fail-on', 'never']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\*\*Checkpoints\*\*\n\n\| checkpoint \| base \| head \| \|\n\|---\|---\|---\|---\|\n\| `split-before-fit` \| ✓ passed \| not run \| {2}\|/);
    assert.match(r.stdout, new RegExp(`- ⚠️ base: export overridden \\(missing team-review\\): “${REASON}”`));
    assert.match(r.stdout, new RegExp(`- ⚠️ head: export overridden \\(missing split-before-fit, team-review\\): “${REASON}”`));
  });
});

describe('lifecycle gates: modelbook retrain --promote', function () {
  this.timeout(900_000);
  let dir: string;
  const cli = (args: string[]) => runCli(args, dir, { timeout: 300_000, home: path.join(dir, '.home') });
  const species = (C: number) =>
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { modelbook: { lifecycle: { promote: ['team-review'] } } },
      cells: [
        "import { readJSON, trainTestSplit, Pipeline, SimpleImputer, OneHotEncoder, StandardScaler, LogisticRegression, evaluate, exportModel } from 'modelbook';\nconst penguins = await readJSON('data/penguins.json');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.3, stratify: 'Species', seed: 42 });",
        `const model = await new Pipeline({ steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression({ C: ${C} }) }).fit(train.select('Species', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex'), 'Species');\nconst ev = await evaluate(model, test, { label: 'Species', bootstrap: { resamples: 200, seed: 1 } });\nawait exportModel(model, { to: 'models/species', name: 'species', run: ev, reference: train.select('Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex') });`,
      ].map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source, outputs: [], execution_count: null })),
    });
  const registry = () => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook', 'registry', 'species.json'), 'utf8')) as RegistryModel;

  before(() => {
    dir = penguinsWorkspace('mb-lifecycle-retrain-', []);
    fs.writeFileSync(path.join(dir, 'species.mlnb'), species(1));
    const run = cli(['run', 'species.mlnb']);
    assert.equal(run.code, 0, run.stderr);
    const reg = cli(['registry', 'register', 'models/species', '--alias', 'champion']);
    assert.equal(reg.code, 0, reg.stderr);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses promotion (exit 1) while the required checkpoint has not run, then promotes with --override-lifecycle and records the reason', () => {
    fs.writeFileSync(path.join(dir, 'species.mlnb'), species(2));
    const refused = cli(['retrain', 'species.mlnb', '--champion', 'species', '--promote']);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /modelbook retrain --promote: the notebook's lifecycle requires checkpoints to pass before it can promote; missing:\n- team-review: not run/);
    assert.equal(registry().aliases.champion, 1, 'the champion stays');
    const ok = cli(['retrain', 'species.mlnb', '--champion', 'species', '--promote', '--override-lifecycle', 'the reviewer is on leave; Ada signed off by mail']);
    assert.equal(ok.code, 0, ok.stderr);
    const m = registry();
    assert.notEqual(m.aliases.champion, 1);
    const promote = m.history[m.history.length - 1]!;
    assert.equal(promote.action, 'promote');
    assert.ok(
      promote.reasons?.some((r) => /lifecycle gate overridden \(missing team-review\): the reviewer is on leave/.test(r)),
      JSON.stringify(promote.reasons),
    );
    const runs = fs
      .readdirSync(path.join(dir, '.modelbook', 'runs'))
      .filter((n) => n.endsWith('.json'))
      .map((n) => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook', 'runs', n), 'utf8')) as RunRecord)
      .filter((r) => r.name === 'lifecycle:promote');
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.params.overridden, true);
    assert.equal(runs[0]!.params.reason, 'the reviewer is on leave; Ada signed off by mail');
  });
});
