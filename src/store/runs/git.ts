import { execFile, execFileSync } from 'node:child_process';
import type { GitInfo } from '../../core/runs/contract';

/**
 * The git commit, branch and dirtiness of the repository containing `dir`, from one
 * `git status --porcelain=v2 --branch` call. Dirty means any change — staged, unstaged or an
 * untracked file — outside `.modelbook/` (new run records must not make the next run dirty).
 * Undefined outside a repository, in a repository without commits, or without git.
 * Runs in the host process (the sandboxed kernel may not start processes).
 *
 * @example
 * readGitInfo('/work/churn') // { commit: '3f2a…', branch: 'main', dirty: false }
 */
export function readGitInfo(dir: string): GitInfo | undefined {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('readGitInfo needs a folder inside the repository.');
  let out: string;
  try {
    out = execFileSync('git', GIT_STATUS_ARGS, { ...gitOptions(dir), stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  return parseGitStatus(out);
}

/**
 * `readGitInfo` without blocking: for hosts that refresh it in the background (a kernel session
 * reads it at most every few seconds, never once per cell).
 *
 * @example
 * const git = await readGitInfoAsync(workspaceDir);
 */
export function readGitInfoAsync(dir: string): Promise<GitInfo | undefined> {
  return new Promise((resolve) => {
    execFile('git', GIT_STATUS_ARGS, gitOptions(dir), (err, out) => resolve(err ? undefined : parseGitStatus(out)));
  });
}

const GIT_STATUS_ARGS = ['status', '--porcelain=v2', '--branch', '--untracked-files=normal', '--', ':/', ':(top,exclude,glob)**/.modelbook/**'];

function gitOptions(dir: string) {
  return {
    cwd: dir,
    encoding: 'utf8' as const,
    timeout: 10_000,
    // No index.lock: reading must never block (or be blocked by) the user's own git commands.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    maxBuffer: 64 * 1024 * 1024,
  };
}

/**
 * Reads `git status --porcelain=v2 --branch` output.
 *
 * @example
 * parseGitStatus('# branch.oid 3f2a…\n# branch.head main\n') // { commit: '3f2a…', branch: 'main', dirty: false }
 */
export function parseGitStatus(out: string): GitInfo | undefined {
  let commit: string | undefined;
  let branch: string | undefined;
  let dirty = false;
  for (const line of out.split('\n')) {
    if (line.startsWith('# branch.oid ')) commit = line.slice(13).trim();
    else if (line.startsWith('# branch.head ')) branch = line.slice(14).trim();
    else if (line && !line.startsWith('#')) dirty = true;
  }
  if (!commit || !/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  return { commit, ...(branch && branch !== '(detached)' ? { branch } : {}), dirty };
}
