/**
 * A kernel on the pinned Node 26: its permission model refuses the network by itself, so the
 * refusal holds with the Linux OS layer and without it (macOS, Windows, other CPUs).
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { findLauncher } from '../../../../src/kernel/host/osLayer';
import { chooseKernelNode, findNewNodeOnPath, majorOf } from '../../../../src/kernel/host/kernelNode';
import { findNodeRuntime } from '../../../../src/kernel/host/nodeRuntime';
import { PINNED_NODE_VERSION } from '../../../../src/store/kernelNode/pinned';
import { DIST, makeWorkspace, newSession, run } from '../helpers';
import { pinnedTestNode, TEST_NODE_DIR } from './pinnedNode';

const NETWORK_DENIED = /modelbook\.sandbox\.allowNetwork \(CLI: --allow-net\)/;

describe('a kernel on the pinned Node 26', function () {
  this.timeout(60_000);
  let node: string;
  let ws: string;
  let server: net.Server;
  let port = 0;
  let connections = 0;
  const sessions: KernelSession[] = [];
  const open = (overrides: Parameters<typeof newSession>[1] = {}) => {
    const s = newSession(ws, { nodePath: node, ...overrides });
    sessions.push(s);
    return s;
  };
  const connect = () => `import net from 'node:net';\nawait new Promise((ok, fail) => net.connect(${port}, '127.0.0.1').on('data', (d) => ok(String(d))).on('error', fail))`;

  before(async function () {
    const got = await pinnedTestNode();
    if (!got.node) {
      console.log(`      skipped: ${got.why}`);
      return this.skip();
    }
    node = got.node;
    ws = makeWorkspace();
    server = net.createServer((s) => {
      connections++;
      s.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(() => {
    for (const s of sessions) s.dispose();
    server?.close();
    if (ws) fs.rmSync(ws, { recursive: true, force: true });
  });
  beforeEach(() => {
    connections = 0;
  });

  for (const osLayer of [true, false]) {
    describe(osLayer ? 'with the OS layer (where there is one)' : 'without the OS layer', () => {
      let session: KernelSession;
      before(() => {
        session = open(osLayer ? {} : { osLayer: false });
      });

      it('runs cells, keeps declarations, and reports the network closed', async () => {
        assert.equal((await run(session, 'const a = 20; a + 1')).text, '21');
        assert.equal((await run(session, 'process.version')).text, `'v${PINNED_NODE_VERSION}'`);
        const status = session.status!;
        assert.equal(status.sandboxOn, true);
        assert.equal(status.networkClosed, true);
        assert.equal(status.osLayer !== undefined, osLayer && Boolean(findLauncher(DIST)));
      });
      it('refuses TCP to a local server, naming the setting, and the server sees nothing', async () => {
        const r = await run(session, connect());
        assert.equal(r.status, 'error');
        assert.match(r.error!.message, NETWORK_DENIED);
        assert.equal(connections, 0);
      });
      it('refuses fetch, UDP, listening and name lookups, naming the setting', async () => {
        const cells = [
          `await fetch('http://127.0.0.1:${port}/')`,
          "import dgram from 'node:dgram';\nconst s = dgram.createSocket('udp4');\nawait new Promise((ok, fail) => { s.on('error', fail); s.send('x', 9, '127.0.0.1', (e) => (e ? fail(e) : ok(1))); })",
          "import net from 'node:net';\nawait new Promise((ok, fail) => net.createServer().listen(0, ok).on('error', fail))",
          "import dns from 'node:dns/promises';\nawait dns.lookup('localhost')",
        ];
        for (const cell of cells) {
          const r = await run(session, cell);
          assert.equal(r.status, 'error', cell);
          assert.match(r.error!.stack, NETWORK_DENIED, cell);
        }
        assert.equal(connections, 0);
      });
    });
  }

  it('allows TCP with modelbook.sandbox.allowNetwork, and reports the network open', async () => {
    const session = open({ sandbox: { allowNetwork: true } });
    assert.equal((await run(session, connect())).text, "'hello'");
    assert.equal(connections, 1);
    assert.equal(session.status!.networkClosed, false);
  });

  it('does not claim the network closed on a Node < 25 without the OS layer', async function () {
    if (majorOf(findNodeRuntime().version) >= 25) return this.skip();
    const session = newSession(ws, { osLayer: false });
    sessions.push(session);
    await run(session, '1');
    assert.equal(session.status!.networkClosed, false);
  });
});

describe('choosing the kernel Node', () => {
  it('takes nodePath, else the installed pin, else a Node ≥ 25 on PATH outside the workspace only', async function () {
    const got = await pinnedTestNode();
    if (!got.node || process.platform === 'win32') {
      console.log(`      skipped: ${got.why ?? 'PATH symlinks on Windows'}`);
      return this.skip();
    }
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-path-')));
    try {
      const ws = path.join(root, 'ws');
      const planted = path.join(ws, 'bin');
      const outside = path.join(root, 'tools');
      for (const d of [planted, outside]) {
        fs.mkdirSync(d, { recursive: true });
        fs.symlinkSync(got.node, path.join(d, 'node'));
      }
      assert.equal(findNewNodeOnPath(ws, ['bin', planted].join(path.delimiter)), undefined);
      assert.equal(findNewNodeOnPath(ws, ['bin', planted, '/nonexistent', outside].join(path.delimiter)), path.join(outside, 'node'));
      assert.equal(chooseKernelNode({ nodePath: '/opt/node', runtimeDir: TEST_NODE_DIR, workspaceDir: ws }), '/opt/node');
      assert.equal(chooseKernelNode({ runtimeDir: TEST_NODE_DIR, workspaceDir: ws }), got.node);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
