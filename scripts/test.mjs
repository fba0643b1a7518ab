// `npm test`: builds (with the layer check), type-checks, lints (`npm run lint`), then runs every test tier —
// unit (plain Node), webview (real Chromium), integration (a real VS Code: code-server) —
// and ends with one line: "N passed, N failed".
// TEST_TIERS=unit,webview,integration selects tiers; MOCHA_GREP='name' runs only the matching
// integration tests; the test host is installed on first use.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const tiers = (process.env.TEST_TIERS ?? 'unit,webview,integration').split(',').map((t) => t.trim());
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

function step(title) {
  console.log(`\n=== ${title} ===`);
}

/** Runs a command, echoing its output; resolves to { code, output }. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let output = '';
    const echo = (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function count(output, re) {
  const m = output.match(re);
  return m ? Number(m[1]) : 0;
}

/** A mocha tier: its own counts, or one failure if it crashed before reporting. */
async function mochaTier(name, args, env = {}) {
  step(name);
  const r = await run(process.execPath, ['node_modules/mocha/bin/mocha.js', ...args], { env: { ...process.env, ...env } });
  const passed = count(r.output, /^\s*(\d+) passing/m);
  const failed = count(r.output, /^\s*(\d+) failing/m);
  const skipped = count(r.output, /^\s*(\d+) pending/m);
  totals.passed += passed;
  totals.skipped += skipped;
  totals.failed += failed || (r.code !== 0 ? 1 : 0);
  if (r.code !== 0 && !failed) notes.push(`${name} did not complete (exit ${r.code})`);
}

/** The .vsix a user installs, unpacked and loaded into VS Code: the production build, the packaged esbuild, TS plugin and types. */
async function packagedRun() {
  if (spawnSync('sh', ['-c', 'command -v unzip'], { stdio: 'ignore' }).status !== 0) {
    notes.push('packaged-extension run skipped: unzip is not installed (apt-get install unzip)');
    return;
  }
  step('packaging the extension (npm run package)');
  const pack = await run('npm', ['run', 'package']);
  if (pack.code !== 0) {
    totals.failed++;
    notes.push('npm run package failed');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-vsix-'));
  spawnSync('unzip', ['-q', 'modelbook.vsix', '-d', dir], { stdio: 'inherit' });
  fs.rmSync('modelbook.vsix', { force: true });
  await integrationRun('integration tests of the packaged .vsix', { MOCHA_GREP: 'runs a cell|IntelliSense|trains a model|interrupts a synchronous' }, path.join(dir, 'extension'));
  fs.rmSync(dir, { recursive: true, force: true });
}

async function integrationRun(title, env, extensionDir = root) {
  step(title);
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-it-ws-'));
  fs.cpSync('test/fixtures/workspace', ws, { recursive: true });
  const r = await run('bash', ['test/host/run-tests.sh', extensionDir, path.join(root, 'out/test/integration/index.js'), ws], { env: { ...process.env, ...env } });
  const m = r.output.match(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/m);
  if (m) {
    totals.passed += Number(m[1]);
    totals.failed += Number(m[2]);
    totals.skipped += Number(m[3] ?? 0);
  }
  if (!m || (r.code !== 0 && Number(m[2]) === 0)) {
    totals.failed++;
    notes.push(`${title} did not complete (exit ${r.code})`);
  }
  fs.rmSync(ws, { recursive: true, force: true });
}

function ensureReferences() {
  // Reference implementations some tests compare against (Debian packages).
  const missing = ['python3-nbformat'].filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    notes.push(`not installed (tests that compare with them are skipped): ${missing.join(', ')}`);
    return;
  }
  step(`installing reference packages: ${missing.join(' ')}`);
  spawnSync('bash', ['-c', `apt-get install -y -qq ${missing.join(' ')} >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq ${missing.join(' ')} >/dev/null)`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function ensureHost() {
  const marker = path.join(root, '.vscode-test/host/code-server/.installed');
  const driver = path.join(root, '.vscode-test/host/driver/.installed');
  const chromium = spawnSync('sh', ['-c', 'command -v chromium'], { stdio: 'ignore' }).status === 0;
  if (fs.existsSync(marker) && fs.existsSync(driver) && chromium) {
    fs.copyFileSync(path.join(root, 'test/host/driver/run-ext-tests.mjs'), path.join(root, '.vscode-test/host/driver/run-ext-tests.mjs'));
    return true;
  }
  step('installing the test host (code-server + Chromium, first run only)');
  return spawnSync('bash', ['test/host/setup.sh'], { stdio: 'inherit' }).status === 0;
}

step('build (with the layer check)');
if ((await run(process.execPath, ['esbuild.mjs', '--types'])).code !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
step('type check');
for (const project of ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.webview.json', 'test/webview/tsconfig.json']) {
  const r = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit']);
  if (r.code !== 0) {
    totals.failed++;
    notes.push(`type errors in ${project}`);
  } else totals.passed++;
}

step('lint (eslint, knip, prettier --check)');
const lintFailures = [];
for (const [name, args] of [
  ['eslint', ['node_modules/eslint/bin/eslint.js', '.']],
  ['knip', ['node_modules/knip/bin/knip.js']],
  ['prettier --check', ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']],
]) {
  if ((await run(process.execPath, args)).code !== 0) lintFailures.push(name);
}
// One failure for the whole step, like a tier that crashed: the tools' own output above says what and where.
if (lintFailures.length) {
  totals.failed++;
  notes.push(`lint failed: ${lintFailures.join(', ')} (npm run lint; npm run format fixes formatting)`);
} else totals.passed++;

ensureReferences();

if (tiers.includes('unit')) await mochaTier('unit tests (plain Node)', []);

if (tiers.includes('webview') || tiers.includes('integration')) {
  if (!ensureHost()) {
    totals.failed++;
    notes.push('the test host (code-server, Chromium) could not be installed');
  } else {
    if (tiers.includes('webview') && fs.existsSync('out/test/webview')) {
      await mochaTier('webview tests (real Chromium)', ['--no-config', '--timeout', '60000', 'out/test/webview/**/*.test.js']);
    }
    if (tiers.includes('integration') && process.env.MOCHA_GREP) {
      // A targeted run: only the integration tests whose names match MOCHA_GREP, in one trusted session.
      await integrationRun(`integration tests matching "${process.env.MOCHA_GREP}"`, {});
    } else if (tiers.includes('integration')) {
      // Two VS Code sessions: the trusted workspace, then the same one untrusted (restricted mode).
      await integrationRun('integration tests (real VS Code: code-server extension host)', { MOCHA_GREP: '@untrusted', MOCHA_INVERT: '1' });
      await integrationRun('integration tests in an untrusted workspace', { MOCHA_GREP: '@untrusted', UNTRUSTED: '1' });
      await packagedRun();
    }
  }
}

console.log('');
for (const n of notes) console.log(`note: ${n}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
