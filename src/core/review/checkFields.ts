import { REVIEW_LIMITS } from './threadContract';
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
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new FieldError(`${where} must be an object`);
  const obj = v as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) throw new FieldError(`${where} has an unknown field ${JSON.stringify(k.slice(0, 40))}`);
  return obj;
}

/**
 * A string of at most `max` characters (non-empty unless `allowEmpty`).
 *
 * @example
 * checkString('Ada', 'author.name') // 'Ada'
 */
export function checkString(v: unknown, where: string, max: number = REVIEW_LIMITS.shortChars, allowEmpty = false): string {
  if (typeof v !== 'string') throw new FieldError(`${where} must be a string`);
  if (!allowEmpty && v === '') throw new FieldError(`${where} must not be empty`);
  if (v.length > max) throw new FieldError(`${where} is longer than ${max} characters`);
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
  if (!ISO_TIME.test(s) || Number.isNaN(Date.parse(s))) throw new FieldError(`${where} must be an ISO 8601 date-time`);
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
  if (!ULID.test(s)) throw new FieldError(`${where} must be a ULID`);
  return s;
}

/**
 * One of `values`.
 *
 * @example
 * checkEnum('open', 'status', ['open', 'resolved'])
 */
export function checkEnum<T extends string>(v: unknown, where: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new FieldError(`${where} must be one of ${values.map((x) => `'${x}'`).join(', ')}`);
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
  if (text.length > maxChars) throw new FieldError(`the file is larger than ${maxChars} characters`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FieldError(`the file is not JSON (${(e as Error).message.slice(0, 120)})`);
  }
}
