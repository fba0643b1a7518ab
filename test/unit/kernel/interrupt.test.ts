import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import type { KernelSession } from '../../../src/kernel/host/session';
import { makeWorkspace, newSession, run } from './helpers';

/** Starts `source`, interrupts it once it has printed "ready" (or right away), returns the result. */
async function interruptWhenReady(session: KernelSession, source: string) {
  const pending = session.execute(source, {
    stream: (_n, text) => {
      if (text.includes('ready')) session.interrupt();
    },
  });
  if (!source.includes("'ready'")) session.interrupt();
  return pending;
}

describe('kernel interrupt', function () {
  this.timeout(30_000);
  let ws: string;
  let session: KernelSession;

  before(async () => {
    ws = makeWorkspace();
    session = newSession(ws);
    await run(session, "const kept = 'survived';\nlet counter = 0;");
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  const cases: [string, string][] = [
    ['a synchronous infinite loop', 'while (true) { counter++; }'],
    ['a loop after an await', "console.log('ready');\nawait new Promise((r) => setTimeout(r, 50));\nfor (;;) { counter++; }"],
    [
      'a loop inside an async function the cell awaits',
      "async function spin() { await null; while (true) counter++; }\nconsole.log('ready');\nawait new Promise((r) => setTimeout(r, 50));\nawait spin();",
    ],
    ['a pending await that never settles', "console.log('ready');\nawait new Promise(() => {});"],
    ['a loop in a function called from a loop', 'function inner() { for (let i = 0; i < 1e9; i++) counter++; }\nwhile (true) inner();'],
    ['a loop of awaits that never yields to the event loop', "console.log('ready');\nwhile (true) { counter++; await null; }"],
    ['a loop of short synchronous steps between awaits', "console.log('ready');\nwhile (true) { for (let i = 0; i < 1000; i++) counter++; await null; }"],
  ];
  for (const [what, source] of cases) {
    it(`stops ${what} and keeps every variable defined before`, async () => {
      const r = await interruptWhenReady(session, source);
      assert.equal(r.status, 'interrupted', JSON.stringify(r.error));
      assert.match(r.error!.message, /Interrupted/);
      assert.equal(r.error!.name, 'InterruptedError');
      assert.equal((await run(session, 'kept')).text, "'survived'");
    });
  }

  it("lets the interrupted cell's own earlier declarations survive too", async () => {
    const r = await interruptWhenReady(session, "const partial = 'set before the loop';\nconsole.log('ready');\nawait new Promise((r) => setTimeout(r, 20));\nwhile (true) {}");
    assert.equal(r.status, 'interrupted');
    assert.equal((await run(session, 'partial')).text, "'set before the loop'");
  });

  it("never resumes the interrupted cell's pending work", async () => {
    const r = await interruptWhenReady(session, "let resumed = false;\nconsole.log('ready');\nawait new Promise((r) => setTimeout(r, 300));\nresumed = true;");
    assert.equal(r.status, 'interrupted');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await run(session, 'resumed')).text, 'false');
  });

  it('cancels queued cells', async () => {
    const first = session.execute("console.log('ready');\nawait new Promise(() => {});", { stream: () => session.interrupt() });
    const queued = session.execute('1');
    const [a, b] = await Promise.all([first, queued]);
    assert.equal(a.status, 'interrupted');
    assert.equal(b.status, 'cancelled');
  });

  it('times a cell out like an interrupt, then later cells still see earlier variables', async () => {
    const r = await run(session, 'while (true) {}', 0.3);
    assert.equal(r.status, 'timeout');
    assert.match(r.error!.message, /longer than 0.3 s/);
    const d = await run(session, '//% timeout 0.2\nawait new Promise(() => {});');
    assert.equal(d.status, 'timeout');
    assert.equal((await run(session, 'kept')).text, "'survived'");
  });

  it('restarts: variables are gone and execution numbers start again', async () => {
    await session.restart();
    const r = await run(session, 'typeof kept');
    assert.equal(r.text, "'undefined'");
    assert.equal(r.order, 1);
  });
});
