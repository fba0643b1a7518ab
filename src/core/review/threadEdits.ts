import { REVIEW_LIMITS, THREAD_VERSION, type ReviewAuthor, type ReviewThread, type ThreadAnchor, type ThreadStatus } from './threadContract';
import { fileMessage } from './messages';

/** Ids and the clock, injected so the edits stay pure (and tests pin them). */
export interface EditContext {
  /** A new ULID (src/core/runs/ulid.ts). */
  newId: () => string;
  /** The current time, ISO 8601. */
  now: () => string;
}

/**
 * A new open thread with its first comment.
 *
 * @example
 * createThread({ notebook: 'churn.mlnb', cellId: 'a1b2' }, me, 'Why was the seed changed?', ctx)
 */
export function createThread(anchor: ThreadAnchor, author: ReviewAuthor, body: string, ctx: EditContext): ReviewThread {
  const createdAt = ctx.now();
  const id = ctx.newId();
  return { version: THREAD_VERSION, id, anchor: { ...anchor }, status: 'open', createdAt, comments: [{ id: ctx.newId(), author: { ...author }, body: clip(body), createdAt }] };
}

/**
 * The thread with a reply at the end.
 *
 * @example
 * addComment(thread, me, 'Fixed in the next commit.', ctx)
 */
export function addComment(thread: ReviewThread, author: ReviewAuthor, body: string, ctx: EditContext): ReviewThread {
  if (thread.comments.length >= REVIEW_LIMITS.comments) throw new RangeError(fileMessage.threadFull(REVIEW_LIMITS.comments));
  return { ...thread, comments: [...thread.comments, { id: ctx.newId(), author: { ...author }, body: clip(body), createdAt: ctx.now() }] };
}

/**
 * The thread with comment `commentId`'s body replaced, when `author` wrote it (same email, or same
 * name when neither has an email); else undefined.
 *
 * @example
 * editComment(thread, c.id, me, 'Reworded.', ctx) ?? thread
 */
export function editComment(thread: ReviewThread, commentId: string, author: ReviewAuthor, body: string, ctx: EditContext): ReviewThread | undefined {
  const i = thread.comments.findIndex((c) => c.id === commentId);
  if (i < 0 || !isSameAuthor(thread.comments[i]!.author, author)) return undefined;
  const comments = thread.comments.slice();
  comments[i] = { ...comments[i]!, body: clip(body), editedAt: ctx.now() };
  return { ...thread, comments };
}

/**
 * The thread without comment `commentId`, when `author` wrote it; undefined when not theirs or
 * not found. A thread left with no comments is for the caller to delete.
 *
 * @example
 * const next = deleteComment(thread, c.id, me);
 */
export function deleteComment(thread: ReviewThread, commentId: string, author: ReviewAuthor): ReviewThread | undefined {
  const c = thread.comments.find((x) => x.id === commentId);
  if (!c || !isSameAuthor(c.author, author)) return undefined;
  return { ...thread, comments: thread.comments.filter((x) => x.id !== commentId) };
}

/**
 * The thread with a new status (resolve / reopen).
 *
 * @example
 * setThreadStatus(thread, 'resolved')
 */
export function setThreadStatus(thread: ReviewThread, status: ThreadStatus): ReviewThread {
  return { ...thread, status };
}

/**
 * Whether two authors are the same person: the same email (case-insensitive), or the same name
 * when both emails are empty.
 *
 * @example
 * isSameAuthor({ name: 'Ada', email: 'ADA@x.org' }, { name: 'A. L.', email: 'ada@x.org' }) // true
 */
export function isSameAuthor(a: ReviewAuthor, b: ReviewAuthor): boolean {
  if (a.email !== '' || b.email !== '') return a.email.toLowerCase() === b.email.toLowerCase();
  return a.name === b.name;
}

function clip(body: string): string {
  return body.length > REVIEW_LIMITS.bodyChars ? body.slice(0, REVIEW_LIMITS.bodyChars) : body;
}
