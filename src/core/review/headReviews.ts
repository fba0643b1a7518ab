/**
 * What a model diff lists of the review going on at its head: the open threads and the approvals /
 * change requests recorded for that head (issue 11: "`modelbook diff` lists open threads and reviews
 * for the head it compares"). Pure: the store reads the files, this picks and summarises.
 */
import type { DiffReview, DiffSide, DiffThread } from './contract';
import { notebookMatches } from './diffModels';
import type { ReviewRecord, ReviewedSide, ReviewThread } from './threadContract';

const TITLE_CHARS = 120;

/**
 * The open threads (of `notebook` when given) and the review records whose head is `head`, oldest
 * first. A record is for this head when its revision is head's commit (or a prefix of it of at
 * least 7 characters), or the revision head was asked as (e.g. `HEAD`), or its run ids are head's.
 * `diffHash` is the hash of the diff being printed: a record with the same hash saw this very diff.
 *
 * @example
 * const { threads, reviews } = headReviews(listed.threads, listed.reviews, diff.head, hashModelDiff(diff));
 * threads[0] // { id: '01JD…', notebook: 'churn.mlnb', cellId: 'c3', metric: 'auc', author: 'Ada', comments: 2, title: 'Why did AUC drop?', … }
 */
export function headReviews(threads: readonly ReviewThread[], reviews: readonly ReviewRecord[], head: DiffSide, diffHash: string, notebook?: string): { threads: DiffThread[]; reviews: DiffReview[] } {
  const open = threads
    .filter((t) => t.status === 'open' && (notebook === undefined || notebookMatches(t.anchor.notebook, notebook)))
    .sort((a, b) => byTime(a.createdAt, b.createdAt) || byTime(a.id, b.id))
    .map(summarizeThread);
  const forHead = reviews
    .filter((r) => isForHead(r.head, head))
    .sort((a, b) => byTime(a.createdAt, b.createdAt) || byTime(a.id, b.id))
    .map((r): DiffReview => ({
      id: r.id,
      reviewer: r.reviewer.name,
      verdict: r.verdict,
      createdAt: r.createdAt,
      sameDiff: diffHash !== '' && r.diffHash === diffHash,
      ...(r.body && firstLine(r.body) ? { title: firstLine(r.body) } : {}),
    }));
  return { threads: open, reviews: forHead };
}

function summarizeThread(t: ReviewThread): DiffThread {
  const first = t.comments[0];
  return {
    id: t.id,
    notebook: t.anchor.notebook,
    cellId: t.anchor.cellId,
    ...(t.anchor.runId !== undefined ? { runId: t.anchor.runId } : {}),
    ...(t.anchor.metric !== undefined ? { metric: t.anchor.metric } : {}),
    ...(t.anchor.slice !== undefined ? { slice: t.anchor.slice } : {}),
    author: first?.author.name ?? '',
    createdAt: t.createdAt,
    comments: t.comments.length,
    title: first ? firstLine(first.body) : '',
  };
}

function isForHead(reviewed: ReviewedSide, head: DiffSide): boolean {
  const rev = reviewed.rev;
  if (rev !== undefined && rev !== '') {
    if (rev === head.spec) return true;
    if (head.commit !== undefined && rev.length >= 7 && head.commit.startsWith(rev.toLowerCase())) return true;
  }
  if (reviewed.runIds.length === 0 || head.runIds.length === 0) return false;
  const ids = new Set(head.runIds);
  return reviewed.runIds.length === ids.size && reviewed.runIds.every((id) => ids.has(id));
}

/** The first non-empty line of a Markdown body, with control characters removed and cut to TITLE_CHARS. */
function firstLine(body: string): string {
  const line = body.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.length > TITLE_CHARS ? `${clean.slice(0, TITLE_CHARS - 1)}…` : clean;
}

function byTime(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
