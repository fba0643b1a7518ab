import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import { makeWorkspace, newSession, run } from '../helpers';
import { runCli } from './helpers';

/**
 * Attacks on the cell timeout: code that keeps the kernel from ever starting the next cell. The
 * timeout counts from the cell leaving the queue, and ends in killing the kernel if need be.
 */
describe('attack: a cell that keeps the kernel from starting the next one', function () {
  this.timeout(60_000);

  it('a busy loop left in a timer: the next cell times out, the kernel is killed, the one after runs on a fresh kernel', async () => {
    const r = await runCli(["const kept = 'before';", 'setTimeout(() => { while (true) {} }, 0);', '1 + 1', "typeof kept + ' ' + 2 * 21"], ['--cell-timeout', '1', '--continue-on-error']);
    assert.ok(r.ms < 30_000, `took ${r.ms} ms`);
    assert.match(r.stderr, /Cell 3 \(id c2\) timeout:[\s\S]*longer than 1 s[\s\S]*did not stop within 3 s/);
    assert.equal(r.cells[2].outputs[0].ename, 'TimeoutError');
    // A fresh kernel: the last cell ran, without the variables of the killed one.
    assert.deepEqual((r.cells[3].outputs[0] as unknown as { data: Record<string, string[]> }).data, { 'text/plain': ["'undefined 42'"] });
    assert.equal(r.report.failed, 1);
  });

  it('globalThis.Promise = undefined does not break how the next cells run', async () => {
    const r = await runCli(['globalThis.Promise = undefined as never;', "console.log('next'); await null; 1 + 1", "'still'"], ['--cell-timeout', '5']);
    assert.ok(r.ms < 30_000, `took ${r.ms} ms`);
    assert.equal(r.report.failed, 0, r.stderr);
    assert.deepEqual(r.cells[1].outputs[0].text, ['next\n']);
  });

  it('a kernel that no longer hears the host: the cell times out and the kernel is replaced', async () => {
    const ws = makeWorkspace();
    const session = newSession(ws);
    try {
      assert.equal((await run(session, "process.removeAllListeners('message'); 'deaf'")).status, 'ok');
      const t0 = Date.now();
      const r = await run(session, '1 + 1', 1);
      assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
      assert.equal(r.status, 'timeout');
      assert.match(r.error!.message, /longer than 1 s/);
      assert.equal((await run(session, '6 * 7')).text, '42');
    } finally {
      session.dispose();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('the same without a timeout: a user interrupt ends in a kill when the cell never starts', async () => {
    const ws = makeWorkspace();
    const session = newSession(ws);
    try {
      await run(session, 'setTimeout(() => { while (true) {} }, 0);');
      const pending = run(session, '1 + 1');
      setTimeout(() => session.interrupt(), 300);
      const t0 = Date.now();
      const r = await pending;
      assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
      assert.equal(r.status, 'interrupted');
      assert.equal((await run(session, '6 * 7')).text, '42');
    } finally {
      session.dispose();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
