import { createHash } from 'node:crypto';
import { reviewFilesMessage } from './messages';
import fs from 'node:fs';
import path from 'node:path';
import type { ModelDiff } from '../../core/review/contract';
import { canonicalDiffJson, parseReviewRecord, serializeReviewRecord } from '../../core/review/reviewRecords';
import { APPROVALS_DIR, REVIEW_LIMITS, THREADS_DIR, type Parsed, type ReviewRecord, type ReviewThread } from '../../core/review/threadContract';
import { parseThread, serializeThread } from '../../core/review/threads';
import { writeFileAtomic } from '../atomicWrite';
import { FileReadError, readRegularFile } from '../readRegularFile';

/** A file under `.modelbook/reviews/` that was not loaded, and why (shown in the log, never thrown). */
export interface ReviewFileProblem {
  file: string;
  reason: string;
}

/** What a folder of thread or review files held. */
export interface Listed<T> {
  items: T[];
  problems: ReviewFileProblem[];
}

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** More files than this in one folder are not read (a repository flooded with files must not stall the host). */
const MAX_FILES = 10_000;

/**
 * Every thread file of the workspace, parsed and checked; bad files are listed with the reason
 * (a symlink, a FIFO, too big, not JSON, a bad field), never thrown.
 *
 * @example
 * const { items, problems } = listThreads('/work/churn');
 */
export function listThreads(workspace: string): Listed<ReviewThread> {
  return listDir(workspace, THREADS_DIR, parseThread, (t, id) => t.id === id);
}

/**
 * Every review record of the workspace, as listThreads does for threads.
 *
 * @example
 * listReviews('/work/churn').items.filter((r) => r.verdict === 'approve')
 */
export function listReviews(workspace: string): Listed<ReviewRecord> {
  return listDir(workspace, APPROVALS_DIR, parseReviewRecord, (r, id) => r.id === id);
}

/**
 * One thread by id, or the reason it could not be read.
 *
 * @example
 * readThread('/work/churn', '01JD…')
 */
export function readThread(workspace: string, id: string): Parsed<ReviewThread> {
  if (!ID.test(id)) return { kind: 'invalid', reason: 'not a thread id' };
  return readOne(path.join(workspace, THREADS_DIR, `${id}.json`), parseThread);
}

/**
 * Writes a thread's file atomically (readers see the old or the new file, never half of one).
 * Refuses when a folder on the way is a symlink, so a link planted in the workspace cannot send
 * the write elsewhere.
 *
 * @example
 * writeThread('/work/churn', thread) // '/work/churn/.modelbook/reviews/threads/01JD….json'
 */
export function writeThread(workspace: string, thread: ReviewThread): string {
  return writeIn(workspace, THREADS_DIR, thread.id, serializeThread(thread));
}

/**
 * Deletes a thread's file (no error when it is already gone).
 *
 * @example
 * deleteThread('/work/churn', thread.id)
 */
export function deleteThread(workspace: string, id: string): void {
  if (!ID.test(id)) throw new Error(reviewFilesMessage.notThreadId(id));
  const dir = realDir(workspace, THREADS_DIR, false);
  if (dir) fs.rmSync(path.join(dir, `${id}.json`), { force: true });
}

/**
 * Writes a review record atomically, as writeThread does.
 *
 * @example
 * writeReview('/work/churn', record)
 */
export function writeReview(workspace: string, record: ReviewRecord): string {
  return writeIn(workspace, APPROVALS_DIR, record.id, serializeReviewRecord(record));
}

/**
 * The sha-256 (hex) of a model diff's canonical JSON: what a review record's `diffHash` holds.
 *
 * @example
 * hashModelDiff(diff) // '9f86d0…'
 */
export function hashModelDiff(diff: ModelDiff): string {
  return createHash('sha256').update(canonicalDiffJson(diff), 'utf8').digest('hex');
}

function writeIn(workspace: string, sub: string, id: string, text: string): string {
  if (!ID.test(id)) throw new Error(reviewFilesMessage.notUlidName(id));
  const dir = realDir(workspace, sub, true)!;
  const file = path.join(dir, `${id}.json`);
  writeFileAtomic(file, text);
  return file;
}

/** `workspace/sub`, created when asked, refusing any segment that is a symlink or not a folder; undefined when missing. */
function realDir(workspace: string, sub: string, create: boolean): string | undefined {
  let dir = workspace;
  for (const segment of sub.split('/')) {
    dir = path.join(dir, segment);
    let stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!stat && create) {
      fs.mkdirSync(dir);
      stat = fs.lstatSync(dir);
    }
    if (!stat) return undefined;
    if (!stat.isDirectory()) throw new Error(reviewFilesMessage.notRealFolder(dir, stat.isSymbolicLink()));
  }
  return dir;
}

function listDir<T>(workspace: string, sub: string, parse: (text: string) => Parsed<T>, idMatches: (item: T, id: string) => boolean): Listed<T> {
  const items: T[] = [];
  const problems: ReviewFileProblem[] = [];
  let dir: string | undefined;
  try {
    dir = realDir(workspace, sub, false);
  } catch (e) {
    problems.push({ file: path.join(workspace, sub), reason: (e as Error).message });
  }
  if (!dir) return { items, problems };
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort();
  if (names.length > MAX_FILES) problems.push({ file: dir, reason: `holds ${names.length} files; only the first ${MAX_FILES} were read` });
  for (const name of names.slice(0, MAX_FILES)) {
    const file = path.join(dir, name);
    keepParsed({ items, problems }, file, name, readOne(file, parse), idMatches);
  }
  return { items, problems };
}

/** Adds a parsed file to `into`: its item, or a problem when it was refused or its id is not its file name. */
function keepParsed<T>(into: Listed<T>, file: string, name: string, r: Parsed<T>, idMatches: (item: T, id: string) => boolean): void {
  const id = name.slice(0, -'.json'.length);
  if (r.kind === 'invalid') into.problems.push({ file, reason: r.reason });
  else if (!idMatches(r.value, id)) into.problems.push({ file, reason: 'its id does not match its file name' });
  else into.items.push(r.value);
}

/** One file of a folder read from somewhere else than the work tree (a commit): its path and its bytes, or why it was not read. */
export interface FetchedFile {
  /** Where it is, for messages (e.g. `3f2a1c9d04e1:.modelbook/reviews/threads/01JD….json`). */
  file: string;
  /** The file name. */
  name: string;
  bytes?: Uint8Array;
  /** Why there are no bytes (too big, not a file). */
  problem?: string;
}

/**
 * Threads and review records from files fetched elsewhere (a git commit), checked exactly as
 * listThreads / listReviews check the work tree's: a bad file becomes a problem, never a throw.
 *
 * @example
 * parseFetchedReviews(threadFiles, reviewFiles).threads.items
 */
export function parseFetchedReviews(threadFiles: readonly FetchedFile[], reviewFiles: readonly FetchedFile[]): { threads: Listed<ReviewThread>; reviews: Listed<ReviewRecord> } {
  const parseAll = <T>(files: readonly FetchedFile[], parse: (text: string) => Parsed<T>, idMatches: (item: T, id: string) => boolean): Listed<T> => {
    const out: Listed<T> = { items: [], problems: [] };
    const named = files.filter((f) => f.name.endsWith('.json') && !f.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (named.length > MAX_FILES) out.problems.push({ file: path.dirname(named[0]!.file), reason: `holds ${named.length} files; only the first ${MAX_FILES} were read` });
    for (const f of named.slice(0, MAX_FILES)) {
      if (f.bytes === undefined) out.problems.push({ file: f.file, reason: f.problem ?? 'not a readable file' });
      else if (f.bytes.length > REVIEW_LIMITS.fileBytes) out.problems.push({ file: f.file, reason: `larger than ${REVIEW_LIMITS.fileBytes} bytes` });
      else keepParsed(out, f.file, f.name, parse(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('utf8')), idMatches);
    }
    return out;
  };
  return {
    threads: parseAll(threadFiles, parseThread, (t, id) => t.id === id),
    reviews: parseAll(reviewFiles, parseReviewRecord, (r, id) => r.id === id),
  };
}

/** How many files of one review folder are read at most (see MAX_FILES). */
export const MAX_REVIEW_FILES = MAX_FILES;

function readOne<T>(file: string, parse: (text: string) => Parsed<T>): Parsed<T> {
  try {
    return parse(readRegularFile(file, { maxBytes: REVIEW_LIMITS.fileBytes }).bytes.toString('utf8'));
  } catch (e) {
    if (e instanceof FileReadError) return { kind: 'invalid', reason: e.reason };
    throw e;
  }
}
