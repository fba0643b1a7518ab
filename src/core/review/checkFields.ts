import { REVIEW_LIMITS } from './threadContract';
import { fileMessage } from './messages';
import type { ReviewAuthor } from './threadContract';

/** Thrown inside a validator to stop at the first bad field; validators turn it into a reason. */
export class FieldError extends Error {
  override name = 'FieldError';
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The plain object at `where`, refusing arrays, null and keys outside `allowed` (an unknown key is
 * more likely a newer format or a hand edit gone wrong than something to keep silently).
 *
 * @example
 * checkObject({ a: 1 }, 'anchor', ['a']) // { a: 1 }
 */
export function checkObject(v: unknown, where: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new FieldError(fileMessage.notObject(where));
  const obj = v as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) throw new FieldError(fileMessage.unknownField(where, k));
  return obj;
}

/**
 * A string of at most `max` characters (non-empty unless `allowEmpty`).
 *
 * @example
 * checkString('Ada', 'author.name') // 'Ada'
 */
export function checkString(v: unknown, where: string, max: number = REVIEW_LIMITS.shortChars, allowEmpty = false): string {
  if (typeof v !== 'string') throw new FieldError(fileMessage.notString(where));
  if (!allowEmpty && v === '') throw new FieldError(fileMessage.empty(where));
  if (v.length > max) throw new FieldError(fileMessage.tooLong(where, max));
  return v;
}

/**
 * As checkString, for a field that may be missing (undefined stays undefined).
 *
 * @example
 * checkOptionalString(undefined, 'anchor.metric') // undefined
 */
export function checkOptionalString(v: unknown, where: string, max?: number): string | undefined {
  return v === undefined ? undefined : checkString(v, where, max);
}

/**
 * An ISO 8601 date-time string.
 *
 * @example
 * checkTime('2026-12-07T05:00:00.000Z', 'createdAt')
 */
export function checkTime(v: unknown, where: string): string {
  const s = checkString(v, where, 40);
  if (!ISO_TIME.test(s) || Number.isNaN(Date.parse(s))) throw new FieldError(fileMessage.notTime(where));
  return s;
}

/**
 * A ULID (26 Crockford base-32 characters), as thread, comment and review ids are.
 *
 * @example
 * checkUlid('01JDQ7Z8K5W3M2T9XG4E6HRB1C', 'id')
 */
export function checkUlid(v: unknown, where: string): string {
  const s = checkString(v, where, 26);
  if (!ULID.test(s)) throw new FieldError(fileMessage.notUlid(where));
  return s;
}

/**
 * One of `values`.
 *
 * @example
 * checkEnum('open', 'status', ['open', 'resolved'])
 */
export function checkEnum<T extends string>(v: unknown, where: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new FieldError(fileMessage.notOneOf(where, values));
  return v as T;
}

/**
 * An author: a non-empty name and an email (may be empty when git config has none).
 *
 * @example
 * checkAuthor({ name: 'Ada', email: 'ada@example.com' }, 'reviewer')
 */
export function checkAuthor(v: unknown, where: string): ReviewAuthor {
  const o = checkObject(v, where, ['name', 'email']);
  return { name: checkString(o.name, `${where}.name`), email: checkString(o.email, `${where}.email`, REVIEW_LIMITS.shortChars, true) };
}

/**
 * Parses JSON text of at most `maxChars` characters, or throws a FieldError saying why not.
 *
 * @example
 * parseJsonText('{"a":1}', REVIEW_LIMITS.fileBytes) // { a: 1 }
 */
export function parseJsonText(text: string, maxChars: number): unknown {
  if (text.length > maxChars) throw new FieldError(fileMessage.fileTooLarge(maxChars));
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FieldError(fileMessage.notJson((e as Error).message));
  }
}
