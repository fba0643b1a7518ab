import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { REPO } from '../paths';
import { runCli } from './cliHelpers';
import { gitIn } from '../store/review/helpers';
import { REVIEW_RECORD_VERSION, type ReviewRecord } from '../../../src/core/review/threadContract';
import { createThread, setThreadStatus } from '../../../src/core/review/threadEdits';
import { serializeThread } from '../../../src/core/review/threads';
import { serializeReviewRecord } from '../../../src/core/review/reviewRecords';
import { fixedContext } from '../core/review/threadHelpers';

const cli = (args: string[], cwd: string) => runCli(args, cwd, { timeout: 180_000 });

/** The churn-style notebook: load (rows get an id, so base and head match rows whatever the features), split, a pipeline with `C` and the feature columns, evaluate with a gate. */
function notebook(C: number, dropColumn: string | undefined): string {
  const cells = [
    {
      id: 'load',
      source: "import { readJSON } from 'modelbook';\nimport * as aq from 'arquero';\nconst penguins = (await readJSON('data/penguins.json')).derive({ penguinId: () => aq.op.row_number() });",
    },
    {
      id: 'features',
      source: dropColumn
        ? `import { trainTestSplit } from 'modelbook';\nconst data = penguins.select(penguins.columnNames().filter((c) => c !== '${dropColumn}'));\nconst { train, test } = trainTestSplit(data, { testSize: 0.3, stratify: 'Species', seed: 42 });`
        : "import { trainTestSplit } from 'modelbook';\nconst data = penguins;\nconst { train, test } = trainTestSplit(data, { testSize: 0.3, stratify: 'Species', seed: 42 });",
    },
    {
      id: 'evaluate',
      source: [
        "import { Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, numericColumns, categoricalColumns, LogisticRegression, evaluate } from 'modelbook';",
        'const model = new Pipeline({',
        '  steps: [',
        "    new SimpleImputer({ name: 'imputeNumbers', columns: numericColumns(), strategy: 'median' }),",
        "    new SimpleImputer({ name: 'imputeCategories', columns: categoricalColumns(), strategy: 'mostFrequent' }),",
        '    new StandardScaler({ columns: numericColumns() }),',
        "    new OneHotEncoder({ columns: categoricalColumns(), handleUnknown: 'ignore' }),",
        '  ],',
        `  estimator: new LogisticRegression({ C: ${C} }),`,
        '});',
        "await model.fit(train.select(aq.not('penguinId')), 'Species');",
        "const ev = await evaluate(model, test, { label: 'Species', idColumn: 'penguinId', slices: ['Sex'], gates: ['accuracy >= 0.9'], bootstrap: { resamples: 200, seed: 1 } });",
        'ev.passed',
      ].join('\n'),
    },
  ];
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((c) => ({ cell_type: 'code', id: c.id, metadata: {}, source: c.source, outputs: [], execution_count: null })),
  });
}

describe('cli: modelbook diff on a real git repository', function () {
  this.timeout(600_000);
  let dir: string;
  let git: ReturnType<typeof gitIn>;

  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) {
      console.log('      skipped: git is not installed');
      this.skip();
    }
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-diff-')));
    git = gitIn(dir);
    git('init', '-q');
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(REPO, 'examples', 'data', 'penguins.json'), path.join(dir, 'data', 'penguins.json'));
    // base: C = 1 on every column
    fs.writeFileSync(path.join(dir, 'churn.mlnb'), notebook(1, undefined));
    const base = cli(['run', 'churn.mlnb'], dir);
    assert.equal(base.code, 0, base.stderr);
    git('add', '-A');
    git('commit', '-q', '-m', 'base model');
    // head: a hyperparameter (C = 0.001) and a feature (no Island column), re-run headless
    fs.writeFileSync(path.join(dir, 'churn.mlnb'), notebook(0.001, 'Island'));
    const head = cli(['run', 'churn.mlnb'], dir);
    assert.equal(head.code, 0, head.stderr);
    git('add', '-A');
    git('commit', '-q', '-m', 'smaller C, no island');
  });
  after(() => {
    if (process.env.KEEP_DIFF_REPO) console.log(`      kept ${dir}`);
    else if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('text: the verdict, the changed C, the dropped column, the changed cells; exit 1 when a gate fails on head', () => {
    const r = cli(['diff', 'HEAD~1', 'HEAD'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^model diff HEAD~1 \([0-9a-f]{12}\) → HEAD \([0-9a-f]{12}\)\nFAILED \(--fail-on gates\): head is significantly worse on /);
    assert.match(r.stdout, /C +1 +→ +0\.001/);
    assert.match(r.stdout, /accuracy >= 0\.9 +pass +→ +FAIL +newly failing/);
    assert.match(r.stdout, /data test.*columns -Island/);
    assert.match(r.stdout, /-- cell features \(#2\) changed/);
    assert.match(r.stdout, /-- cell evaluate \(#3\) changed\n@@ .*\n(.*\n)*- {2}estimator: new LogisticRegression\(\{ C: 1 \}\),\n\+ {2}estimator: new LogisticRegression\(\{ C: 0\.001 \}\),/);
    assert.match(r.stdout, /flips: \d+ rows on both sides: \d+ changed, \d+ fixes, \d+ regressions/);
  });

  it('md: a PR comment to --out, written whole; json: valid against the schema', () => {
    const md = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'md', '--out', 'diff.md', '--fail-on', 'never'], dir);
    assert.equal(md.code, 0, md.stderr);
    assert.equal(md.stdout, '');
    const text = fs.readFileSync(path.join(dir, 'diff.md'), 'utf8');
    assert.match(text, /^<!-- modelbook:model-diff -->\n### ⚠️ Model diff `HEAD~1 \([0-9a-f]{12}\)` → `HEAD/);
    assert.match(text, /\| accuracy \| [0-9.]+ \| [0-9.]+ \| −[0-9.]+ \| \[−[0-9.]+, −[0-9.]+\] \| [<0-9.]+ \| ▼ worse \|/);
    assert.match(text, /\*\*Slices that moved\*\*\n\n\| slice \| group \|.*\n.*\n\| Sex \| (FEMALE|MALE) \| accuracy \| −/);
    assert.ok(text.length < 60_000);

    const js = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], dir);
    assert.equal(js.code, 1, js.stderr);
    const doc = JSON.parse(js.stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-diff.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const valid = (x: unknown): boolean => validate(x); // no type guard: the documents stay `any` for the checks below
    assert.ok(valid(doc), JSON.stringify(validate.errors, null, 2));
    assert.equal(doc.pairs.length, 1);
    assert.equal(doc.pairs[0].cellId, 'evaluate');
    assert.equal(doc.pairs[0].flips.mcnemar !== undefined, true);
    assert.equal(doc.pairs[0].metrics.find((m: { name: string }) => m.name === 'accuracy').method, 'paired-bootstrap');
    assert.deepEqual(
      doc.code[0].cells.map((c: { cellId: string }) => c.cellId),
      ['features', 'evaluate'],
    );
    assert.equal(doc.failed, true);
  });

  it('html: one self-contained file with the verdict and charts as inline SVG, no scripts, no network', () => {
    const r = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'html', '--out', 'diff.html', '--fail-on', 'never'], dir);
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(path.join(dir, 'diff.html'), 'utf8');
    assert.match(html, /<svg[\s\S]*<\/svg>/);
    assert.match(html, /accuracy/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:\/\//);
  });

  it('exit 0 when nothing fails the rule (a revision against itself, or --fail-on never)', () => {
    const same = cli(['diff', 'HEAD', 'HEAD', '--fail-on', 'regression'], dir);
    assert.equal(same.code, 1, 'head fails its gate, so even a diff with itself fails on gates');
    const base = cli(['diff', 'HEAD~1', 'HEAD~1', '--fail-on', 'regression'], dir);
    assert.equal(base.code, 0, base.stderr);
    assert.match(base.stdout, /ok \(--fail-on regression\): no significant metric change; gates: all pass/);
    assert.equal(cli(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'never'], dir).code, 0);
  });

  it('--notebook keeps one notebook; WORKTREE reads the uncommitted runs', () => {
    const other = cli(['diff', 'HEAD~1', 'HEAD', '--notebook', 'other.mlnb', '--fail-on', 'regression'], dir);
    assert.equal(other.code, 0, other.stderr);
    assert.match(other.stderr, /warning: nothing to compare/);
    const churn = cli(['diff', 'HEAD~1', 'HEAD', '--notebook', 'churn.mlnb', '--format', 'json'], dir);
    assert.equal(JSON.parse(churn.stdout).pairs.length, 1);
    const work = cli(['diff', 'HEAD', 'WORKTREE', '--fail-on', 'regression'], dir);
    assert.equal(work.code, 1, 'the work tree holds the head runs, whose gate fails');
    assert.match(work.stdout, /no significant metric change; gates: 1 failing \(on base too\)/);
  });

  it('lists the open threads and the reviews of head, from the work tree for the checked-out head and through git for another; hostile files are skipped with a warning', () => {
    const ctx = fixedContext();
    const threadsDir = path.join(dir, '.modelbook', 'reviews', 'threads');
    const approvalsDir = path.join(dir, '.modelbook', 'reviews', 'approvals');
    fs.mkdirSync(threadsDir, { recursive: true });
    fs.mkdirSync(approvalsDir, { recursive: true });
    const ada = { name: 'Ada', email: 'ada@example.com' };
    const open = createThread({ notebook: 'churn.mlnb', cellId: 'evaluate', metric: 'accuracy' }, ada, 'Why did accuracy drop?', ctx);
    const resolved = setThreadStatus(createThread({ notebook: 'churn.mlnb', cellId: 'load' }, ada, 'Old question', ctx), 'resolved');
    for (const t of [open, resolved]) fs.writeFileSync(path.join(threadsDir, `${t.id}.json`), serializeThread(t));
    // Hostile files: not JSON, a thread under another thread's name, a file over the size limit, a folder named like a file, a symlink out of the repository.
    fs.writeFileSync(path.join(threadsDir, '01JD0000000000000000000000.json'), '{"version":1,"id":');
    fs.writeFileSync(path.join(threadsDir, '01JD0000000000000000000001.json'), serializeThread(open));
    fs.writeFileSync(path.join(threadsDir, '01JD0000000000000000000002.json'), `{"pad":"${'x'.repeat(1 << 20)}"}`);
    fs.mkdirSync(path.join(threadsDir, '01JD0000000000000000000003.json'));
    fs.writeFileSync(path.join(threadsDir, '01JD0000000000000000000003.json', 'keep'), '');
    fs.symlinkSync('/etc/hostname', path.join(threadsDir, '01JD0000000000000000000004.json'));
    const headCommit = git('rev-parse', 'HEAD').trim();
    const review: ReviewRecord = {
      version: REVIEW_RECORD_VERSION,
      id: '01JD0000000000000000000009',
      reviewer: { name: 'Bob', email: 'bob@example.com' },
      verdict: 'request-changes',
      base: { runIds: [] },
      head: { rev: headCommit, runIds: [] },
      diffHash: '',
      createdAt: '2026-12-07T06:00:00.000Z',
      body: 'Keep the island feature.',
    };
    fs.writeFileSync(path.join(approvalsDir, `${review.id}.json`), serializeReviewRecord(review));

    // HEAD is checked out: the threads are read from the work tree (uncommitted, as a reviewer writes them).
    const js = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(js.code, 0, js.stderr);
    const doc = JSON.parse(js.stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-diff.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const valid = (x: unknown): boolean => validate(x);
    assert.ok(valid(doc), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(doc.threads, [
      { id: open.id, notebook: 'churn.mlnb', cellId: 'evaluate', metric: 'accuracy', author: 'Ada', createdAt: open.createdAt, comments: 1, title: 'Why did accuracy drop?' },
    ]);
    assert.deepEqual(doc.reviews, [{ id: review.id, reviewer: 'Bob', verdict: 'request-changes', createdAt: review.createdAt, sameDiff: false, title: 'Keep the island feature.' }]);
    assert.equal(doc.pairs.length, 1, 'the diff itself is unchanged');
    for (const bad of ['01JD0000000000000000000000', '01JD0000000000000000000001', '01JD0000000000000000000002', '01JD0000000000000000000003', '01JD0000000000000000000004'])
      assert.match(js.stderr, new RegExp(`warning: HEAD: \\.modelbook/reviews/threads/${bad}\\.json: skipped: `), bad);

    const text = cli(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'never'], dir);
    assert.match(
      text.stdout,
      /== review at head: 1 open review thread · 1 review\n {3}✗ changes requested by Bob \(an earlier diff, 2026-12-07\): Keep the island feature\.\n {3}thread churn\.mlnb · cell evaluate · metric accuracy — Ada, 1 comment: Why did accuracy drop\?/,
    );
    cli(['diff', 'HEAD~1', 'HEAD', '--format', 'md', '--out', 'review.md', '--fail-on', 'never'], dir);
    assert.match(fs.readFileSync(path.join(dir, 'review.md'), 'utf8'), /\*\*Review:\*\* 1 open review thread · 1 review\n\n- ❌ changes requested by Bob/);
    cli(['diff', 'HEAD~1', 'HEAD', '--format', 'html', '--out', 'review.html', '--fail-on', 'never'], dir);
    assert.match(fs.readFileSync(path.join(dir, 'review.html'), 'utf8'), /<section id="review">.*Why did accuracy drop\?/s);

    // Committed (the folder entry too big to matter is left out), then another commit is checked out: the head revision is read through git.
    fs.rmSync(path.join(threadsDir, '01JD0000000000000000000003.json'), { recursive: true });
    git('add', '.modelbook/reviews');
    git('commit', '-q', '-m', 'review threads');
    const reviewed = git('rev-parse', 'HEAD').trim();
    git('checkout', '-q', 'HEAD~1');
    try {
      fs.rmSync(path.join(dir, '.modelbook', 'reviews'), { recursive: true, force: true });
      const atRev = cli(['diff', 'HEAD~1', reviewed, '--format', 'json', '--fail-on', 'never'], dir);
      assert.equal(atRev.code, 0, atRev.stderr);
      const d = JSON.parse(atRev.stdout);
      assert.deepEqual(
        d.threads.map((t: { id: string }) => t.id),
        [open.id],
      );
      assert.equal(d.reviews, undefined, 'the review was for the commit before');
      assert.match(atRev.stderr, new RegExp(`warning: ${reviewed}: ${reviewed.slice(0, 12)}:\\.modelbook/reviews/threads/01JD0000000000000000000000\\.json: skipped: `));
      assert.match(atRev.stderr, /01JD0000000000000000000002\.json: skipped: larger than/);
      // The checked-out commit has no threads, and its work tree none either.
      assert.equal(JSON.parse(cli(['diff', 'HEAD~1', 'HEAD', '--format', 'json', '--fail-on', 'never'], dir).stdout).threads, undefined);
    } finally {
      git('checkout', '-q', '-');
    }
  });

  it('exit 2 for bad arguments and unreadable input', () => {
    const cases: [string[], RegExp][] = [
      [['diff', 'HEAD'], /needs BASE and HEAD/],
      [['diff', 'HEAD~1', 'HEAD', '--format', 'pdf'], /--format must be one of text, md, json, html/],
      [['diff', 'HEAD~1', 'HEAD', '--fail-on', 'sometimes'], /--fail-on must be one of/],
      [['diff', 'HEAD~1', 'HEAD', '--bogus'], /Unknown option "--bogus"/],
      [['diff', 'no-such-branch', 'HEAD'], /no-such-branch/],
    ];
    for (const [args, re] of cases) {
      const r = cli(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, re, args.join(' '));
    }
    const help = cli(['diff', '--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: modelbook diff BASE HEAD/);
  });
});
