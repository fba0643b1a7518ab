import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { RunContextTracker } from '../../../../src/kernel/host/runContext';
import { readGitInfo, readGitInfoAsync } from '../../../../src/store/runs/git';
import type { GitInfo } from '../../../../src/core/runs/contract';
import { newSession, run } from '../helpers';

/** The host's git read must come back well inside its own 10 s timeout, planted FIFOs or not. */
export const HOST_TIMEOUT_MS = 11_000;

/** A file for a cell to write, relative to the workspace: text or raw bytes, optionally executable or appended. */
export interface Planted {
  file: string;
  content: string | Buffer;
  executable?: boolean;
  append?: boolean;
}

/** Git run by the test itself (never by the code under test), with a fixed identity. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** A repository with one commit of `a.txt`. */
export function commitOnce(dir: string): string {
  git(dir, 'init', '-q');
  fs.writeFileSync(path.join(dir, 'a.txt'), 'one');
  git(dir, 'add', 'a.txt');
  git(dir, 'commit', '-q', '-m', 'first');
  return git(dir, 'rev-parse', 'HEAD');
}

/** A folder outside the workspace, where a command the host was tricked into running leaves its mark. */
export function markerDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-marker-')));
}

/** A shell script that proves it ran by creating `marker`. */
export function markerScript(marker: string): string {
  return `#!/bin/sh\necho ran >> ${JSON.stringify(marker)}\nexit 0\n`;
}

/** Has a real kernel cell write the files (the sandbox lets cells write anywhere in the workspace). */
export async function plantWithCell(session: KernelSession, files: Planted[]): Promise<void> {
  const spec = files.map((f) => [f.file, Buffer.from(f.content).toString('base64'), f.executable ? 0o755 : 0o644, Boolean(f.append)]);
  const code = [
    "import fs from 'node:fs';",
    "import path from 'node:path';",
    `for (const [f, b64, mode, append] of ${JSON.stringify(spec)} as [string, string, number, boolean][]) {`,
    '  fs.mkdirSync(path.dirname(f), { recursive: true });',
    "  if (append) fs.appendFileSync(f, Buffer.from(b64, 'base64'));",
    "  else { fs.rmSync(f, { force: true }); fs.writeFileSync(f, Buffer.from(b64, 'base64'), { mode }); }",
    '}',
    "'planted'",
  ].join('\n');
  const r = await run(session, code);
  if (r.text !== "'planted'") throw new Error(`the planting cell failed: ${r.error?.message ?? r.status}`);
}

/** Every path by which the host reads git info, each timed: a kernel starting and running a cell, the tracker, and both direct calls. */
export async function hostReads(ws: string): Promise<{ results: (GitInfo | undefined)[]; slowestMs: number }> {
  const results: (GitInfo | undefined)[] = [];
  let slowestMs = 0;
  const timed = async (f: () => Promise<GitInfo | undefined> | GitInfo | undefined) => {
    const t0 = performance.now();
    results.push(await f());
    slowestMs = Math.max(slowestMs, performance.now() - t0);
  };
  const session = newSession(ws);
  try {
    // A kernel start and a cell start each make the host read git (RunContextTracker).
    await run(session, '1 + 1');
  } finally {
    session.dispose();
  }
  await timed(async () => {
    const tracker = new RunContextTracker(ws, undefined);
    await tracker.ready();
    return tracker.next('1', undefined).git;
  });
  await timed(() => readGitInfo(ws));
  await timed(() => readGitInfoAsync(ws));
  // The session's own background read may still be finishing.
  await new Promise((r) => setTimeout(r, 300));
  return { results, slowestMs };
}
