import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, panelCsp } from '../../src/vscode/webview/panelHtml';

/** Serves the built webview bundles under PanelHost's CSP (nonce, no unsafe-eval), as a VS Code webview shows them. */
export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

const REPO = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'esbuild.mjs'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('no repo root');
  }
})();

/** PanelHost's policy, with this server as the webview's resource origin. */
const cspWith = (nonce: string) => panelCsp("'self'", nonce);

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.map': 'application/json' };

export async function startHarness(pages: Record<string, string>): Promise<Harness> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const nonce = createNonce();
    if (pages[url.pathname]) {
      // The page's own script tags carry the nonce, as in PanelHost's page; anything else must come from 'self'.
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': cspWith(nonce) });
      res.end(pages[url.pathname].replace(/<script\b/g, `<script nonce="${nonce}"`));
      return;
    }
    const file = path.join(REPO, path.normalize(url.pathname));
    if (!['dist', 'media', path.join('test', 'webview', 'pages')].some((dir) => file.startsWith(path.join(REPO, dir)))) {
      res.writeHead(404).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': cspWith(nonce) }).end(data);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Collects CSP violations and errors a page reports. */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(`csp: ${text}`));
  // Typed without the DOM library: benchmarks (compiled with the Node tsconfig) use this harness too.
  await page.addInitScript(() => {
    const w = globalThis as unknown as { document: { addEventListener(t: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void }; __reportViolation(t: string): void };
    w.document.addEventListener('securitypolicyviolation', (e) => w.__reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}
