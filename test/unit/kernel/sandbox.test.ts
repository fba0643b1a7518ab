import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KernelSession } from '../../../src/kernel/host/session';
import { makeWorkspace, newSession, run } from './helpers';

describe('kernel sandbox', function () {
  this.timeout(30_000);
  let ws: string;
  let outside: string;
  let session: KernelSession;

  before(() => {
    ws = makeWorkspace();
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-outside-')));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(ws, 'addon.node'), 'not really an addon');
    session = newSession(ws);
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('runs under the permission model', async () => {
    await run(session, '1');
    assert.equal(session.status?.sandboxOn, true);
  });

  it('lets cells read and write inside the workspace', async () => {
    const r = await run(session, "import fs from 'node:fs';\nfs.mkdirSync('out', { recursive: true });\nfs.writeFileSync('out/a.txt', 'inside');\nfs.readFileSync('out/a.txt', 'utf8')");
    assert.equal(r.text, "'inside'");
  });

  const refusals: [string, string, RegExp][] = [
    ['reading outside the workspace', "import fs from 'node:fs';\nfs.readFileSync(SECRET, 'utf8')", /refused to read .*secret\.txt.*modelbook\.sandbox\.allowRead \(CLI: --allow-read PATH\)/],
    ['writing outside the workspace', "import fs from 'node:fs';\nfs.writeFileSync(OUTSIDE + '/x.txt', 'x')", /refused to write .*x\.txt.*modelbook\.sandbox\.allowWrite/],
    ['starting a child process', "import cp from 'node:child_process';\ncp.execSync('echo hi')", /child process.*modelbook\.sandbox\.allowChildProcess \(CLI: --allow-child-process\)/],
    ['starting a worker thread', "import { Worker } from 'node:worker_threads';\nnew Worker('1', { eval: true })", /worker thread.*modelbook\.sandbox\.allowWorkers/],
    ['loading a native addon', "require('./addon.node')", /native addon.*modelbook\.sandbox\.allowNativeAddons/],
  ];
  for (const [what, code, expected] of refusals) {
    it(`refuses ${what}, naming the setting that would allow it`, async () => {
      const r = await run(session, `const SECRET = ${JSON.stringify(path.join(outside, 'secret.txt'))};\nconst OUTSIDE = ${JSON.stringify(outside)};\n${code}`);
      assert.equal(r.status, 'error');
      assert.match(r.error!.message, expected);
    });
  }

  it('allows what the settings allow', async () => {
    const open = newSession(ws, { sandbox: { allowChildProcess: true, allowRead: [outside] } });
    try {
      assert.equal((await run(open, "import cp from 'node:child_process';\ncp.execSync('echo hi').toString().trim()")).text, "'hi'");
      assert.equal((await run(open, `import fs from 'node:fs';\nfs.readFileSync(${JSON.stringify(path.join(outside, 'secret.txt'))}, 'utf8')`)).text, "'secret'");
    } finally {
      open.dispose();
    }
  });

  it('still runs, with the sandbox reported off, on a Node without the permission model', async () => {
    // A "node" that claims no permission-model flags, as an old Node or Electron's would.
    const fake = path.join(outside, 'old-node');
    fs.writeFileSync(fake, `#!/bin/sh\nif [ "$1" = "-e" ]; then echo '{"v":"v18.19.0","f":[]}'; exit 0; fi\nexec ${JSON.stringify(process.execPath)} "$@"\n`, { mode: 0o755 });
    const old = newSession(ws, { nodePath: fake });
    try {
      assert.equal((await run(old, '6 * 7')).text, '42');
      assert.equal(old.status?.sandboxOn, false);
      assert.match(old.status?.sandboxWhy ?? '', /does not support Node's permission model; set modelbook\.kernel\.nodePath/);
    } finally {
      old.dispose();
    }
  });

  it('can be turned off by a setting, and says so', async () => {
    const off = newSession(ws, { sandbox: { enabled: false } });
    try {
      assert.equal((await run(off, "import cp from 'node:child_process';\ncp.execSync('echo free').toString().trim()")).text, "'free'");
      assert.equal(off.status?.sandboxOn, false);
      assert.match(off.status?.sandboxWhy ?? '', /modelbook\.sandbox\.enabled is false/);
    } finally {
      off.dispose();
    }
  });
});
