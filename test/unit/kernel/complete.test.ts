import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import type { KernelSession } from '../../../src/kernel/host/session';
import { makeWorkspace, newSession, run } from './helpers';

describe('completion from the running kernel (real kernel process)', function () {
  this.timeout(30_000);
  let ws: string;
  let session: KernelSession;

  before(() => {
    ws = makeWorkspace();
    session = newSession(ws);
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('gives nothing, without starting a kernel, before any cell ran', async () => {
    assert.deepEqual(await session.complete([]), []);
    assert.equal(session.state, 'stopped');
  });

  it("lists a live object's methods and properties, from its class and its own fields", async () => {
    await run(session, "import { LogisticRegression } from 'modelbook';\nconst model = new LogisticRegression({ C: 2 });\nconst point = { x: 1, label: 'a', nested: { deep: [1, 2] } };");
    const names = (await session.complete(['model'])).map((i) => i.name);
    for (const n of ['fit', 'predict', 'predictProba', 'score']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    const fit = (await session.complete(['model'])).find((i) => i.name === 'fit')!;
    assert.equal(fit.kind, 'method');
    assert.deepEqual(
      (await session.complete([])).find((i) => i.name === 'model'),
      { name: 'model', kind: 'variable', detail: 'LogisticRegression' },
      "the class's own name, not the bundler's",
    );
    assert.match(fit.detail, /^\(.*\)$/);
    const point = await session.complete(['point']);
    assert.deepEqual(
      point.filter((i) => ['x', 'label', 'nested'].includes(i.name)).map((i) => [i.name, i.kind, i.detail]),
      [
        ['x', 'property', 'number = 1'],
        ['label', 'property', 'string = "a"'],
        ['nested', 'property', 'Object'],
      ],
    );
    assert.ok((await session.complete(['point', 'nested'])).some((i) => i.name === 'deep' && i.detail === 'Array(2)'));
  });

  it('hides what the modelbook classes declare private or protected: a fitted model offers its API, not its internals', async () => {
    await run(
      session,
      "import { OrdinalEncoder } from 'modelbook';\nconst fitted = await new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]);\nconst encoder = new OrdinalEncoder({ columns: ['size'] });",
    );
    const names = (await session.complete(['fitted'])).map((i) => i.name);
    for (const n of ['fit', 'predict', 'predictProba', 'score', 'coef', 'classes']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    // LogisticRegression's `private mode`, `private probabilities()`, `private fitUnobserved()`: there at runtime, not in its .d.ts.
    for (const n of ['mode', 'probabilities', 'fitUnobserved']) assert.ok(!names.includes(n), `${n} not in ${names.join(', ')}`);
    // Inherited: ColumnStep's protected learn/apply.
    const encoder = (await session.complete(['encoder'])).map((i) => i.name);
    assert.ok(encoder.includes('fit') && encoder.includes('transform'), encoder.join(', '));
    assert.ok(!encoder.includes('learn') && !encoder.includes('apply'), encoder.join(', '));
  });

  it('lists the names cells declared (not Node globals), classes marked as classes', async () => {
    const top = await session.complete([]);
    const byName = new Map(top.map((i) => [i.name, i]));
    assert.equal(byName.get('model')?.kind, 'variable');
    assert.equal(byName.get('LogisticRegression')?.kind, 'class');
    assert.ok(!byName.has('setTimeout') && !byName.has('process'), 'Node globals are not offered');
  });

  it('never calls a getter, so asking cannot run code with side effects', async () => {
    await run(session, 'let calls = 0;\nconst lazy = { get expensive() { calls++; return { inner: 1 }; } };');
    const items = await session.complete(['lazy']);
    assert.deepEqual(
      items.find((i) => i.name === 'expensive'),
      { name: 'expensive', kind: 'property', detail: 'getter' },
    );
    assert.deepEqual(await session.complete(['lazy', 'expensive']), []);
    assert.deepEqual(await session.complete(['nothingByThisName', 'x']), []);
    assert.equal((await run(session, 'calls')).text, '0');
  });

  it('answers empty within its timeout while a cell keeps the kernel busy, and the cell is unaffected', async () => {
    const busy = run(session, 'const until = Date.now() + 1500;\nwhile (Date.now() < until) {}\n"done"');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(await session.complete(['model'], 200), []);
    assert.equal((await busy).text, "'done'");
  });
});
