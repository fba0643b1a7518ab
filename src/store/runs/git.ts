import { execFileSync } from 'node:child_process';
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
    out = execFileSync('git', ['status', '--porcelain=v2', '--branch', '--untracked-files=normal', '--', ':/', ':(top,exclude,glob)**/.modelbook/**'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
      // No index.lock: reading must never block (or be blocked by) the user's own git commands.
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
  return parseGitStatus(out);
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
