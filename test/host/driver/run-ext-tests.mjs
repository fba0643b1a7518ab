// Runs the extension's integration tests inside a real VS Code: code-server's Node extension
// host, with headless Chromium (Debian's) as the workbench window. See shared notes/vscode-host.md.
// usage: node run-ext-tests.mjs <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder>
// exit code: 0 all passed, 1 a test failed (or the host crashed), 2 driver error, 3 timeout
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [extDir, testsEntry, folder] = process.argv.slice(2).map((p) => path.resolve(p));
const base = process.env.CS_URL ?? 'http://127.0.0.1:8080';
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 600000);
const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ext-tests-')), 'report.txt');
const authority = new URL(base).host;
const remote = (p) => `vscode-remote://${authority}${p}`;
const env = { ...JSON.parse(process.env.EXT_ENV ?? '{}'), MOCHA_REPORT_FILE: reportFile };
if (process.env.MOCHA_GREP) env.MOCHA_GREP = process.env.MOCHA_GREP;
if (process.env.MOCHA_INVERT) env.MOCHA_INVERT = process.env.MOCHA_INVERT;
const payload = [
  ['extensionDevelopmentPath', remote(extDir)],
  ['extensionTestsPath', remote(testsEntry)],
  ['extensionEnvironment', JSON.stringify(env)],
];
const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

let exitCode;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
// Print the report as it grows, so a long run shows progress.
let printed = 0;
const tail = setInterval(() => {
  if (!fs.existsSync(reportFile)) return;
  const text = fs.readFileSync(reportFile, 'utf8');
  if (text.length > printed) process.stdout.write(text.slice(printed));
  printed = text.length;
}, 500);
try {
  // VIEWPORT=1280x800 (with SCREENSHOT): the window size to photograph the workbench at.
  const [width, height] = (process.env.VIEWPORT ?? '1400x900').split('x').map(Number);
  const page = await browser.newPage({ viewport: { width, height } });
  if (process.env.VERBOSE) page.on('console', (m) => console.log('[browser]', m.text()));
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => resolveDone(code));
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  await page.goto(url);
  const r = await Promise.race([done, timer]);
  if (r === 'timeout') {
    console.error(`No test result after ${timeoutMs} ms`);
    exitCode = 3;
  } else exitCode = r;
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });
} catch (e) {
  console.error('driver error:', e);
  exitCode = 2;
} finally {
  clearInterval(tail);
  await browser.close();
}
const report = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : '';
process.stdout.write(report.slice(printed));
console.log(`extension host test exit code: ${exitCode}`);
// A crashed extension host also reports 0: trust only a run whose runner wrote its summary line.
const summary = report.match(/^(\d+) passed, (\d+) failed/m);
if (exitCode === 0 && !(summary && Number(summary[2]) === 0 && Number(summary[1]) > 0)) {
  console.error('extension tests did not complete (no summary line: the extension host crashed, or no tests ran)');
  exitCode = 1;
}
process.exit(exitCode);
