import { strict as assert } from 'node:assert';
import { DiagnosticsPasses } from '../../../../src/core/lang/diagnosticsPasses';

/** A fake worker: each check waits until the test answers it, with the text it was asked about. */
function fakeWorker() {
  const asked: { cellIds: string[] | undefined; answer: (found: string[]) => void }[] = [];
  const published: string[] = [];
  const passes = new DiagnosticsPasses<string>({
    check: (_nb, cellIds) => new Promise((resolve) => asked.push({ cellIds, answer: resolve })),
    publish: (_nb, found, cellIds) => published.push(`${cellIds ? cellIds.join(',') : 'all'}: ${found.join(' ')}`),
  });
  const settle = () => new Promise((r) => setImmediate(r));
  return { asked, published, passes, settle };
}

describe('DiagnosticsPasses', () => {
  it('publishes the edited cell’s diagnostics first, then every cell’s', async () => {
    const { asked, published, passes, settle } = fakeWorker();
    const done = passes.run('nb', ['c2']);
    await settle();
    assert.deepEqual(asked[0].cellIds, ['c2']);
    asked[0].answer(['c2:error']);
    await settle();
    assert.deepEqual(published, ['c2: c2:error'], 'the edited cell is shown before the rest is checked');
    assert.equal(asked[1].cellIds, undefined);
    asked[1].answer(['c2:error', 'c5:error']);
    await done;
    assert.deepEqual(published, ['c2: c2:error', 'all: c2:error c5:error']);
  });

  it('never publishes what was computed from older text once a newer edit arrived', async () => {
    const { asked, published, passes, settle } = fakeWorker();
    const old = passes.run('nb', ['c2']);
    await settle();
    passes.cancel('nb'); // the user typed again while the worker checked
    const fresh = passes.run('nb', ['c2']);
    await settle();
    // The newer pass answers first, then the stale one: the stale answer must not overwrite it.
    asked[1].answer(['c2:new']);
    await settle();
    asked[0].answer(['c2:old']);
    await old;
    asked[2].answer(['c2:new', 'c7:new']);
    await fresh;
    assert.deepEqual(published, ['c2: c2:new', 'all: c2:new c7:new']);
    assert.equal(asked.length, 3, 'the stale pass does not go on to check every cell');
  });

  it('drops the whole-notebook half of a pass when an edit arrives between the halves', async () => {
    const { asked, published, passes, settle } = fakeWorker();
    const pass = passes.run('nb', ['c1']);
    await settle();
    asked[0].answer(['c1:a']);
    await settle();
    passes.cancel('nb');
    asked[1].answer(['c1:a', 'c3:a']);
    await pass;
    assert.deepEqual(published, ['c1: c1:a']);
  });
});
