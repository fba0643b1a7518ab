/**
 * Attacks on the sandbox from a cell, each on a real kernel. An escape test proves the marker
 * outside the workspace was not created and no process outside was touched — not only that an
 * error was thrown. Add the next attack here.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { findLauncher } from '../../../../src/kernel/host/osLayer';
import { DIST, makeWorkspace, newSession, run } from '../helpers';

// The OS layer (Landlock, seccomp) exists on Linux x64/arm64; elsewhere its tests are skipped.
const launcher = findLauncher(DIST);

/** Whether a process runs (a zombie waiting for its reaper does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('attack: escaping the sandbox from a cell', function () {
  this.timeout(60_000);
  let ws: string;
  let outside: string;
  let session: KernelSession;
  const lit = (v: unknown) => JSON.stringify(v);

  before(() => {
    ws = makeWorkspace();
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-outside-')));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    // What a cloned repository or an unpacked tarball can carry: links that point out of the workspace.
    fs.symlinkSync(outside, path.join(ws, 'data'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'secret-link.txt'));
    process.env.MODELBOOK_TEST_SECRET_TOKEN = 'hunter2';
    session = newSession(ws);
  });
  after(() => {
    delete process.env.MODELBOOK_TEST_SECRET_TOKEN;
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const nothingOutside = () => assert.deepEqual(fs.readdirSync(outside).sort(), ['secret.txt']);

  describe('writes through Node and V8 facilities the permission model does not cover', () => {
    const attacks: [string, string][] = [
      [
        'V8 --redirect-code-traces-to',
        "import v8 from 'node:v8';\nv8.setFlagsFromString('--redirect-code-traces-to=' + OUT + '/bashrc');\nv8.setFlagsFromString('--print-code');\nnew Function('return 1')()",
      ],
      ['V8 --trace-turbo-path', "import { setFlagsFromString } from 'node:v8';\nsetFlagsFromString('--trace-turbo-path=' + OUT)"],
      ['V8 --allow-natives-syntax', "import v8 from 'node:v8';\nv8.setFlagsFromString('--allow-natives-syntax')"],
      ['a diagnostic report in another directory', 'process.report.directory = OUT;\nprocess.report.writeReport()'],
      ['a diagnostic report to a file outside', "process.report.writeReport(OUT + '/report.json')"],
      ['a heap snapshot outside', "import v8 from 'node:v8';\nv8.writeHeapSnapshot(OUT + '/heap.heapsnapshot')"],
      ['reading an env file outside (process.loadEnvFile)', "process.loadEnvFile(OUT + '/secret.txt')"],
      ['replacing the guard', "import v8 from 'node:v8';\n(v8 as any).setFlagsFromString = () => 0;\nObject.defineProperty(process, 'report', { value: {} })"],
    ];
    for (const [what, code] of attacks) {
      it(`refuses ${what}`, async () => {
        const r = await run(session, `const OUT = ${lit(outside)};\n${code}`);
        assert.equal(r.status, 'error', `${what} ran: ${r.text}`);
        assert.match(r.error!.message, /sandbox refused|Cannot redefine|read only|not extensible|Cannot assign/);
        nothingOutside();
      });
    }
    it('still lets a cell read V8 statistics and write a report inside the workspace', async () => {
      const r = await run(session, "import v8 from 'node:v8';\nprocess.report.writeReport('report.json');\nv8.getHeapStatistics().total_heap_size > 0");
      assert.equal(r.text, 'true');
      assert.ok(fs.existsSync(path.join(ws, 'report.json')));
    });
  });

  describe('symbolic links that already exist in the workspace', () => {
    before(function () {
      if (!launcher) this.skip();
    });
    it('refuses to read through a link to a folder outside, naming the link and its target', async () => {
      const r = await run(session, "import fs from 'node:fs';\nfs.readFileSync('data/secret.txt', 'utf8')");
      assert.equal(r.status, 'error', `read through the link: ${r.text}`);
      assert.match(r.error!.message, /symbolic link to .*mb-outside-.*modelbook\.sandbox\.allowRead/);
    });
    it('refuses to read a linked file', async () => {
      const r = await run(session, "import fs from 'node:fs/promises';\nawait fs.readFile('secret-link.txt', 'utf8')");
      assert.equal(r.status, 'error');
      assert.doesNotMatch(JSON.stringify(r), /"secret"|'secret'/);
    });
    it('refuses to write through a link, and nothing appears outside', async () => {
      const r = await run(session, "import fs from 'node:fs';\nfs.writeFileSync('data/planted.txt', 'x')");
      assert.equal(r.status, 'error');
      nothingOutside();
    });
    it('refuses to list a linked folder', async () => {
      const r = await run(session, "import fs from 'node:fs';\nfs.readdirSync('data')");
      assert.equal(r.status, 'error');
    });
  });

  describe('other processes', () => {
    let victim: ChildProcess;
    beforeEach(() => {
      victim = spawn('sleep', ['60'], { stdio: 'ignore' });
    });
    afterEach(() => {
      victim.kill('SIGKILL');
    });
    it('refuses to kill the host that runs the kernel', async () => {
      const r = await run(session, "process.kill(process.ppid, 'SIGKILL')");
      assert.equal(r.status, 'error');
      assert.match(r.error!.message, /may signal only its own kernel/);
      assert.equal((await run(session, '40 + 2')).text, '42');
    });
    it('refuses to signal any other process of the same user', async () => {
      for (const sig of ['SIGKILL', 'SIGTERM', 'SIGSTOP', 0]) {
        const r = await run(session, `process.kill(${victim.pid}, ${lit(sig)})`);
        assert.equal(r.status, 'error', `signal ${sig} was sent`);
      }
      assert.ok(alive(victim.pid!), 'the victim was killed');
    });
    it('refuses to renice another process', async () => {
      const before = os.getPriority(victim.pid!);
      const r = await run(session, `import os from 'node:os';\nos.setPriority(${victim.pid}, 19)`);
      assert.equal(r.status, 'error');
      assert.equal(os.getPriority(victim.pid!), before);
    });
    it('refuses signals even when the JavaScript guard is gone (the OS layer)', async function () {
      if (!launcher) return this.skip();
      // A cell cannot undo the guard; the OS layer is tested underneath it with the raw binding.
      // process._kill is the raw binding under process.kill: it returns an errno instead of throwing.
      const r = await run(session, `(process as any)._kill(${victim.pid}, 9)`);
      assert.notEqual(r.text, '0', 'the raw kill call succeeded');
      assert.ok(alive(victim.pid!), 'the victim was killed through process._kill');
    });
    it('still lets a cell signal itself', async () => {
      const r = await run(session, 'process.kill(process.pid, 0)');
      assert.equal(r.text, 'true');
    });
  });

  describe('the network', () => {
    let server: net.Server;
    let port = 0;
    let connections = 0;
    before(async function () {
      if (!launcher) return this.skip();
      server = net.createServer((s) => {
        connections++;
        s.end('hello');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    after(() => server?.close());

    it('refuses TCP to a local server, naming the setting, and the server sees nothing', async () => {
      const r = await run(session, `import net from 'node:net';\nawait new Promise((ok, fail) => net.connect(${port}, '127.0.0.1').on('connect', ok).on('error', fail))`);
      assert.equal(r.status, 'error');
      assert.match(r.error!.message, /modelbook\.sandbox\.allowNetwork \(CLI: --allow-net\)/);
      assert.equal(connections, 0);
    });
    it('refuses fetch and UDP', async () => {
      const f = await run(session, `await fetch('http://127.0.0.1:${port}/')`);
      assert.equal(f.status, 'error');
      assert.match(f.error!.stack, /EACCES|allowNetwork/);
      const u = await run(
        session,
        "import dgram from 'node:dgram';\nconst s = dgram.createSocket('udp4');\nawait new Promise((ok, fail) => { s.on('error', fail); s.send('x', 9, '127.0.0.1', (e) => (e ? fail(e) : ok(1))); })",
      );
      assert.match(u.error!.message, /modelbook\.sandbox\.allowNetwork/);
      assert.equal(u.status, 'error');
      assert.equal(connections, 0);
    });
    it('refuses a unix socket of another program', async () => {
      const sock = path.join(outside, 'agent.sock');
      const unix = net.createServer((s) => {
        connections++;
        s.end();
      });
      await new Promise<void>((resolve) => unix.listen(sock, resolve));
      try {
        const r = await run(session, `import net from 'node:net';\nawait new Promise((ok, fail) => net.connect(${lit(sock)}).on('connect', ok).on('error', fail))`);
        assert.equal(r.status, 'error');
        assert.equal(connections, 0);
      } finally {
        unix.close();
        fs.rmSync(sock, { force: true });
      }
    });
    it('allows TCP with modelbook.sandbox.allowNetwork', async () => {
      const open = newSession(ws, { sandbox: { allowNetwork: true } });
      try {
        const r = await run(open, `import net from 'node:net';\nawait new Promise((ok, fail) => net.connect(${port}, '127.0.0.1').on('data', (d) => ok(String(d))).on('error', fail))`);
        assert.equal(r.text, "'hello'");
      } finally {
        open.dispose();
      }
    });
  });

  describe("the editor's environment", () => {
    it('does not reach cells; PATH, HOME and modelbook.kernel.env do', async () => {
      const other = newSession(ws, { env: { DATA_DIR: 'data', NODE_OPTIONS: '--require /tmp/evil.js' } });
      try {
        const r = await run(
          other,
          'JSON.stringify([process.env.MODELBOOK_TEST_SECRET_TOKEN ?? null, Boolean(process.env.PATH), process.env.DATA_DIR, process.env.NODE_OPTIONS ?? null, Object.keys(process.env).filter((k) => k.startsWith("VSCODE_"))])',
        );
        assert.equal(r.text, `'${JSON.stringify([null, true, 'data', null, []])}'`);
      } finally {
        other.dispose();
      }
    });
  });
});

describe('attack: leaving the kernel running when its host dies', function () {
  this.timeout(60_000);
  it('the kernel of a killed `modelbook run` dies too, even in a synchronous loop', async function () {
    if (!launcher) return this.skip();
    const ws = makeWorkspace();
    try {
      const nb = {
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [{ cell_type: 'code', id: 'a', metadata: {}, source: "import fs from 'node:fs';\nfs.writeFileSync('pid', String(process.pid));\nwhile (true) {}", outputs: [], execution_count: null }],
      };
      fs.writeFileSync(path.join(ws, 'spin.mlnb'), JSON.stringify(nb));
      const cli = spawn(process.execPath, [path.join(DIST, 'cli.js'), 'run', 'spin.mlnb'], { cwd: ws, stdio: 'ignore' });
      const pidFile = path.join(ws, 'pid');
      for (let i = 0; i < 200 && !fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
      const kernelPid = Number(fs.readFileSync(pidFile, 'utf8'));
      assert.ok(kernelPid > 0);
      cli.kill('SIGKILL');
      let gone = false;
      for (let i = 0; i < 100 && !gone; i++) {
        await new Promise((r) => setTimeout(r, 50));
        gone = !alive(kernelPid);
      }
      assert.ok(gone, `kernel ${kernelPid} outlived its host`);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
