import type { MimeBundle } from './contract';
import { isJsonMime, isTextMime } from './mime';
import { MAX_JSON_DEPTH, jsonDepthOffset } from '../json/scan';
import { message } from '../messages';

/** A bundle every reader accepts, and a note for each value that had to be changed or dropped. */
export interface SanitizedBundle {
  data: MimeBundle;
  notes: string[];
}

const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/**
 * What a kernel displayed, made into a bundle `parseNotebook` reads back and VS Code can encode:
 * JSON types hold JSON (no cycles, BigInts or functions; at most 1,000 levels deep), text types
 * hold strings (numbers and booleans become their text), binary types hold base64. Values that
 * cannot be made so are dropped; `notes` says which and why, for the cell to show.
 *
 * @example
 * sanitizeBundle({ 'text/html': 42, 'image/png': {} })
 * // { data: { 'text/html': '42' }, notes: ['… text/html was a number …', '… image/png …'] }
 */
export function sanitizeBundle(bundle: unknown): SanitizedBundle {
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return { data: {}, notes: [message.outputNotBundle(describe(bundle))] };
  const data: MimeBundle = {};
  const notes: string[] = [];
  for (const [mime, value] of Object.entries(bundle)) {
    const r = isJsonMime(mime) ? jsonValue(value) : textValue(mime, value);
    if (r.note) notes.push(message.outputBadValue(mime, r.note, 'value' in r));
    if ('value' in r) data[mime] = r.value;
  }
  return { data, notes };
}

type Checked = { value: unknown; note?: string } | { note: string };

function jsonValue(value: unknown): Checked {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    // A cycle or a BigInt (TypeError), or nesting deeper than the stack (RangeError).
    return { note: e instanceof RangeError ? message.outputTooDeep(MAX_JSON_DEPTH) : message.outputNotJson((e as Error).message) };
  }
  if (text === undefined) return { note: message.outputNotJson(describe(value)) };
  if (jsonDepthOffset(text) !== undefined) return { note: message.outputTooDeep(MAX_JSON_DEPTH) };
  // What the file will hold: Dates as ISO strings, NaN as null, undefined members gone.
  return { value: JSON.parse(text) };
}

function textValue(mime: string, value: unknown): Checked {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) value = value.join('');
  if (typeof value === 'string') {
    if (isTextMime(mime) || BASE64.test(value)) return { value };
    return { note: message.outputNotBase64 };
  }
  if (isTextMime(mime) && (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')) {
    return { value: String(value), note: message.outputNotString(describe(value)) };
  }
  return { note: isTextMime(mime) ? message.outputNotString(describe(value)) : message.outputNotBase64String(describe(value)) };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const t = typeof value;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'undefined' : t === 'number' ? `a number (${String(value)})` : `a ${t}`;
}
