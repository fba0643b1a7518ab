// Tests of src/cli/runs.ts (`modelbook runs`), kept beside the store tests it builds on.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { runRunsCommand } from '../../../../src/cli/runs';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import { FIXTURES } from '../../paths';
import { HAS_MKFIFO, plantFifo, timed } from '../fifo';
import { tempWorkspace } from './processes';

const VALID = path.join(FIXTURES, 'runs', 'valid');

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runRunsCommand(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, cwd);
  return { code, stdout, stderr };
}

describe('cli: modelbook runs', () => {
  let ws: string;
  let tz: string | undefined;
  before(() => {
    tz = process.env.TZ;
    process.env.TZ = 'UTC';
  });
  after(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  beforeEach(() => {
    ws = tempWorkspace();
    const runs = path.join(ws, '.modelbook', 'runs');
    fs.mkdirSync(runs, { recursive: true });
    fs.mkdirSync(path.join(ws, 'notebooks'));
    for (const name of fs.readdirSync(VALID)) fs.copyFileSync(path.join(VALID, name), path.join(runs, name));
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('lists runs newest first as a readable table, nested runs indented', async () => {
    const r = await cli([], ws);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        'ID          NAME                 KIND  STATUS       STARTED           DURATION  NOTEBOOK              accuracy    auc    ece  logLoss',
        '01JNE3ZK02    fold 1             fit   failed       2026-03-01 09:00  2.0 s     notebooks/churn.mlnb         —      —      —        —',
        '01JNE3ZK01  5-fold CV            cv    interrupted  2026-03-01 09:00  2.0 s     notebooks/churn.mlnb         —      —      —        —',
        '01JNE3ZK00  MLPClassifier 64-32  fit   finished     2026-03-01 09:00  5.5 s     notebooks/churn.mlnb      0.86  0.912  0.061    0.312',
        '',
      ].join('\n'),
    );
  });

  it('filters, sorts and limits; says how many more there are', async () => {
    const r = await cli(['--filter', 'status != "finished"', '--sort=-name', '--limit', '1'], ws);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^ID .*\n01JNE3ZK02 {4}fold 1/);
    assert.equal(r.stdout.trim().split('\n').length, 2);
    assert.equal(r.stderr, 'showing 1 of 2 runs (use --limit N to see more)\n');
    assert.match((await cli(['--sort', '-metrics.auc', '--json'], ws)).stdout, /^\[\n {2}\{\n {4}"id": "01JNE3ZK00/);
  });

  it('prints JSON and CSV for scripts', async () => {
    const json = JSON.parse((await cli(['--json', '--filter', 'tags has "baseline"'], ws)).stdout);
    assert.deepEqual(
      json.map((r: { id: string }) => r.id),
      ['01JNE3ZK00AAAAAAAAAAAAAAAA'],
    );
    assert.equal(json[0].metrics.auc, 0.912);
    const csv = (await cli(['--csv'], ws)).stdout.split('\n');
    assert.equal(
      csv[0],
      'name,status,startedAt,notebook,metrics.accuracy,metrics.auc,metrics.ece,metrics.logLoss,params.epochs,params.fold,params.folds,params.hiddenLayers,params.learningRate,params.optimizer.beta1',
    );
    assert.equal(csv.length, 5);
  });

  it('narrows to a notebook by path from here, workspace path or file name', async () => {
    fs.writeFileSync(path.join(ws, 'other.json'), '');
    for (const [args, cwd] of [
      [['--notebook', 'churn.mlnb'], ws],
      [['--notebook', 'notebooks/churn.mlnb'], ws],
      [['--notebook', 'churn.mlnb'], path.join(ws, 'notebooks')],
      [['--notebook', 'churn'], ws],
    ] as const) {
      const r = await cli([...args, '--json'], cwd);
      assert.equal(JSON.parse(r.stdout).length, 3, `${args.join(' ')} from ${cwd}`);
    }
    assert.equal(JSON.parse((await cli(['--notebook', 'fraud.mlnb', '--json'], ws)).stdout).length, 0);
  });

  it('shows one run by a unique id prefix, as text or as the stored JSON', async () => {
    const r = await cli(['show', '01jne3zk00'], path.join(ws, 'notebooks'));
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Run 01JNE3ZK00AAAAAAAAAAAAAAAA "MLPClassifier 64-32" (fit, finished)');
    for (const expected of [
      '  started   2026-03-01 09:00, ended 2026-03-01 09:00 (5.5 s)',
      '  git       8432740cbe8a on main',
      'metrics',
      '  auc       0.912  [0.884, 0.938] 95% bootstrap',
      '  FAIL  ECE at most 0.05   ece 0.061 <= 0.05',
    ]) {
      assert.ok(lines.includes(expected), `missing line ${JSON.stringify(expected)} in\n${r.stdout}`);
    }
    assert.match(r.stdout, /history \(5 epochs\)\n {2}accuracy +▁▃▅▆█ +0\.65 → 0\.85/);
    const parent = await cli(['show', '01JNE3ZK01'], ws);
    assert.match(parent.stdout, /nested runs \(1\)\n {2}01JNE3ZK02CCCCCCCCCCCCCCCC {2}fold 1 {2}failed/);
    const json = await cli(['show', '01JNE3ZK02CCCCCCCCCCCCCCCC', '--json'], ws);
    assert.equal(json.stdout, fs.readFileSync(path.join(VALID, '01JNE3ZK02CCCCCCCCCCCCCCCC.json'), 'utf8'));
    assert.ok(parseRunRecord(json.stdout).ok);
  });

  it('exits 2 for an unknown or ambiguous id, naming the matches', async () => {
    const unknown = await cli(['show', 'ZZZ'], ws);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'No run with id ZZZ (see `modelbook runs` for ids).\n');
    const ambiguous = await cli(['show', '01JNE3ZK0'], ws);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /prefix 01JNE3ZK0 matches 3 runs \(01JNE3ZK00AAAAAAAAAAAAAAAA, 01JNE3ZK01BBBBBBBBBBBBBBBB, 01JNE3ZK02CCCCCCCCCCCCCCCC\); type more of it/);
  });

  it('exits 2 with the position for a malformed filter or sort key', async () => {
    const r = await cli(['--filter', 'metrics.auc >> 1'], ws);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'Expected a value after ">" at column 14\n  metrics.auc >> 1\n               ^\n');
    const s = await cli(['--sort', 'metric.auc'], ws);
    assert.equal(s.code, 2);
    assert.match(s.stderr, /Cannot sort by "metric.auc": Unknown field "metric" \(did you mean "metrics"\?\)/);
  });

  it('exits 2 with the usage for bad arguments, 0 for --help', async () => {
    for (const args of [['--fast'], ['list'], ['--limit', '0'], ['--limit'], ['show'], ['show', 'a', 'b'], ['show', 'a', '--csv']]) {
      const r = await cli(args, ws);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /Usage: modelbook runs/);
    }
    const help = await cli(['--help'], ws);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: modelbook runs/);
  });

  it('warns about files it cannot read and still lists the rest', async () => {
    fs.writeFileSync(path.join(ws, '.modelbook', 'runs', 'broken.json'), '{"version": 1,');
    const r = await cli(['--json'], ws);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).length, 3);
    assert.match(r.stderr, /^warning: skipped \.modelbook\/runs\/broken\.json: not valid JSON/);
  });

  it('returns at once for a FIFO named *.json and lists it as unreadable', async function () {
    if (!HAS_MKFIFO) this.skip();
    const release = plantFifo(path.join(ws, '.modelbook', 'runs', '01JF0000000000000000000009.json'));
    try {
      let r: Awaited<ReturnType<typeof cli>> | undefined;
      const ms = await timed(async () => (r = await cli(['--json'], ws)));
      assert.ok(ms < 2000, `modelbook runs took ${ms} ms`);
      assert.equal(r!.code, 0);
      assert.equal(JSON.parse(r!.stdout).length, 3);
      assert.match(r!.stderr, /^warning: skipped \.modelbook\/runs\/01JF0000000000000000000009\.json: a FIFO \(named pipe\), not a regular file/m);
    } finally {
      release();
    }
  });

  it('says there are no runs yet in an empty workspace', async () => {
    const empty = tempWorkspace();
    const r = await cli([], empty);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /No runs recorded yet in .*\.modelbook\/runs/);
    assert.equal((await cli(['--filter', 'metrics.auc > 2'], ws)).stderr, 'No run matches (of 3).\n');
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
