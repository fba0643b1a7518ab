import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, UsageError, type RunArgs } from '../../../src/cli/args';
import { withInstalledNode } from '../../../src/cli/installNode';
import { cliCacheDir, pinnedNodeFor, pinnedNodeHome } from '../../../src/store/kernelNode/pinned';

describe('modelbook install-node', () => {
  it('parses --registry in both spellings and refuses anything else', () => {
    assert.deepEqual(parseArgs(['install-node']), { command: 'install-node' });
    assert.deepEqual(parseArgs(['install-node', '--registry', 'https://r.example/']), { command: 'install-node', registry: 'https://r.example/' });
    assert.deepEqual(parseArgs(['install-node', '--registry=https://r.example/']), { command: 'install-node', registry: 'https://r.example/' });
    assert.throws(() => parseArgs(['install-node', '--force']), UsageError);
    assert.throws(() => parseArgs(['install-node', '--registry']), UsageError);
  });

  it('keeps its cache under XDG_CACHE_HOME, else ~/.cache', () => {
    assert.equal(cliCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }), path.join('/var/cache/me', 'modelbook'));
    if (process.platform !== 'win32') assert.equal(cliCacheDir({}), path.join(os.homedir(), '.cache', 'modelbook'));
  });

  it('makes `modelbook run` use the installed Node unless --node is given', function () {
    const pin = pinnedNodeFor();
    if (!pin) return this.skip();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-cache-'));
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      const args = parseArgs(['run', 'a.mlnb']) as RunArgs;
      assert.equal(withInstalledNode(args).nodePath, undefined);
      // A half-done install (its temp folder) is never taken.
      fs.mkdirSync(path.join(cache, 'modelbook', '.install-x', 'bin'), { recursive: true });
      fs.writeFileSync(path.join(cache, 'modelbook', '.install-x', 'bin', path.basename(pin.entry)), '');
      assert.equal(withInstalledNode(args).nodePath, undefined);
      const bin = path.join(pinnedNodeHome(path.join(cache, 'modelbook'), pin), 'bin', path.basename(pin.entry));
      fs.mkdirSync(path.dirname(bin), { recursive: true });
      fs.writeFileSync(bin, '');
      assert.equal(withInstalledNode(args).nodePath, bin);
      assert.equal(withInstalledNode({ ...args, nodePath: '/opt/node' }).nodePath, '/opt/node');
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
