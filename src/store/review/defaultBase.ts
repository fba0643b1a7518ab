import path from 'node:path';
import { readConfigValues, readRemotes } from '../git/configFile';
import { readHead } from '../git/repository';
import { readRegularText } from '../git/safeRead';
import { checkRevision, GitRevisionError, type GitRevisions } from '../git/revisions';
import { reviewBaseMessage } from './messages';

/** The base a review compares against when the reviewer picks none, and why it was chosen. */
export interface DefaultBase {
  /** The commit to read the base side from. */
  commit: string;
  /** How it was found: the checked-out pull request's base, the default branch, or the parent commit. */
  reason: 'pull-request' | 'default-branch' | 'parent';
  /** The ref it came from (`origin/main`), or `HEAD~1`. */
  ref: string;
  /** One line for the picker: "merge-base with origin/main (the pull request's base)". */
  label: string;
}

/** The GitHub Pull Requests extension's record of a checked-out pull request's base, per branch. */
const PR_BASE_KEY = 'github-pr-base-branch';

/**
 * The base a model review compares HEAD against by default: the merge-base with the pull
 * request's base when one is checked out (`branch.<current>.github-pr-base-branch`, `owner/repo:branch`
 * or `branch`, mapped to the remote-tracking ref of the remote whose URL names that repository),
 * else the merge-base with the default branch (`origin/HEAD`, then main, then master) when it is
 * not HEAD itself, else `HEAD~1`. Undefined when HEAD has no parent and nothing else applies.
 *
 * @example
 * await pickDefaultBase(git) // { commit: '3f2a…', reason: 'pull-request', ref: 'origin/main', label: '…' }
 */
export async function pickDefaultBase(git: GitRevisions): Promise<DefaultBase | undefined> {
  const head = await git.resolve('HEAD');
  const pr = await pullRequestBase(git);
  if (pr) {
    const commit = await git.mergeBase(head, pr.commit);
    if (commit) return { commit, reason: 'pull-request', ref: pr.ref, label: reviewBaseMessage.pullRequest(pr.ref) };
  }
  for (const ref of defaultBranchCandidates(git)) {
    const tip = await tryResolve(git, ref);
    if (!tip) continue;
    const commit = await git.mergeBase(head, tip);
    if (commit && commit !== head) return { commit, reason: 'default-branch', ref, label: reviewBaseMessage.defaultBranch(ref) };
    break;
  }
  const parent = await tryResolve(git, 'HEAD~1');
  return parent ? { commit: parent, reason: 'parent', ref: 'HEAD~1', label: reviewBaseMessage.parent } : undefined;
}

/** The checked-out pull request's base as a ref this repository has, or undefined. */
async function pullRequestBase(git: GitRevisions): Promise<{ ref: string; commit: string } | undefined> {
  const branch = readHead(git.repo)?.branch;
  if (!branch) return undefined;
  const value = readConfigValues(git.repo, 'branch', branch, PR_BASE_KEY).at(-1)?.trim();
  if (!value) return undefined;
  const colon = value.lastIndexOf(':');
  const repoName = colon >= 0 ? value.slice(0, colon) : undefined;
  const baseBranch = colon >= 0 ? value.slice(colon + 1) : value;
  if (checkRevision(baseBranch) !== undefined) return undefined;
  const remotes = readRemotes(git.repo);
  const matching = repoName ? remotes.filter((r) => namesRepository(r.url, repoName)).map((r) => r.name) : [];
  const candidates = [...matching, ...(remotes.some((r) => r.name === 'origin') ? ['origin'] : []), ...remotes.map((r) => r.name)];
  for (const remote of [...new Set(candidates)]) {
    const ref = `${remote}/${baseBranch}`;
    const commit = checkRevision(ref) === undefined ? await tryResolve(git, `refs/remotes/${ref}`) : undefined;
    if (commit) return { ref, commit };
  }
  const local = await tryResolve(git, `refs/heads/${baseBranch}`);
  return local ? { ref: baseBranch, commit: local } : undefined;
}

/** Whether a remote URL (https, ssh or scp-like) points at `owner/repo`. */
function namesRepository(url: string, ownerRepo: string): boolean {
  const m = /[/:]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m !== null && m[1]!.toLowerCase() === ownerRepo.toLowerCase();
}

/** `origin/HEAD`'s target (read as a file: it is a symbolic ref the private git dir does not copy), then main and master. */
function defaultBranchCandidates(git: GitRevisions): string[] {
  const originHead = readOriginHead(git);
  return [...new Set([...(originHead ? [originHead] : []), 'origin/main', 'origin/master', 'main', 'master'])];
}

function readOriginHead(git: GitRevisions): string | undefined {
  const text = readRegularText(path.join(git.repo.commonDir, 'refs', 'remotes', 'origin', 'HEAD'), 4096)?.trim();
  const m = text ? /^ref: refs\/remotes\/(origin\/\S+)$/.exec(text) : null;
  return m && checkRevision(m[1]) === undefined ? m[1] : undefined;
}

async function tryResolve(git: GitRevisions, rev: string): Promise<string | undefined> {
  try {
    return await git.resolve(rev);
  } catch (e) {
    if (e instanceof GitRevisionError) return undefined;
    throw e;
  }
}
