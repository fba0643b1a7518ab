/**
 * The review threads and records at the head of a model diff, for `modelbook diff`: read from the
 * work tree when head is the work tree (a run, `WORKTREE`, or the commit checked out: threads are
 * written before they are committed), else from head's commit through git, like the rest of that
 * side. Every file is checked; a bad one is a problem to print, never an error.
 */
import path from 'node:path';
import type { DiffSide } from '../../core/review/contract';
import { APPROVALS_DIR, REVIEW_LIMITS, THREADS_DIR, type ReviewRecord, type ReviewThread } from '../../core/review/threadContract';
import type { GitRevisions } from '../git/revisions';
import { WORKTREE } from '../review/loadSide';
import { listReviews, listThreads, MAX_REVIEW_FILES, parseFetchedReviews, type FetchedFile, type ReviewFileProblem } from './reviewFiles';

export interface HeadReviewFiles {
  threads: ReviewThread[];
  reviews: ReviewRecord[];
  /** Files that were skipped, with why (workspace-relative or `commit:path`). */
  problems: ReviewFileProblem[];
  /** Where they were read: the work tree, or head's commit. */
  from: 'worktree' | 'commit';
}

/**
 * Reads the threads and review records `head` has. `git` is needed for a revision head other
 * than the checked-out commit; without it the work tree is read.
 *
 * @example
 * const { threads, reviews, problems } = await loadHeadReviews('/work/churn', head.side, git);
 */
export async function loadHeadReviews(workspaceDir: string, head: DiffSide, git?: GitRevisions): Promise<HeadReviewFiles> {
  const ws = path.resolve(workspaceDir);
  if (!git || head.commit === undefined || head.kind === 'run' || head.spec === WORKTREE || (await isCheckedOut(git, head.commit))) {
    const threads = listThreads(ws);
    const reviews = listReviews(ws);
    const rel = (p: { file: string; reason: string }) => ({ file: path.relative(ws, p.file).split(path.sep).join('/') || p.file, reason: p.reason });
    return { threads: threads.items, reviews: reviews.items, problems: [...threads.problems, ...reviews.problems].map(rel), from: 'worktree' };
  }
  const commit = head.commit;
  const rel = path.relative(git.repo.workTree, ws).split(path.sep).join('/');
  const prefix = rel === '' ? '' : `${rel}/`;
  const problems: ReviewFileProblem[] = [];
  const fetch = async (dir: string): Promise<FetchedFile[]> => {
    let entries;
    try {
      entries = await git.listTree(commit, `${prefix}${dir}`);
    } catch (e) {
      problems.push({ file: `${commit.slice(0, 12)}:${prefix}${dir}`, reason: (e as Error).message });
      return [];
    }
    // The cap is applied before reading: a commit flooded with files must not make the diff read them all.
    const all = entries.filter((e) => e.path.endsWith('.json'));
    if (all.length > MAX_REVIEW_FILES) problems.push({ file: `${commit.slice(0, 12)}:${prefix}${dir}`, reason: `holds ${all.length} files; only the first ${MAX_REVIEW_FILES} were read` });
    const files = all.slice(0, MAX_REVIEW_FILES);
    const small = files.filter((e) => e.type === 'blob' && (e.size ?? 0) <= REVIEW_LIMITS.fileBytes);
    const blobs = await git.readBlobs(
      small.map((e) => e.oid),
      REVIEW_LIMITS.fileBytes,
    );
    return files.map((e): FetchedFile => {
      const name = e.path.slice(e.path.lastIndexOf('/') + 1);
      const file = `${commit.slice(0, 12)}:${e.path}`;
      const bytes = e.type === 'blob' ? blobs.get(e.oid) : undefined;
      if (bytes) return { file, name, bytes };
      return { file, name, problem: e.type !== 'blob' ? `a ${e.type === 'tree' ? 'folder' : 'submodule'}, not a file` : `larger than ${REVIEW_LIMITS.fileBytes} bytes` };
    });
  };
  const parsed = parseFetchedReviews(await fetch(THREADS_DIR), await fetch(APPROVALS_DIR));
  return { threads: parsed.threads.items, reviews: parsed.reviews.items, problems: [...problems, ...parsed.threads.problems, ...parsed.reviews.problems], from: 'commit' };
}

async function isCheckedOut(git: GitRevisions, commit: string): Promise<boolean> {
  try {
    return (await git.resolve('HEAD')) === commit;
  } catch {
    return false; // an unborn branch: nothing is checked out
  }
}
