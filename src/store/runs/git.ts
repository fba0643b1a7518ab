import { execFile, execFileSync } from 'node:child_process';
import type { GitInfo } from '../../core/runs/contract';
import { findExecutable } from '../findExecutable';
import { SAFE_GIT_CONFIG, safeGitEnv } from '../git/safeGit';
import { findRepository, readHead, type Head, type Repository } from '../git/repository';
import { buildShadowGitDir, removeShadowGitDir } from '../git/shadow';
import { runMessage } from '../../core/runs/messages';

/**
 * The git commit, branch and dirtiness of the repository containing `dir`. Dirty means any
 * change — staged, unstaged or an untracked file — outside `.modelbook/` (new run records must
 * not make the next run dirty). Undefined outside a repository, in a repository without commits,
 * or without git. Runs in the host process (the sandboxed kernel may not start processes).
 *
 * A cell may write anything in the workspace, `.git/` included, so nothing there may make the
 * host run a command: commit and branch are read from HEAD and the refs directly, and dirtiness
 * comes from `git status` run against a private git dir the host builds (see buildShadowGitDir)
 * with a git found outside the workspace and no GIT_* variables from the environment.
 *
 * @example
 * readGitInfo('/work/churn') // { commit: '3f2a…', branch: 'main', dirty: false }
 */
export function readGitInfo(dir: string): GitInfo | undefined {
  const plan = planStatus(dir);
  if (!plan) return undefined;
  let out: string | undefined;
  try {
    out = execFileSync(plan.git, plan.args, { ...plan.options, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    out = undefined;
  } finally {
    removeShadowGitDir(plan.shadow);
  }
  return gitInfo(plan.head, out);
}

/**
 * `readGitInfo` without blocking: for hosts that refresh it in the background (a kernel session
 * reads it at most every few seconds, never once per cell).
 *
 * @example
 * const git = await readGitInfoAsync(workspaceDir);
 */
export function readGitInfoAsync(dir: string): Promise<GitInfo | undefined> {
  let plan: StatusPlan | undefined;
  try {
    plan = planStatus(dir);
  } catch (e) {
    return Promise.reject(e);
  }
  if (!plan) return Promise.resolve(undefined);
  const { git, args, options, shadow, head } = plan;
  return new Promise((resolve) => {
    execFile(git, args, options, (err, out) => {
      removeShadowGitDir(shadow);
      resolve(gitInfo(head, err ? undefined : out));
    });
  });
}

interface StatusPlan {
  git: string;
  args: string[];
  options: { cwd: string; encoding: 'utf8'; timeout: number; env: NodeJS.ProcessEnv; maxBuffer: number };
  shadow: string;
  head: Head;
}

function planStatus(dir: string): StatusPlan | undefined {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(runMessage.needs('readGitInfo', 'a folder inside the repository'));
  const repo = findRepository(dir);
  const head = repo && readHead(repo);
  if (!repo || !head) return undefined;
  const untrusted = [dir, repo.workTree];
  const git = findExecutable('git', untrusted);
  if (!git) return undefined;
  const shadow = buildShadowGitDir(repo, head.commit);
  if (!shadow) return undefined;
  return { git, args: statusArgs(shadow, repo), options: statusOptions(repo, untrusted), shadow, head };
}

function statusArgs(shadow: string, repo: Repository): string[] {
  return [
    `--git-dir=${shadow}`,
    `--work-tree=${repo.workTree}`,
    '--no-optional-locks',
    ...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]),
    'status',
    '--porcelain=v2',
    '--branch',
    '--untracked-files=normal',
    '--ignore-submodules=all',
    '--',
    ':/',
    ':(top,exclude,glob)**/.modelbook/**',
  ];
}

function statusOptions(repo: Repository, untrusted: string[]): StatusPlan['options'] {
  // Literal pathspecs would turn the exclude below into a plain path.
  const env = safeGitEnv(untrusted);
  delete env.GIT_LITERAL_PATHSPECS;
  return { cwd: repo.workTree, encoding: 'utf8', timeout: 10_000, env, maxBuffer: 64 * 1024 * 1024 };
}

function gitInfo(head: Head, statusOut: string | undefined): GitInfo | undefined {
  const status = statusOut === undefined ? undefined : parseGitStatus(statusOut);
  if (!status || status.commit !== head.commit) return undefined;
  return { commit: head.commit, ...(head.branch ? { branch: head.branch } : {}), dirty: status.dirty };
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
