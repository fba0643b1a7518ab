import path from 'node:path';
import { isRealDirectory, readRegularText } from './safeRead';

/** Where a repository's pieces are: its work tree, its git dir, and the dir it shares objects and refs from. */
export interface Repository {
  workTree: string;
  gitDir: string;
  /** The git dir itself, or the main repository's for a `git worktree add` checkout. */
  commonDir: string;
}

/** What HEAD points at. */
export interface Head {
  commit: string;
  /** The branch name (`refs/heads/` removed); undefined on a detached HEAD. */
  branch?: string;
}

const SMALL = 64 * 1024;
const PACKED_REFS_MAX = 64 * 1024 * 1024;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The repository whose work tree holds `dir`, found as git finds it (the nearest `.git` folder
 * with a HEAD, or a `.git` file saying `gitdir: …`) but by reading files only, so nothing a cell
 * writes into `.git/config` can make the host run a command.
 *
 * @example
 * findRepository('/work/churn/notebooks') // { workTree: '/work/churn', gitDir: '/work/churn/.git', commonDir: '/work/churn/.git' }
 */
export function findRepository(dir: string): Repository | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    const dotGit = path.join(cur, '.git');
    if (isRealDirectory(dotGit)) {
      if (readRegularText(path.join(dotGit, 'HEAD'), SMALL) !== undefined) return withCommonDir(cur, dotGit);
    } else {
      const file = readRegularText(dotGit, SMALL);
      if (file !== undefined) {
        const m = /^gitdir: (.+)$/m.exec(file);
        return m ? withCommonDir(cur, path.resolve(cur, m[1]!.trim())) : undefined;
      }
    }
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

function withCommonDir(workTree: string, gitDir: string): Repository | undefined {
  if (!isRealDirectory(gitDir)) return undefined;
  const common = readRegularText(path.join(gitDir, 'commondir'), SMALL)?.trim();
  const commonDir = common ? path.resolve(gitDir, common) : gitDir;
  return isRealDirectory(commonDir) ? { workTree, gitDir, commonDir } : undefined;
}

/**
 * The commit HEAD points at and its branch, from HEAD, the loose refs and packed-refs.
 * Undefined before the first commit or when HEAD or the refs cannot be read.
 *
 * @example
 * readHead(findRepository('/work/churn')!) // { commit: '3f2a…', branch: 'main' }
 */
export function readHead(repo: Repository): Head | undefined {
  const head = readRegularText(path.join(repo.gitDir, 'HEAD'), SMALL)?.trim();
  if (head === undefined) return undefined;
  if (OBJECT_ID.test(head)) return { commit: head };
  const m = /^ref: (\S+)$/.exec(head);
  if (!m) return undefined;
  const commit = resolveRef(repo, m[1]!, 0);
  if (!commit) return undefined;
  const branch = m[1]!.startsWith('refs/heads/') ? m[1]!.slice('refs/heads/'.length) : m[1]!;
  return { commit, branch };
}

function resolveRef(repo: Repository, name: string, depth: number): string | undefined {
  if (depth > 5 || !isSafeRefName(name)) return undefined;
  for (const dir of repo.gitDir === repo.commonDir ? [repo.gitDir] : [repo.gitDir, repo.commonDir]) {
    const loose = readRegularText(path.join(dir, ...name.split('/')), SMALL)?.trim();
    if (loose === undefined) continue;
    if (OBJECT_ID.test(loose)) return loose;
    const sym = /^ref: (\S+)$/.exec(loose);
    return sym ? resolveRef(repo, sym[1]!, depth + 1) : undefined;
  }
  return packedRef(repo.commonDir, name);
}

function packedRef(commonDir: string, name: string): string | undefined {
  const packed = readRegularText(path.join(commonDir, 'packed-refs'), PACKED_REFS_MAX);
  if (!packed) return undefined;
  for (const line of packed.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0 && line.slice(sp + 1).trimEnd() === name && OBJECT_ID.test(line.slice(0, sp))) return line.slice(0, sp);
  }
  return undefined;
}

/** A ref name that stays inside the refs folder (git's check-ref-format rules, roughly). */
function isSafeRefName(name: string): boolean {
  if (!/^refs\/[^\0-\x20\x7f~^:?*[\\]+$/.test(name)) return false;
  return !name.includes('..') && !name.includes('@{') && !name.endsWith('.lock') && name.split('/').every((part) => part !== '' && !part.startsWith('.'));
}
