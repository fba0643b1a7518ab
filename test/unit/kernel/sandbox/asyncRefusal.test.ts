import { strict as assert } from 'node:assert';
import { run, useKernel } from '../helpers';

/**
 * Attacks that hide an error in work the cell started: a refusal the sandbox raises
 * asynchronously, a rejected promise nobody awaits. While the cell runs, they fail it.
 */
describe('attack: an error raised asynchronously by work the cell started', function () {
  this.timeout(30_000);
  const k = useKernel();

  it('a write stream outside the workspace fails the cell with the sandbox refusal', async () => {
    const r = await run(k.session, "import fs from 'node:fs';\nfs.createWriteStream('/tmp/x-' + Date.now());\nawait new Promise((r) => setTimeout(r, 200));\nconsole.log('not reached');");
    assert.equal(r.status, 'error');
    assert.match(r.error!.message, /sandbox refused to write .*x-\d+/);
    assert.deepEqual(r.streams, [], 'the rest of the cell did not run');
  });

  it('a rejected promise nobody awaits fails the cell that is still running', async () => {
    const r = await run(k.session, "Promise.reject(new Error('late'));\nawait new Promise((r) => setTimeout(r, 50));");
    assert.equal(r.status, 'error');
    assert.equal(r.error!.message, 'late');
  });

  it('an error thrown after the cell ended stays background output, and the kernel keeps its variables', async () => {
    await run(k.session, "const survivor = 'here';\nsetTimeout(() => { throw new Error('after'); }, 30);");
    await new Promise((r) => setTimeout(r, 150));
    const r = await run(k.session, 'survivor');
    assert.equal(r.status, 'ok');
    assert.equal(r.text, "'here'");
  });
});
