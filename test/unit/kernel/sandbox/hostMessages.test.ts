/**
 * Attacks on the host through the kernel's IPC channel: a cell can call `process.send` with
 * anything. The host must validate every message, answer a bad one with an error in the cell, and
 * never start more trial workers than its bounded pool — on a real kernel and a real CLI.
 */
import { strict as assert } from 'node:assert';
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkKernelMessage } from '../../../../src/kernel/host/kernelMessages';
import { DIST, makeWorkspace, run, useKernel } from '../helpers';

describe('attack: malformed and flooding messages from a cell to the host', function () {
  this.timeout(60_000);
  const k = useKernel();

  const bad: [string, string][] = [
    ['runTrials whose trials are not iterable', "{ type: 'runTrials', payload: { requestId: 1, dataset: null, trials: 5 } }"],
    ['an unknown message type', "{ type: 'spawn', payload: { cmd: 'sh' } }"],
    ['a display whose bundle is a number', "{ type: 'display', payload: { execId: 1, data: 42 } }"],
    ['a done without a status', "{ type: 'done', payload: { execId: 'x' } }"],
    ['not an object at all', "'boom'"],
    ['a Variables answer whose items are not a list', "{ type: 'variablesResult', payload: { requestId: 1, items: 'boom' } }"],
    ['a table page wider than its columns', "{ type: 'tablePageResult', payload: { requestId: 1, page: { columns: [], totalRows: 1, offset: 0, rows: [[1, 2, 3]] } } }"],
  ];
  for (const [what, msg] of bad) {
    it(`ignores ${what}, fails the cell with a clear error, and keeps working`, async () => {
      const r = await run(k.session, `process.send!(${msg});\nawait new Promise((r) => setTimeout(r, 100));\n1`);
      assert.equal(r.status, 'error', what);
      assert.match(r.error!.message, /malformed message/);
      assert.equal((await run(k.session, '6 * 7')).text, '42');
    });
  }

  it('starts no more trial workers than the pool allows when a cell sends 24 search requests', async () => {
    const trial = (i: number) =>
      `{ id: 't${i}', candidate: 0, fold: 0, round: 0, spec: { type: 'LogisticRegression', params: {} }, params: {}, train: Int32Array.from([0,1,2,3,4,5,6,7]), test: Int32Array.from([8,9]), dataId: 'd', scoring: ['accuracy'], returnTrainScore: false }`;
    const dataset = "{ id: 'd', rows: 10, features: { kind: 'matrix', cols: 1, data: Float64Array.from([0,1,0,1,0,1,0,1,0,1]) }, y: Float64Array.from([0,1,0,1,0,1,0,1,0,1]) }";
    const code = `for (let i = 1000; i < 1024; i++) process.send!({ type: 'runTrials', payload: { requestId: i, dataset: ${dataset}, trials: [${[0, 1, 2, 3].map(trial).join(', ')}] } });\nawait new Promise((r) => setTimeout(r, 4000));\n1`;
    const workers = () =>
      execSync('ps -eo args')
        .toString()
        .split('\n')
        .filter((l) => l.includes('trialWorker.js') && l.includes(k.ws) && !l.includes('confine-linux')).length;
    let most = 0;
    const poll = setInterval(() => (most = Math.max(most, workers())), 25);
    try {
      const r = await run(k.session, code);
      assert.equal(r.status, 'ok', r.error?.message);
    } finally {
      clearInterval(poll);
    }
    const cores = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
    assert.ok(most >= 1, 'no trial worker ever started: the test would prove nothing');
    assert.ok(most <= cores, `${most} trial workers at once (cores: ${cores})`);
  });
});

describe('attack: crashing `modelbook run` through the kernel channel', function () {
  this.timeout(60_000);
  it('reports the bad cell, writes every output and exits 1 instead of crashing', () => {
    const ws = makeWorkspace();
    try {
      const cell = (id: string, source: string) => ({ cell_type: 'code', id, metadata: {}, source, outputs: [], execution_count: null });
      const nb = {
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          cell('a', "console.log('before')"),
          cell('b', "process.send!({ type: 'runTrials', payload: { requestId: 1, dataset: null, trials: 5 } });\nawait new Promise((r) => setTimeout(r, 200))"),
        ],
      };
      fs.writeFileSync(path.join(ws, 'nb.mlnb'), JSON.stringify(nb));
      const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'run', 'nb.mlnb', '--out', 'out.mlnb'], { cwd: ws, encoding: 'utf8', timeout: 50_000 });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /malformed message/);
      const out = JSON.parse(fs.readFileSync(path.join(ws, 'out.mlnb'), 'utf8'));
      assert.match(JSON.stringify(out.cells[0].outputs), /before/);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('checkKernelMessage', () => {
  it('accepts what the kernel really sends', () => {
    assert.ok(checkKernelMessage({ type: 'stream', payload: { execId: 1, name: 'stdout', text: 'hi' } }).ok);
    assert.ok(checkKernelMessage({ type: 'done', payload: { execId: 1, status: 'error', error: { name: 'E', message: 'm', stack: '' } } }).ok);
  });
  it('names the problem and keeps the request id of a bad search request, so it can be answered', () => {
    const r = checkKernelMessage({ type: 'runTrials', payload: { requestId: 7, dataset: {}, trials: [] } });
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? undefined : [r.type, r.requestId], ['runTrials', 7]);
  });
  it('refuses more trials than the limit in one request', () => {
    const r = checkKernelMessage({
      type: 'runTrials',
      payload: { requestId: 1, dataset: { id: 'd', rows: 0, features: { kind: 'matrix', cols: 0, data: new Float64Array() }, y: [] }, trials: new Array(10_001).fill({}) },
    });
    assert.match(r.ok ? '' : r.reason, /at most 10000 trials/);
  });
});
