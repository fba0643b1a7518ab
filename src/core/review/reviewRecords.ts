import { checkAuthor, checkEnum, checkObject, checkString, checkTime, checkUlid, FieldError, parseJsonText } from './checkFields';
import { fileMessage } from './messages';
import type { ModelDiff } from './contract';
import { REVIEW_LIMITS, REVIEW_RECORD_VERSION, type Parsed, type ReviewedSide, type ReviewRecord } from './threadContract';

/**
 * A review record file's text read back, or the reason it was refused (never a throw).
 *
 * @example
 * const r = parseReviewRecord(text); if (r.kind === 'ok') approvals.push(r.value);
 */
export function parseReviewRecord(text: string): Parsed<ReviewRecord> {
  try {
    return { kind: 'ok', value: _validateReviewRecord(parseJsonText(text, REVIEW_LIMITS.fileBytes)) };
  } catch (e) {
    if (e instanceof FieldError) return { kind: 'invalid', reason: e.message };
    return { kind: 'invalid', reason: `the file could not be read (${String((e as Error)?.message ?? e).slice(0, 120)})` };
  }
}

export function _validateReviewRecord(value: unknown): ReviewRecord {
  const o = checkObject(value, 'the review', ['version', 'id', 'reviewer', 'verdict', 'base', 'head', 'diffHash', 'createdAt', 'body']);
  if (o.version !== REVIEW_RECORD_VERSION) throw new FieldError(fileMessage.badVersion(REVIEW_RECORD_VERSION, o.version));
  const diffHash = checkString(o.diffHash, 'diffHash', 64, true);
  if (diffHash !== '' && !/^[0-9a-f]{64}$/.test(diffHash)) throw new FieldError(fileMessage.badDiffHash);
  const record: ReviewRecord = {
    version: REVIEW_RECORD_VERSION,
    id: checkUlid(o.id, 'id'),
    reviewer: checkAuthor(o.reviewer, 'reviewer'),
    verdict: checkEnum(o.verdict, 'verdict', ['approve', 'request-changes'] as const),
    base: checkSide(o.base, 'base'),
    head: checkSide(o.head, 'head'),
    diffHash,
    createdAt: checkTime(o.createdAt, 'createdAt'),
  };
  if (o.body !== undefined) record.body = checkString(o.body, 'body', REVIEW_LIMITS.bodyChars, true);
  return record;
}

function checkSide(v: unknown, where: string): ReviewedSide {
  const o = checkObject(v, where, ['rev', 'runIds']);
  if (!Array.isArray(o.runIds)) throw new FieldError(fileMessage.notList(`${where}.runIds`));
  if (o.runIds.length > REVIEW_LIMITS.runIds) throw new FieldError(fileMessage.tooMany(`${where}.runIds`, REVIEW_LIMITS.runIds));
  const side: ReviewedSide = { runIds: o.runIds.map((id, i) => checkString(id, `${where}.runIds[${i}]`)) };
  if (o.rev !== undefined) side.rev = checkString(o.rev, `${where}.rev`, 256);
  return side;
}

/**
 * A review record's file text: two-space JSON in the format's key order, with a final newline.
 *
 * @example
 * writeFileAtomic(file, serializeReviewRecord(record));
 */
export function serializeReviewRecord(r: ReviewRecord): string {
  const side = (s: ReviewedSide) => ({ rev: s.rev, runIds: s.runIds.slice() });
  const ordered = {
    version: r.version,
    id: r.id,
    reviewer: { name: r.reviewer.name, email: r.reviewer.email },
    verdict: r.verdict,
    base: side(r.base),
    head: side(r.head),
    diffHash: r.diffHash,
    createdAt: r.createdAt,
    body: r.body,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

/**
 * The canonical JSON of a model diff — what its review hash is taken over: keys sorted at every
 * level, no whitespace, undefined members left out, non-finite numbers as null (as JSON.stringify
 * writes them). Two diffs equal as JSON give the same text whatever order their keys were built in.
 *
 * @example
 * sha256Hex(canonicalDiffJson(diff)) // the review record's diffHash
 */
export function canonicalDiffJson(diff: ModelDiff): string {
  return canonical(diff);
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    const text = typeof v === 'number' && !Number.isFinite(v) ? 'null' : JSON.stringify(v);
    return text === undefined ? 'null' : text;
  }
  if (ArrayBuffer.isView(v)) return canonical(Array.from(v as unknown as ArrayLike<number>));
  if (Array.isArray(v)) return '[' + v.map((x) => canonical(x)).join(',') + ']';
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical(obj[k])).join(',') + '}';
}
