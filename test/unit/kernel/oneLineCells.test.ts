import { strict as assert } from 'node:assert';
import { run, useKernel } from './helpers';

// A cell of one expression is the commonest cell there is; it must report and show like any other.
describe('kernel one-line cells (real kernel process)', function () {
  this.timeout(30_000);
  const k = useKernel();

  it('reports a ReferenceError in a one-line cell with its line, column and code frame, as in a longer cell', async () => {
    for (const [source, line] of [
      ['undefinedName + 1', 1],
      ['const a = 1;\nundefinedName + 1', 2],
    ] as const) {
      const r = await run(k.session, source);
      assert.equal(r.status, 'error', source);
      assert.equal(r.error!.name, 'ReferenceError', source);
      assert.equal(r.error!.line, line, `${source}: ${JSON.stringify(r.error)}`);
      assert.equal(r.error!.column, 1, source);
      assert.match(r.error!.stack, new RegExp(`at Cell In\\[\\d+\\], line ${line}:1`), source);
      assert.match(r.error!.stack, new RegExp(`> ${line} \\| undefinedName \\+ 1`), source);
    }
  });

  it('shows the value of a cell that is a string literal', async () => {
    for (const source of ["'alive'", "'alive';", '"alive"', '`alive`']) {
      const r = await run(k.session, source);
      assert.equal(r.status, 'ok', source);
      assert.equal(r.text, "'alive'", `${source}: ${JSON.stringify(r)}`);
    }
  });
});
