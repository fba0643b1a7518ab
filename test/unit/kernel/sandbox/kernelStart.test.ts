/**
 * A kernel that dies while starting, never answers, or runs out of memory outside V8's heap: one
 * clear sentence and the documented exit code, never a raw stack.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KernelProcess, KernelStartError, describeExit } from '../../../../src/kernel/host/kernelProcess';
import { DEFAULT_SANDBOX } from '../../../../src/kernel/host/sandbox';
import { DIST, makeWorkspace } from '../helpers';

/** A "node" that answers the runtime probe like a real one, then does `behaviour` instead of starting. */
function fakeNode(dir: string, behaviour: string): string {
  const probe = JSON.stringify({ v: process.version, f: ['--permission', '--experimental-permission', '--allow-child-process', '--allow-worker'], d: 0 });
  const file = path.join(dir, `node-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, `#!/bin/sh\nif [ "$1" = "-e" ]; then echo '${probe}'; exit 0; fi\n${behaviour}\n`, { mode: 0o755 });
  return file;
}

describe('attack: a kernel that dies or hangs while starting', function () {
  this.timeout(60_000);
  let ws: string;
  let tools: string;
  before(() => {
    ws = makeWorkspace();
    tools = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-tools-')));
  });
  after(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(tools, { recursive: true, force: true });
  });
  const opts = (nodePath: string, startTimeoutMs?: number) => ({
    notebookDir: ws,
    workspaceDir: ws,
    distDir: DIST,
    memoryLimitMb: 1024,
    // The fake node is a shell script: the sandbox would not let it run /bin/sh, and it is not what is tested here.
    sandbox: { ...DEFAULT_SANDBOX, enabled: false },
    nodePath,
    ...(startTimeoutMs ? { startTimeoutMs } : {}),
  });

  it('says why when the kernel is killed while starting', async () => {
    const err = await KernelProcess.start(opts(fakeNode(tools, 'echo "FATAL: something broke" >&2; kill -9 $$'))).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof KernelStartError);
    assert.match(err.message, /^The kernel could not start: .*SIGKILL/);
    assert.doesNotMatch(err.message, /\n\s+at /);
  });

  it('stops a kernel that never says ready, and says so', async () => {
    const err = await KernelProcess.start(opts(fakeNode(tools, 'exec sleep 600'), 1500)).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof KernelStartError);
    assert.match(err.message, /did not answer within 1\.5 s/);
  });

  it('`modelbook run` exits 3 with one sentence when the kernel cannot start', () => {
    fs.writeFileSync(
      path.join(ws, 'nb.mlnb'),
      JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', id: 'a', metadata: {}, source: '1', outputs: [], execution_count: null }] }),
    );
    const node = fakeNode(tools, 'kill -9 $$');
    const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'run', 'nb.mlnb', '--node', node, '--no-sandbox'], { cwd: ws, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /^The kernel could not start/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('`modelbook run` exits 3 when the configured Node does not exist', () => {
    const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'run', 'nb.mlnb', '--node', path.join(tools, 'no-such-node')], { cwd: ws, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /The kernel could not start: no such file/);
  });
});

describe('describeExit', () => {
  it('reports out of memory for a C++ allocation failure under the OS cap (SIGABRT, std::bad_alloc)', () => {
    const x = describeExit(null, 'SIGABRT', "terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc\n", 2048);
    assert.equal(x.outOfMemory, true);
    assert.match(x.reason, /memory/i);
    assert.match(x.reason, /2048/);
  });
  it('reports a plain crash as a crash', () => {
    const x = describeExit(null, 'SIGABRT', 'assertion failed somewhere', 2048);
    assert.equal(x.outOfMemory, false);
  });
});
