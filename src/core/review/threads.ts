import { checkAuthor, checkEnum, checkObject, checkOptionalString, checkString, checkTime, checkUlid, FieldError, parseJsonText } from './checkFields';
import { fileMessage } from './messages';
import { REVIEW_LIMITS, THREAD_VERSION, type Parsed, type ReviewThread, type ThreadAnchor, type ThreadComment } from './threadContract';

/**
 * A thread file's text read back into a thread, or the reason it was refused (never a throw): the
 * file came from the repository, so anything may be in it.
 *
 * @example
 * const r = parseThread(text);
 * if (r.kind === 'invalid') log.warn(`${file}: ${r.reason}`);
 */
export function parseThread(text: string): Parsed<ReviewThread> {
  try {
    return { kind: 'ok', value: _validateThread(parseJsonText(text, REVIEW_LIMITS.fileBytes)) };
  } catch (e) {
    if (e instanceof FieldError) return { kind: 'invalid', reason: e.message };
    return { kind: 'invalid', reason: `the file could not be read (${String((e as Error)?.message ?? e).slice(0, 120)})` };
  }
}

/**
 * A parsed value checked as a thread: every field's type, the ids, times, limits (see
 * REVIEW_LIMITS); the result is a fresh object holding only the known fields.
 *
 * @example
 * validateThread(JSON.parse(text)) // { kind: 'ok', value: { version: 1, id: '01J…', … } }
 */
export function validateThread(value: unknown): Parsed<ReviewThread> {
  try {
    return { kind: 'ok', value: _validateThread(value) };
  } catch (e) {
    if (e instanceof FieldError) return { kind: 'invalid', reason: e.message };
    throw e;
  }
}

export function _validateThread(value: unknown): ReviewThread {
  const o = checkObject(value, 'the thread', ['version', 'id', 'anchor', 'status', 'createdAt', 'comments']);
  if (o.version !== THREAD_VERSION) throw new FieldError(fileMessage.badVersion(THREAD_VERSION, o.version));
  const comments = o.comments;
  if (!Array.isArray(comments)) throw new FieldError(fileMessage.notList('comments'));
  if (comments.length > REVIEW_LIMITS.comments) throw new FieldError(fileMessage.tooMany('comments', REVIEW_LIMITS.comments));
  const seen = new Set<string>();
  return {
    version: THREAD_VERSION,
    id: checkUlid(o.id, 'id'),
    anchor: checkAnchor(o.anchor),
    status: checkEnum(o.status, 'status', ['open', 'resolved'] as const),
    createdAt: checkTime(o.createdAt, 'createdAt'),
    comments: comments.map((c, i) => {
      const comment = checkComment(c, `comments[${i}]`);
      if (seen.has(comment.id)) throw new FieldError(fileMessage.repeatedId(`comments[${i}].id`));
      seen.add(comment.id);
      return comment;
    }),
  };
}

function checkAnchor(v: unknown): ThreadAnchor {
  const o = checkObject(v, 'anchor', ['notebook', 'cellId', 'runId', 'metric', 'slice']);
  const notebook = checkString(o.notebook, 'anchor.notebook');
  if (notebook.startsWith('/') || /^[A-Za-z]:/.test(notebook) || /[\0\\]/.test(notebook) || notebook.split('/').some((s) => s === '..' || s === '')) {
    throw new FieldError(fileMessage.badNotebookPath);
  }
  const anchor: ThreadAnchor = { notebook, cellId: checkString(o.cellId, 'anchor.cellId') };
  const runId = checkOptionalString(o.runId, 'anchor.runId');
  const metric = checkOptionalString(o.metric, 'anchor.metric');
  const slice = checkOptionalString(o.slice, 'anchor.slice');
  if (runId !== undefined) anchor.runId = runId;
  if (metric !== undefined) anchor.metric = metric;
  if (slice !== undefined) anchor.slice = slice;
  return anchor;
}

function checkComment(v: unknown, where: string): ThreadComment {
  const o = checkObject(v, where, ['id', 'author', 'body', 'createdAt', 'editedAt']);
  const comment: ThreadComment = {
    id: checkUlid(o.id, `${where}.id`),
    author: checkAuthor(o.author, `${where}.author`),
    body: checkString(o.body, `${where}.body`, REVIEW_LIMITS.bodyChars, true),
    createdAt: checkTime(o.createdAt, `${where}.createdAt`),
  };
  if (o.editedAt !== undefined) comment.editedAt = checkTime(o.editedAt, `${where}.editedAt`);
  return comment;
}

/**
 * A thread's file text: two-space JSON with the keys in one fixed order (the order of the format's
 * description, not alphabetical, so a reader sees the anchor before the comments), one comment
 * after another, and a final newline — the same thread always gives the same bytes, and a reply
 * adds lines at the end of the comments list, which merges cleanly.
 *
 * @example
 * writeFileAtomic(file, serializeThread(thread));
 */
export function serializeThread(thread: ReviewThread): string {
  const a = thread.anchor;
  const ordered = {
    version: thread.version,
    id: thread.id,
    anchor: { notebook: a.notebook, cellId: a.cellId, runId: a.runId, metric: a.metric, slice: a.slice },
    status: thread.status,
    createdAt: thread.createdAt,
    comments: thread.comments.map((c) => ({ id: c.id, author: { name: c.author.name, email: c.author.email }, body: c.body, createdAt: c.createdAt, editedAt: c.editedAt })),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
