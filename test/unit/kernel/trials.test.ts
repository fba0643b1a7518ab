import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { FIXTURES } from '../paths';
import type { KernelSession } from '../../../src/kernel/host/session';
import { makeWorkspace, newSession, run } from './helpers';

const SETUP = `import { readJSON, Pipeline, StandardScaler, SimpleImputer, numericColumns, LogisticRegression, gridSearch, SequentialExecutor, CustomStep } from 'modelbook';
const penguins = (await readJSON('penguins.json')).select('Species', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)');
const pipe = () => new Pipeline({ steps: [new SimpleImputer({ columns: numericColumns() }), new StandardScaler({ columns: numericColumns() })], estimator: new LogisticRegression() });
const grid = { C: [0.001, 0.01, 0.1, 1] };`;

describe('kernel: parallel search trials in sandboxed worker processes', function () {
  this.timeout(120_000);
  let ws: string;
  let session: KernelSession;
  const log: string[] = [];

  before(async () => {
    ws = makeWorkspace();
    fs.copyFileSync(path.join(FIXTURES, '../../examples/data/penguins.json'), path.join(ws, 'penguins.json'));
    session = newSession(ws, { log: (l) => log.push(l) });
    const r = await run(session, SETUP);
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('runs a grid search on worker processes with the same scores as running it in turn', async () => {
    log.length = 0;
    const r = await run(
      session,
      [
        "const par = await gridSearch(pipe(), penguins, { label: 'Species', paramGrid: grid, cv: 5, progress: false });",
        "const seq = await gridSearch(pipe(), penguins, { label: 'Species', paramGrid: grid, cv: 5, progress: false, executor: new SequentialExecutor() });",
        "JSON.stringify([par.table().array('mean_accuracy'), seq.table().array('mean_accuracy'), par.bestParams])",
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    const [par, seq, best] = JSON.parse(r.text!.slice(1, -1));
    assert.deepEqual(par, seq);
    assert.equal(typeof best.C, 'number');
    assert.ok(log.filter((l) => /starting trialWorker\.js/.test(l)).length >= 2, 'two trial workers started');
    assert.ok(
      log.some((l) => /--allow-fs-write=/.test(l) && /trialWorker/.test(l)),
      'the workers run sandboxed',
    );
  });

  it('runs trials with a step defined in a cell here, since the workers cannot build it', async () => {
    const r = await run(
      session,
      [
        "const twice = new CustomStep({ name: 'twice', fit: () => ({}), transform: (t) => t });",
        'const custom = new Pipeline({ steps: [twice, new SimpleImputer({ columns: numericColumns() })], estimator: new LogisticRegression() });',
        "const res = await gridSearch(custom, penguins, { label: 'Species', paramGrid: grid, cv: 3, progress: false });",
        'JSON.stringify(res.table().array("mean_accuracy").map((v) => Number.isFinite(v)))',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.deepEqual(JSON.parse(r.text!.slice(1, -1)), [true, true, true, true]);
  });

  it('stops the workers when the search is interrupted, and the kernel keeps its variables', async () => {
    const pending = session.execute(
      "const slow = await gridSearch(pipe(), penguins, { label: 'Species', paramGrid: { C: Array.from({ length: 400 }, (_, i) => 0.001 * (i + 1)) }, cv: 5, progress: false });",
      {},
    );
    await new Promise((res) => setTimeout(res, 1500));
    session.interrupt();
    const r = await pending;
    assert.equal(r.status, 'interrupted');
    assert.equal((await run(session, 'typeof penguins.numRows')).text, "'function'");
    // No worker of this workspace is left running.
    const workers = () =>
      execSync('ps -eo args')
        .toString()
        .split('\n')
        .filter((l) => l.includes('trialWorker.js') && l.includes(ws));
    for (let i = 0; i < 20 && workers().length > 0; i++) await new Promise((res) => setTimeout(res, 100));
    assert.deepEqual(workers(), []);
  });
});
