import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunContextTracker } from '../../../../src/kernel/host/runContext';
import { createRunRecorder } from '../../../../src/core/runs/recorder';
import { memorySink } from '../../core/runs/helpers';

describe('kernel/host RunContextTracker', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-ctx-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stamps every cell of one kernel session with the same session id, and a restart with a new one', () => {
    const t = new RunContextTracker(dir, path.join(dir, 'a.mlnb'));
    const first = t.next('const a = 1', 'c1');
    const second = t.next('a + 1', 'c2');
    assert.equal(first.notebook, 'a.mlnb');
    assert.ok(first.session && first.session.length >= 16);
    assert.equal(second.session, first.session);
    assert.notEqual(second.codeHash, first.codeHash);
    t.reset();
    const afterRestart = t.next('const a = 1', 'c1');
    assert.notEqual(afterRestart.session, first.session);
    assert.equal(afterRestart.codeHash, first.codeHash, 'the same code after a restart hashes the same');
    assert.notEqual(new RunContextTracker(dir, undefined).next('x', undefined).session, afterRestart.session, 'two kernels never share a session');
  });

  it('puts the session on the records of the runs a cell starts', () => {
    const t = new RunContextTracker(dir, path.join(dir, 'a.mlnb'));
    const ctx = t.next('fit()', 'c1');
    const recorder = createRunRecorder({ context: () => ctx, sink: memorySink() });
    const run = recorder.start({ name: 'fit', kind: 'fit' });
    assert.equal(run.record().session, ctx.session);
  });
});
