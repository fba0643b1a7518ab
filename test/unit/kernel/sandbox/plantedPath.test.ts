import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { findExecutable, trustedPathEntries } from '../../../../src/store/findExecutable';
import { makeWorkspace } from '../helpers';

// The host resolves `git` (and, inside Electron, `node`) on PATH; a cell can write executables into the workspace.
describe('attack: planting an executable on PATH for the host to find', () => {
  let ws: string;
  let real: string;
  beforeEach(() => {
    ws = makeWorkspace();
    real = `${ws}-real`;
    fs.mkdirSync(real);
    for (const dir of [path.join(ws, 'bin'), real]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'node'), '#!/bin/sh\n', { mode: 0o755 });
    }
    fs.symlinkSync(path.join(ws, 'bin'), `${ws}-link`);
  });
  afterEach(() => {
    for (const d of [ws, real, `${ws}-link`]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('skips relative entries, entries inside the workspace and symlinks into it', function () {
    if (process.platform === 'win32') this.skip();
    const PATH = ['bin', '.', '', path.join(ws, 'bin'), `${ws}-link`, real].join(path.delimiter);
    assert.deepEqual(trustedPathEntries([ws], PATH), [real]);
    assert.equal(findExecutable('node', [ws], PATH), path.join(real, 'node'));
    assert.equal(findExecutable('node', [ws], ['bin', path.join(ws, 'bin')].join(path.delimiter)), undefined, 'no trusted node at all');
  });
});
