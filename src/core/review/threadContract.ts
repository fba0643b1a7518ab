/**
 * Review threads and review records as stored in the repository: one JSON file per thread under
 * `.modelbook/reviews/threads/<id>.json`, one per review under `.modelbook/reviews/approvals/<id>.json`.
 * Files arrive with a `git pull`, so every field is checked on read (see validateThread).
 */

/** The thread file format's version; a file with another one is refused, not guessed at. */
export const THREAD_VERSION = 1;
/** The review record format's version. */
export const REVIEW_RECORD_VERSION = 1;

/** Where thread files live, relative to the workspace folder. */
export const THREADS_DIR = '.modelbook/reviews/threads';
/** Where review records live, relative to the workspace folder. */
export const APPROVALS_DIR = '.modelbook/reviews/approvals';

/** Who wrote a comment or a review (from git config `user.name` / `user.email`). */
export interface ReviewAuthor {
  name: string;
  email: string;
}

/** What a thread is about: a cell of a notebook, and optionally the run, metric or slice it names. */
export interface ThreadAnchor {
  /** Workspace-relative, '/'-separated path of the notebook. */
  notebook: string;
  /** The nbformat cell id (stable across edits above the cell and reloads). */
  cellId: string;
  runId?: string;
  metric?: string;
  slice?: string;
}

export type ThreadStatus = 'open' | 'resolved';

export interface ThreadComment {
  id: string;
  author: ReviewAuthor;
  /** Markdown. */
  body: string;
  /** ISO 8601. */
  createdAt: string;
  editedAt?: string;
}

/** One review thread, as in its file. */
export interface ReviewThread {
  version: typeof THREAD_VERSION;
  /** A ULID: the file name without `.json`. */
  id: string;
  anchor: ThreadAnchor;
  status: ThreadStatus;
  createdAt: string;
  comments: ThreadComment[];
}

export type ReviewVerdict = 'approve' | 'request-changes';

/** One side of a reviewed change: the git revision (when known) and the runs compared. */
export interface ReviewedSide {
  rev?: string;
  runIds: string[];
}

/** An approval or a change request, as in its file. */
export interface ReviewRecord {
  version: typeof REVIEW_RECORD_VERSION;
  id: string;
  reviewer: ReviewAuthor;
  verdict: ReviewVerdict;
  base: ReviewedSide;
  head: ReviewedSide;
  /** sha-256 (hex) of the canonical JSON of the ModelDiff the reviewer saw; '' when none was shown. */
  diffHash: string;
  createdAt: string;
  /** Markdown. */
  body?: string;
}

/** A parsed file, or why it was refused. */
export type Parsed<T> = { kind: 'ok'; value: T } | { kind: 'invalid'; reason: string };

/** Size limits for untrusted files: a thread file is read from the repository, written by anyone. */
export const REVIEW_LIMITS = {
  /** Bytes of one thread or review file. */
  fileBytes: 1 << 20,
  comments: 500,
  /** Characters of one comment body (Markdown). */
  bodyChars: 20_000,
  /** Characters of a name, email, id, path or other short field. */
  shortChars: 512,
  runIds: 1000,
} as const;
