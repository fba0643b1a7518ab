import { strict as assert } from 'node:assert';
import { makeWorkspace, newSession, run } from './helpers';
import fs from 'node:fs';
import type { KernelSession } from '../../../src/kernel/host/session';
import type { KernelVariable } from '../../../src/core/kernel/variables';

describe('the Variables view from the running kernel (real kernel process)', function () {
  this.timeout(60_000);
  let ws: string;
  let session: KernelSession;
  let top: Map<string, KernelVariable>;

  before(async () => {
    ws = makeWorkspace();
    session = newSession(ws);
    const r = await run(
      session,
      [
        "import * as aq from 'arquero';",
        "import * as tf from '@tensorflow/tfjs';",
        "import { LogisticRegression } from 'modelbook';",
        "const table = aq.table({ x: Float64Array.from([1, 2, 3]), name: ['a', 'b', 'c'] });",
        'const tensor = tf.zeros([10, 3]);',
        'const weights = new Float32Array(1000);',
        "const lookup = new Map<string, unknown>([['alpha', 1], ['beta', { deep: [1, 2] }]]);",
        'const model = new LogisticRegression();',
        'const fitted = await new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]);',
        "const records = [{ a: 1, b: 'x' }, { a: 2, b: 'y' }];",
        'let calls = 0;',
        'const lazy = { plain: 1, get expensive() { calls++; return 42; } };',
        'function helper() { return 1; }',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.error?.message);
    const answer = await session.variables([]);
    assert.equal(answer.error, undefined);
    top = new Map(answer.items.map((i) => [i.name, i]));
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('lists an arquero table as rows × columns, openable in the data viewer', () => {
    assert.deepEqual(top.get('table'), { name: 'table', type: 'ColumnTable', summary: '3 × 2', shape: [3, 2], expandable: false, viewable: true });
  });

  it('lists a tensor with its dtype, shape and bytes', () => {
    assert.deepEqual(top.get('tensor'), { name: 'tensor', type: 'Tensor', summary: 'float32 [10, 3]', shape: [10, 3], bytes: 120, expandable: false, viewable: true });
  });

  it('lists a typed array with its length and bytes, an array of records as viewable', () => {
    const w = top.get('weights')!;
    assert.deepEqual([w.type, w.shape, w.bytes, w.viewable], ['Float32Array', [1000], 4000, false]);
    assert.equal(w.summary, 'length 1,000');
    const r = top.get('records')!;
    assert.deepEqual([r.type, r.shape, r.expandable, r.viewable], ['Array', [2], true, true]);
  });

  it('lists a Map with its size and expands it into its entries, lazily', async () => {
    assert.deepEqual(top.get('lookup'), { name: 'lookup', type: 'Map', summary: 'size 2', shape: [2], expandable: true, viewable: false });
    const entries = await session.variables(['lookup']);
    assert.deepEqual(
      entries.items.map((i) => [i.name, i.type, i.summary]),
      [
        ['"alpha"', 'number', '1'],
        ['"beta"', 'Object', '{deep}'],
      ],
    );
    const deep = await session.variables(['lookup', '"beta"', 'deep']);
    assert.deepEqual(
      deep.items.map((i) => i.summary),
      ['1', '2'],
    );
  });

  it('says whether a model is fitted, without calling its getters', () => {
    assert.deepEqual([top.get('model')?.type, top.get('model')?.summary], ['LogisticRegression', 'not fitted']);
    assert.deepEqual([top.get('fitted')?.type, top.get('fitted')?.summary], ['LogisticRegression', 'fitted']);
  });

  it('shows a getter as "getter" and never calls it: its side effect stays unfired', async () => {
    const members = await session.variables(['lazy']);
    assert.deepEqual(
      members.items.map((i) => [i.name, i.type, i.summary]),
      [
        ['plain', 'number', '1'],
        ['expensive', 'getter', 'getter'],
      ],
    );
    assert.match((await session.variables(['lazy', 'expensive'])).error ?? '', /getter/);
    assert.equal((await run(session, 'calls')).text, '0');
  });

  it('leaves out functions, classes and imported modules; bad paths give an error, not a crash', async () => {
    for (const name of ['helper', 'aq', 'tf', 'LogisticRegression']) assert.ok(!top.has(name), name);
    assert.match((await session.variables(['nothingHere'])).error ?? '', /No variable nothingHere/);
    assert.deepEqual((await session.variables(['table'])).items, []);
  });

  it('answers nothing, without starting a kernel, when none runs', async () => {
    const idle = newSession(ws);
    try {
      const r = await idle.variables([]);
      assert.deepEqual(r.items, []);
      assert.match(r.error ?? '', /No kernel/);
      assert.equal(idle.state, 'stopped');
    } finally {
      idle.dispose();
    }
  });
});
