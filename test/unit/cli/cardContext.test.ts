import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { MODEL_CARD_MIME, type ModelCard } from '../../../src/core/card/contract';
import type { PackageManifest } from '../../../src/core/package/contract';
import type { RunRecord } from '../../../src/core/runs/contract';
import { writeReview } from '../../../src/store/reviews/reviewFiles';
import { penguinsWorkspace, runCli } from './cliHelpers';

const cli = (args: string[], cwd: string) => runCli(args, cwd, { home: path.join(cwd, '.home') });

const PROSE = "intendedUse: 'Sorting field measurements before review.', limitations: 'Three islands, one season.', ethics: 'No person is affected.'";
const CELLS = [
  "import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, LogisticRegression, evaluate, problem, modelCard, exportModel, monitor } from 'modelbook';\nconst penguins = (await readJSON('data/penguins.json')).derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');\nconst { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });",
  "const pipe = await new Pipeline({ steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() }).fit(train, 'adelie');\nconst ev = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', threshold: 0.4, name: 'logistic', slices: ['Sex'], gates: ['accuracy >= 0.8'] });",
  `modelCard({ run: ev, ${PROSE} })`,
  "const manifest = await exportModel(pipe, { to: 'models/adelie', run: ev, reference: train });",
  `modelCard({ run: ev, package: manifest, monitoring: await monitor('models/adelie', test), ${PROSE} })`,
];

describe('cli: modelbook card with a package, monitoring, reviews and approvals', function () {
  this.timeout(240_000);
  let dir: string;
  let evaluation: RunRecord;
  let manifest: PackageManifest;

  before(() => {
    dir = penguinsWorkspace('mb-cardctx-', CELLS);
    const r = cli(['run', 'adelie.mlnb'], dir);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const runs = fs.readdirSync(path.join(dir, '.modelbook', 'runs')).filter((f) => f.endsWith('.json'));
    evaluation = runs.map((f) => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook', 'runs', f), 'utf8')) as RunRecord).find((x) => x.kind === 'evaluation')!;
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'models', 'adelie', 'modelbook.json'), 'utf8')) as PackageManifest;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const card = (...extra: string[]) => {
    const r = cli(['card', 'adelie.mlnb', '--format', 'json', ...extra], dir);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as ModelCard;
  };

  it('in a cell, modelCard({ package, monitoring }) versions the card by the package and shows the monitoring status', () => {
    const nb = JSON.parse(fs.readFileSync(path.join(dir, 'adelie.mlnb'), 'utf8')) as { cells: { outputs: { data?: Record<string, unknown> }[] }[] };
    const shown = nb.cells[4].outputs.find((o) => o.data?.[MODEL_CARD_MIME])?.data?.[MODEL_CARD_MIME] as ModelCard;
    assert.equal(shown.sections.modelDetails.version, manifest.contentHash);
    assert.equal(shown.sections.modelDetails.packageName, 'adelie');
    assert.ok(['ok', 'warning', 'critical'].includes(shown.sections.quantitativeAnalyses.monitoring!.status), JSON.stringify(shown.sections.quantitativeAnalyses.monitoring));
    assert.equal(shown.sections.quantitativeAnalyses.monitoring!.currentRows, evaluation.params.rows);
  });

  it('--package makes the version the manifest’s content hash and --monitor adds the report’s status', () => {
    assert.equal(card().sections.modelDetails.version, evaluation.id, 'without a package the version is the evaluation run');
    const mon = cli(['monitor', 'models/adelie', 'data/penguins.json', '--format', 'json', '--out', 'monitoring/june.json'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'monitoring', 'june.json')), mon.stderr);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'monitoring', 'june.json'), 'utf8')) as { summary: { status: string }; current: { rows: number } };
    const c = card('--package', 'models/adelie', '--monitor', 'monitoring/june.json');
    assert.equal(c.sections.modelDetails.version, manifest.contentHash);
    assert.equal(c.sections.quantitativeAnalyses.monitoring?.status, report.summary.status);
    assert.equal(c.sections.quantitativeAnalyses.monitoring?.currentRows, report.current.rows);
    const md = cli(['card', 'adelie.mlnb', '--package', 'models/adelie', '--monitor', 'monitoring/june.json'], dir).stdout;
    assert.ok(md.includes(manifest.contentHash), 'the Markdown names the package hash');
    assert.match(md, new RegExp(`Latest monitoring[\\s\\S]*\\| ${report.summary.status} \\|`));
  });

  it('refuses a folder that is not a package and a file that is not a monitoring report (exit 2)', () => {
    const other = cli(['card', 'adelie.mlnb', '--package', 'data'], dir);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /data is not a readable model package/);
    const notReport = cli(['card', 'adelie.mlnb', '--monitor', 'models/adelie/modelbook.json'], dir);
    assert.equal(notReport.code, 2);
    assert.match(notReport.stderr, /is not a monitoring report/);
  });

  it('lists the approvals-log sign-offs and the review records of the evaluation, with the role', () => {
    assert.deepEqual(card().sections.caveatsAndRecommendations.reviews, []);
    assert.equal(cli(['approve', evaluation.id, '--role', 'model-owner'], dir).code, 0);
    writeReview(dir, {
      version: 1,
      id: '01JD0000000000000000000000',
      reviewer: { name: 'Grace Hopper', email: 'grace@example.com' },
      verdict: 'request-changes',
      base: { runIds: [] },
      head: { runIds: [evaluation.id] },
      diffHash: '',
      createdAt: '2026-12-01T10:00:00.000Z',
    });
    const reviews = card('--package', 'models/adelie').sections.caveatsAndRecommendations.reviews;
    assert.deepEqual(
      reviews.map((r) => [r.reviewer, r.verdict, r.role ?? null, r.headRunIds]),
      [
        ['Grace Hopper', 'request-changes', null, [evaluation.id]],
        ['Ada Lovelace', 'approve', 'model-owner', [evaluation.id]],
      ],
    );
    const md = cli(['card', 'adelie.mlnb'], dir).stdout;
    assert.match(md, /\| Ada Lovelace \| model-owner \| approve \|/);
  });

  it('exportModel wrote card.md from the card run naming the evaluation; exporting the same runs again writes the same bytes', () => {
    const inPackage = fs.readFileSync(path.join(dir, 'models', 'adelie', 'card.md'), 'utf8');
    const cardRuns = fs
      .readdirSync(path.join(dir, '.modelbook', 'runs'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook', 'runs', f), 'utf8')) as RunRecord)
      .filter((r) => r.kind === 'card')
      .sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
    assert.equal(cardRuns.length, 2);
    assert.ok(manifest.files['card.md'], 'the card is hashed into the package');
    assert.match(inPackage, /^# Model card: adelie\n/);
    assert.ok(inPackage.includes('Sorting field measurements before review.'));
    assert.ok(inPackage.includes(cardRuns[0].id) && !inPackage.includes(cardRuns[1].id), 'made from the card run recorded before the export');
    assert.ok(!inPackage.includes('Ada Lovelace'), 'no sign-offs in the package card: they come after it');
    for (const out of ['models/a', 'models/b']) assert.equal(cli(['export', evaluation.id, '--out', out, '--name', 'adelie'], dir).code, 0);
    const a = fs.readFileSync(path.join(dir, 'models', 'a', 'card.md'), 'utf8');
    assert.equal(fs.readFileSync(path.join(dir, 'models', 'b', 'card.md'), 'utf8'), a, 'same runs, same card bytes');
    const hashes = ['a', 'b'].map((d) => (JSON.parse(fs.readFileSync(path.join(dir, 'models', d, 'modelbook.json'), 'utf8')) as PackageManifest).files['card.md']);
    assert.equal(hashes[0], hashes[1]);
    assert.ok(a.includes(cardRuns[1].id), 'the latest card run naming the evaluation');
    const lineage = cli(['lineage', 'models/adelie'], dir);
    assert.match(lineage.stdout, /✓ card +card\.md/);
  });
});
