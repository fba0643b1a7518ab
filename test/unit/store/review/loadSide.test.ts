import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiffSideError, loadDiffSide } from '../../../../src/store/review/loadSide';
import { openRunRecorder } from '../../../../src/store/runs/recorder';
import { gitIn, predictionSet, recordEvaluation, writeNotebook } from './helpers';

describe('store/review loadDiffSide', function () {
  this.timeout(60_000);
  let repo: string;
  let ws: string;
  let git: ReturnType<typeof gitIn>;
  const ids: Record<string, string> = {};

  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) {
      console.log('      skipped: git is not installed');
      this.skip();
    }
  });
  beforeEach(() => {
    repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-side-')));
    ws = path.join(repo, 'project'); // the workspace is a subfolder of the repository
    git = gitIn(repo);
    git('init', '-q');
    writeNotebook(ws, 'churn.mlnb', 'C = 1');
    ids.old = recordEvaluation(ws, 'churn.mlnb', 'c1', predictionSet(500, 0));
    ids.base = recordEvaluation(ws, 'churn.mlnb', 'c1', predictionSet(500, 1));
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeNotebook(ws, 'churn.mlnb', 'C = 10');
    ids.head = recordEvaluation(ws, 'churn.mlnb', 'c1', predictionSet(500, 2));
    ids.other = recordEvaluation(ws, 'churn.mlnb', 'c1', predictionSet(10, 0), 'evaluate baseline');
    git('add', '.');
    git('commit', '-q', '-m', 'head');
    writeNotebook(ws, 'churn.mlnb', 'C = 100');
    ids.uncommitted = recordEvaluation(ws, 'churn.mlnb', 'c1', predictionSet(500, 3));
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reads a revision through git: the latest finished evaluation per cell and name, its predictions and notebook', async () => {
    const base = await loadDiffSide(ws, 'HEAD~1');
    assert.deepEqual(base.side, { spec: 'HEAD~1', kind: 'revision', commit: git('rev-parse', 'HEAD~1'), runIds: [ids.base] });
    assert.equal(base.evaluations.length, 1);
    assert.equal(base.evaluations[0]!.problem, undefined);
    assert.deepEqual(base.evaluations[0]!.predictions!.rowIds, predictionSet(500, 1).rowIds);
    assert.deepEqual(base.evaluations[0]!.predictions!.yPred, predictionSet(500, 1).yPred);
    assert.match(base.notebooks.get('churn.mlnb')!, /C = 1"/);

    const head = await loadDiffSide(ws, 'main');
    assert.deepEqual(new Set(head.side.runIds), new Set([ids.head, ids.other]));
    assert.match(head.notebooks.get('churn.mlnb')!, /C = 10"/);
    assert.deepEqual(head.problems, []);
  });

  it('reads the working runs for WORKTREE and run ids, and the work tree is left as it was', async () => {
    const before = git('status', '--porcelain');
    const work = await loadDiffSide(ws, 'WORKTREE');
    assert.deepEqual(new Set(work.side.runIds), new Set([ids.uncommitted, ids.other]));
    assert.match(work.notebooks.get('churn.mlnb')!, /C = 100"/);
    const run = await loadDiffSide(ws, ids.head!.slice(0, 24));
    assert.deepEqual(run.side, { spec: ids.head!.slice(0, 24), kind: 'run', runIds: [ids.head] });
    assert.deepEqual(run.evaluations[0]!.predictions!.yPred, predictionSet(500, 2).yPred);
    assert.equal((await loadDiffSide(ws, `run:${ids.base}`)).side.runIds[0], ids.base);
    assert.equal(git('status', '--porcelain'), before);
  });

  it('a run side gets its notebook’s card and problem runs, as the work tree side does (the card run naming it first)', async () => {
    const record = (notebook: string, kind: 'card' | 'problem', params: Record<string, string>) => {
      const recorder = openRunRecorder(ws, { context: { notebook, cellId: 'c0' }, markInterruptedOnExit: false });
      const run = recorder.start({ name: kind, kind, params });
      run.finish({});
      recorder.dispose();
      return run.id;
    };
    const problem = record('churn.mlnb', 'problem', { objective: 'Keep customers' });
    const forHead = record('churn.mlnb', 'card', { intendedUse: 'Retention calls.', evaluationRun: ids.head! });
    const latest = record('churn.mlnb', 'card', { intendedUse: 'Retention calls, revised.', evaluationRun: ids.uncommitted! });
    record('other.mlnb', 'card', { intendedUse: 'Another notebook.', evaluationRun: ids.base! });
    const head = await loadDiffSide(ws, `run:${ids.head}`);
    assert.equal(head.evaluations[0]!.cardRuns?.card?.id, forHead);
    assert.equal(head.evaluations[0]!.cardRuns?.problem?.id, problem);
    const base = await loadDiffSide(ws, ids.base!);
    assert.equal(base.evaluations[0]!.cardRuns?.card?.id, latest, 'no card run names it: the notebook’s latest');
    const work = await loadDiffSide(ws, 'WORKTREE');
    assert.equal(work.evaluations.find((e) => e.record.id === ids.uncommitted)!.cardRuns?.card?.id, latest);
  });

  it('says which runs an ambiguous prefix matches, and refuses unknown or unsafe revisions', async () => {
    const common = ids.old!.slice(0, 2);
    await assert.rejects(
      () => loadDiffSide(ws, `run:${common}`),
      (e: unknown) => e instanceof DiffSideError && /ambiguous: /.test((e as Error).message) && (e as Error).message.includes(ids.old!),
    );
    await assert.rejects(() => loadDiffSide(ws, 'run:ZZZZ'), /No run ZZZZ/);
    await assert.rejects(() => loadDiffSide(ws, '--output=/tmp/x'), /refused: it starts with '-'/);
    await assert.rejects(() => loadDiffSide(ws, 'rev:HEAD:../../etc/passwd'), /refused: it contains ':'/);
    await assert.rejects(() => loadDiffSide(ws, 'no-such-branch'), /is not a commit of/);
  });

  it('notes predictions a record names but the commit lacks, and unreadable records', async () => {
    fs.rmSync(path.join(ws, '.modelbook', 'runs', `${ids.uncommitted}.predictions`));
    fs.writeFileSync(path.join(ws, '.modelbook', 'runs', '01JF0000000000000000000000.json'), '{"broken": ');
    git('add', '-A');
    git('commit', '-q', '-m', 'lost predictions');
    const head = await loadDiffSide(ws, 'HEAD');
    const ev = head.evaluations.find((e) => e.record.id === ids.uncommitted)!;
    assert.equal(ev.predictions, undefined);
    assert.match(ev.problem!, /is not in commit/);
    assert.deepEqual(
      head.problems.map((p) => p.path),
      ['project/.modelbook/runs/01JF0000000000000000000000.json'],
    );
  });
});
