/**
 * The OS layer by itself, under Node's permission model but without the kernel's JavaScript
 * guards: each attack is first shown to work with the permission model alone (so the test can
 * fail), then shown refused with the launcher in front.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLauncher, parseOsLayerReport, planOsLayer } from '../../../../src/kernel/host/osLayer';
import { findNodeRuntime } from '../../../../src/kernel/host/nodeRuntime';
import { DEFAULT_SANDBOX } from '../../../../src/kernel/host/sandbox';
import { kernelEnvironment } from '../../../../src/kernel/host/kernelEnv';
import { DIST } from '../helpers';
import { REPO } from '../../paths';

const launcher = findLauncher(DIST);

describe('attack: what only the OS layer stops (Landlock, seccomp)', function () {
  this.timeout(30_000);
  let ws: string;
  let outside: string;
  const runtime = findNodeRuntime();

  before(function () {
    if (!launcher || !runtime.permissionFlag) return this.skip();
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-ws-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-outside-')));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.symlinkSync(outside, path.join(ws, 'data'));
  });
  after(() => {
    if (ws) fs.rmSync(ws, { recursive: true, force: true });
    if (outside) fs.rmSync(outside, { recursive: true, force: true });
  });

  /** Runs `code` in a Node with the permission model for `ws`, with or without the launcher. */
  function node(code: string, withLauncher: boolean) {
    const nodeArgs = [runtime.permissionFlag!, `--allow-fs-read=${ws}`, `--allow-fs-write=${ws}`, '-e', code];
    const prefix = withLauncher ? planOsLayer({ launcher: launcher!, settings: DEFAULT_SANDBOX, nodePath: runtime.path, workspaceDir: ws, distDir: DIST, dataBytes: 0 }).prefix : [];
    const [cmd, ...args] = [...prefix, runtime.path, ...nodeArgs];
    return spawnSync(cmd, args, { cwd: ws, encoding: 'utf8', env: kernelEnvironment(process.env, DEFAULT_SANDBOX), timeout: 20_000 });
  }

  const hot = "const f = new Function('a', 'return a * 2 + 1'); let s = 0; for (let i = 0; i < 2e6; i++) s += f(i);";
  const attacks: [string, string][] = [
    ['a diagnostic report written outside', 'process.report.directory = OUT; process.report.writeReport()'],
    [
      'V8 code traces redirected outside (--print-opt-code)',
      `const v8 = require('v8'); v8.setFlagsFromString('--redirect-code-traces'); v8.setFlagsFromString('--redirect-code-traces-to=' + OUT + '/bashrc'); v8.setFlagsFromString('--print-opt-code'); ${hot}`,
    ],
    ['V8 --trace-turbo-path outside', `const v8 = require('v8'); v8.setFlagsFromString('--trace-turbo'); v8.setFlagsFromString('--trace-turbo-path=' + OUT); ${hot}`],
    ['a write through a symbolic link that was already there', "require('fs').writeFileSync('data/planted.txt', 'x')"],
  ];
  const planted = () => fs.readdirSync(outside).filter((f) => f !== 'secret.txt');
  for (const [what, attack] of attacks) {
    it(`refuses ${what}, which the permission model alone lets through`, () => {
      const code = `const OUT = ${JSON.stringify(outside)}; try { ${attack} } catch (e) { console.error(e.code || e.message) }`;
      node(code, false);
      assert.notDeepEqual(planted(), [], `control: without the OS layer the attack should work (${what})`);
      for (const f of planted()) fs.rmSync(path.join(outside, f));
      const r = node(code, true);
      assert.deepEqual(planted(), [], `${what} got through: ${r.stderr.slice(0, 500)}`);
    });
  }

  it('refuses a read through a symbolic link that was already there', () => {
    const code = "try { process.stdout.write(require('fs').readFileSync('data/secret.txt', 'utf8')) } catch (e) { process.stdout.write(e.code) }";
    assert.equal(node(code, false).stdout, 'secret', 'control');
    assert.equal(node(code, true).stdout, 'EACCES');
  });

  it('executes no program but Node, not even one the cell wrote, when a child process gets past the permission model', () => {
    fs.copyFileSync('/bin/true', path.join(ws, 'mytrue'));
    fs.chmodSync(path.join(ws, 'mytrue'), 0o755);
    const code =
      "const cp = require('child_process'); process.stdout.write(JSON.stringify(['/bin/true', './mytrue'].map((p) => { try { cp.execFileSync(p); return 'ran'; } catch (e) { return e.code; } })))";
    const withChildren = (launcherOn: boolean) => {
      const prefix = launcherOn ? planOsLayer({ launcher: launcher!, settings: DEFAULT_SANDBOX, nodePath: runtime.path, workspaceDir: ws, distDir: DIST, dataBytes: 0 }).prefix : [];
      const [cmd, ...args] = [
        ...prefix,
        runtime.path,
        runtime.permissionFlag!,
        `--allow-fs-read=${ws}`,
        `--allow-fs-read=/bin`,
        `--allow-fs-read=/usr`,
        `--allow-fs-write=${ws}`,
        '--allow-child-process',
        '-e',
        code,
      ];
      return spawnSync(cmd, args, { cwd: ws, encoding: 'utf8', timeout: 20_000 }).stdout;
    };
    assert.equal(withChildren(false), JSON.stringify(['ran', 'ran']), 'control');
    assert.equal(withChildren(true), JSON.stringify(['EACCES', 'EACCES']));
  });

  it('reports what it applied to the process it starts', () => {
    const r = node('process.stdout.write(process.env.MODELBOOK_CONFINE)', true);
    const report = parseOsLayerReport(r.stdout);
    assert.ok(report, `no report: ${r.stdout} ${r.stderr}`);
    assert.ok(report.landlock >= 1 && report.seccomp && report.dieWithHost, r.stdout);
  });

  it('lets Node work normally: time zones, CPU and memory figures, the workspace', () => {
    const code =
      "const fs = require('fs'); fs.writeFileSync('ok.txt', 'y'); process.stdout.write(JSON.stringify([fs.readFileSync('ok.txt', 'utf8'), require('os').cpus().length > 0, process.memoryUsage().rss > 0, new Date(0).toISOString()]))";
    const r = node(code, true);
    assert.equal(r.stdout, JSON.stringify(['y', true, true, '1970-01-01T00:00:00.000Z']), r.stderr);
  });

  it('fails with a clear message when given a bad option', () => {
    const r = spawnSync(launcher!, ['--bogus', '--', '/bin/true'], { encoding: 'utf8' });
    assert.equal(r.status, 126);
    assert.match(r.stderr, /confine: unknown option \(usage: confine/);
  });
});

describe('OS layer launcher binaries', function () {
  this.timeout(60_000);
  it('are what native/confine/confine.c compiles to (rebuilt here when clang 14 and lld are installed)', function () {
    const clang = spawnSync('clang', ['--version'], { encoding: 'utf8' });
    const version = /clang version (\d+\.\d+\.\d+)/.exec(clang.stdout ?? '')?.[1];
    if (clang.status !== 0 || version !== '14.0.6') return this.skip();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-confine-'));
    const r = spawnSync('sh', [path.join(REPO, 'native/confine/build.sh'), out], { encoding: 'utf8' });
    if (r.status !== 0 && /ld\.lld|lld/.test(r.stderr)) return this.skip();
    assert.equal(r.status, 0, r.stderr);
    for (const arch of ['x64', 'arm64']) {
      const built = fs.readFileSync(path.join(out, `confine-linux-${arch}`));
      assert.ok(built.equals(fs.readFileSync(path.join(REPO, `native/confine/confine-linux-${arch}`))), `native/confine/confine-linux-${arch} is stale: run native/confine/build.sh`);
    }
    fs.rmSync(out, { recursive: true, force: true });
  });
});

describe('kernel environment', () => {
  it('passes an allowlist and the user variables, never secrets or loader variables', () => {
    const env = kernelEnvironment(
      { PATH: '/bin', HOME: '/h', LC_ALL: 'C', GITHUB_TOKEN: 't', AWS_SECRET_ACCESS_KEY: 'k', VSCODE_IPC_HOOK_CLI: '/s', NODE_OPTIONS: '-r x', HTTPS_PROXY: 'p' },
      DEFAULT_SANDBOX,
      { A: '1', LD_PRELOAD: '/evil.so', 'bad name': 'x' },
    );
    assert.deepEqual(env, { PATH: '/bin', HOME: '/h', LC_ALL: 'C', A: '1' });
  });
  it('passes proxy and CA variables only with network access', () => {
    const env = kernelEnvironment({ HTTPS_PROXY: 'p', NODE_EXTRA_CA_CERTS: '/ca.pem' }, { ...DEFAULT_SANDBOX, allowNetwork: true });
    assert.deepEqual(env, { HTTPS_PROXY: 'p', NODE_EXTRA_CA_CERTS: '/ca.pem' });
  });
});

describe('OS layer plan', () => {
  const input = { launcher: '/x/confine-linux-x64', settings: DEFAULT_SANDBOX, nodePath: process.execPath, workspaceDir: '/ws', distDir: '/dist', dataBytes: 1024 };
  it('gives the workspace read-write, dist read-only, no network and signals to itself only', () => {
    const { prefix, confining } = planOsLayer(input);
    assert.ok(confining);
    const pairs = (flag: string) => prefix.flatMap((a, i) => (a === flag ? [prefix[i + 1]] : []));
    assert.deepEqual(pairs('--rw'), ['/ws', '/dev/null']);
    assert.ok(pairs('--ro').includes('/dist'));
    assert.ok(!pairs('--ro').includes('/etc'), 'all of /etc is readable only with child processes');
    assert.ok(prefix.includes('--self-only') && !prefix.includes('--net'));
    assert.deepEqual(prefix.slice(-1), ['--']);
    assert.deepEqual(pairs('--data'), ['1024']);
  });
  it('keeps only die-with-host and the memory cap when the sandbox is off', () => {
    const { prefix, confining } = planOsLayer({ ...input, settings: { ...DEFAULT_SANDBOX, enabled: false } });
    assert.equal(confining, false);
    assert.ok(prefix.includes('--open'));
  });
  it('adds what the settings allow', () => {
    const { prefix } = planOsLayer({ ...input, settings: { ...DEFAULT_SANDBOX, allowNetwork: true, allowChildProcess: true, allowWrite: ['out'], allowRead: ['/data'] } });
    assert.ok(prefix.includes('--net') && !prefix.includes('--self-only'));
    assert.ok(prefix.join(' ').includes('--rw /ws/out') && prefix.join(' ').includes('--ro /data'));
  });
});
