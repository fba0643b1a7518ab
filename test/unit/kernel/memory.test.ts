import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import { makeWorkspace, newSession, run } from './helpers';

describe('kernel memory cap', function () {
  this.timeout(60_000);
  let ws: string;
  before(() => (ws = makeWorkspace()));
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('ends only the kernel when a cell exhausts the heap, says why, and starts fresh next time', async () => {
    const session = newSession(ws, { memoryLimitMb: 256 });
    try {
      await run(session, "const before = 'x';");
      const r = await run(session, 'const hog: number[][] = [];\nwhile (true) hog.push(new Array(100_000).fill(1.5));');
      assert.equal(r.status, 'died');
      assert.match(r.error!.message, /ran out of memory \(the cap is 256 MB; raise it with the setting modelbook\.kernel\.memoryLimitMb/);
      assert.equal(session.state, 'dead');
      const next = await run(session, 'typeof before');
      assert.equal(next.status, 'ok');
      assert.equal(next.text, "'undefined'");
      assert.equal(next.order, 1);
    } finally {
      session.dispose();
    }
  });

  it('caps memory outside the JS heap too (typed arrays), with a catchable error', async function () {
    if (process.platform !== 'linux') this.skip();
    const session = newSession(ws, { memoryLimitMb: 256 });
    try {
      const r = await run(session, 'const big: Float64Array[] = [];\nfor (let i = 0; i < 10; i++) big.push(new Float64Array(8_000_000));');
      assert.equal(r.status, 'error');
      assert.match(r.error!.message, /allocation failed/i);
      assert.equal((await run(session, '1 + 1')).text, '2', 'the kernel survives');
      assert.equal(session.status?.hardMemoryCap, true);
    } finally {
      session.dispose();
    }
  });
});
