/**
 * Converting one field, straight from its bytes: numbers, ISO dates, booleans, missing-value
 * tokens and short ASCII strings, without creating an intermediate string.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const textDecoder = new TextDecoder();

/**
 * The number in bytes [start, end), or NaN when the text is not a number. Decimal and exponent
 * forms, surrounding spaces, `inf`/`Infinity`. Up to 15 significant digits with a small exponent
 * take the exact fast path (Clinger's: one correctly rounded multiply or divide); anything else
 * goes through `Number()` so every value is the correctly rounded double.
 */
export function parseNumberBytes(b: Uint8Array, start: number, end: number): number {
  while (start < end && b[start] === 32) start++;
  while (end > start && b[end - 1] === 32) end--;
  if (start >= end) return NaN;
  let p = start;
  let neg = false;
  if (b[p] === 45 || b[p] === 43) {
    neg = b[p] === 45;
    p++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  while (p < end) {
    const d = b[p] - 48;
    if (d < 0 || d > 9) break;
    if (digits > 0 || d !== 0) digits++;
    mantissa = mantissa * 10 + d;
    any = true;
    p++;
  }
  if (p < end && b[p] === 46) {
    p++;
    while (p < end) {
      const d = b[p] - 48;
      if (d < 0 || d > 9) break;
      if (digits > 0 || d !== 0) digits++;
      mantissa = mantissa * 10 + d;
      scale--;
      any = true;
      p++;
    }
  }
  if (!any) return parseSpecial(b, start, end);
  if (p < end && (b[p] === 101 || b[p] === 69)) {
    p++;
    let eneg = false;
    if (p < end && (b[p] === 45 || b[p] === 43)) {
      eneg = b[p] === 45;
      p++;
    }
    let e = 0;
    let edigits = 0;
    while (p < end) {
      const d = b[p] - 48;
      if (d < 0 || d > 9) break;
      e = e * 10 + d;
      edigits++;
      p++;
    }
    if (edigits === 0) return NaN;
    scale += eneg ? -e : e;
  }
  if (p !== end) return NaN;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    const v = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
    return neg ? -v : v;
  }
  return Number(latin1(b, start, end));
}

function parseSpecial(b: Uint8Array, start: number, end: number): number {
  const t = latin1(b, start, end).toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return NaN;
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Days from 1970-01-01 to year-month-day in the proleptic Gregorian calendar. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const leap = m > 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 1 : 0;
  const y1 = y - 1;
  const days = 365 * y1 + Math.floor(y1 / 4) - Math.floor(y1 / 100) + Math.floor(y1 / 400) + DAYS_BEFORE_MONTH[m - 1] + leap + d - 1;
  return days - 719162;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Milliseconds since the epoch for an ISO 8601 date or date-time in bytes [start, end)
 * (`2024-03-05`, `2024-03-05T14:30`, `2024-03-05 14:30:00.250`, with `Z` or `±hh:mm`), or NaN.
 * Times without an offset are read as UTC, like pandas' naive datetimes: a file gives the same
 * values on every machine, whatever its time zone.
 */
export function parseIsoDateBytes(b: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len < 10) return NaN;
  const y = num(b, start, 4);
  const m = num(b, start + 5, 2);
  const d = num(b, start + 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || b[start + 4] !== 45 || b[start + 7] !== 45 || d > daysInMonth(y, m)) return NaN;
  let ms = daysFromCivil(y, m, d) * 86400000;
  let p = start + 10;
  if (p === end) return ms;
  if (b[p] !== 84 && b[p] !== 32) return NaN;
  p++;
  if (end - p < 5 || b[p + 2] !== 58) return NaN;
  const hh = num(b, p, 2);
  const mi = num(b, p + 3, 2);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59) return NaN;
  ms += hh * 3600000 + mi * 60000;
  p += 5;
  if (p < end && b[p] === 58) {
    const ss = num(b, p + 1, 2);
    if (ss < 0 || ss > 59 || p + 3 > end) return NaN;
    ms += ss * 1000;
    p += 3;
    if (p < end && (b[p] === 46 || b[p] === 44)) {
      p++;
      let scale = 100;
      const s0 = p;
      while (p < end && b[p] >= 48 && b[p] <= 57) {
        ms += (b[p] - 48) * scale;
        scale /= 10;
        p++;
      }
      if (p === s0) return NaN;
      ms = Math.round(ms);
    }
  }
  if (p === end) return ms;
  if (b[p] === 90 && p + 1 === end) return ms;
  if (b[p] === 43 || b[p] === 45) {
    const sign = b[p] === 45 ? -1 : 1;
    const oh = num(b, p + 1, 2);
    const colon = b[p + 3] === 58 ? 1 : 0;
    const om = p + 3 === end ? 0 : num(b, p + 3 + colon, 2);
    const used = p + 3 === end ? 3 : 5 + colon;
    if (oh < 0 || om < 0 || p + used !== end) return NaN;
    return ms - sign * (oh * 3600000 + om * 60000);
  }
  return NaN;
}

function num(b: Uint8Array, p: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = b[p + i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** true/false for `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (pandas' defaults), else undefined. */
export function parseBooleanBytes(b: Uint8Array, start: number, end: number): boolean | undefined {
  const len = end - start;
  if (len === 4 && (b[start] | 32) === 116 && (b[start + 1] | 32) === 114 && (b[start + 2] | 32) === 117 && (b[start + 3] | 32) === 101) return sameCase(b, start, end) ? true : undefined;
  if (len === 5 && (b[start] | 32) === 102 && (b[start + 1] | 32) === 97 && (b[start + 2] | 32) === 108 && (b[start + 3] | 32) === 115 && (b[start + 4] | 32) === 101)
    return sameCase(b, start, end) ? false : undefined;
  return undefined;
}

/** `true`, `True` or `TRUE`, not `tRuE`. */
function sameCase(b: Uint8Array, start: number, end: number): boolean {
  let upper = true;
  let lower = true;
  for (let i = start + 1; i < end; i++) {
    if (b[i] >= 97) upper = false;
    else lower = false;
  }
  return upper || lower;
}

const fromCharCode = String.fromCharCode;

/** The UTF-8 text of bytes [start, end); short ASCII text skips the TextDecoder call. */
export function decodeBytes(b: Uint8Array, start: number, end: number): string {
  const len = end - start;
  if (len <= 12) {
    let ascii = true;
    for (let i = start; i < end; i++) if (b[i] > 127) ascii = false;
    if (ascii) {
      switch (len) {
        case 0:
          return '';
        case 1:
          return fromCharCode(b[start]);
        case 2:
          return fromCharCode(b[start], b[start + 1]);
        case 3:
          return fromCharCode(b[start], b[start + 1], b[start + 2]);
        case 4:
          return fromCharCode(b[start], b[start + 1], b[start + 2], b[start + 3]);
        case 5:
          return fromCharCode(b[start], b[start + 1], b[start + 2], b[start + 3], b[start + 4]);
        case 6:
          return fromCharCode(b[start], b[start + 1], b[start + 2], b[start + 3], b[start + 4], b[start + 5]);
        case 7:
          return fromCharCode(b[start], b[start + 1], b[start + 2], b[start + 3], b[start + 4], b[start + 5], b[start + 6]);
        case 8:
          return fromCharCode(b[start], b[start + 1], b[start + 2], b[start + 3], b[start + 4], b[start + 5], b[start + 6], b[start + 7]);
        default:
          // eslint-disable-next-line prefer-spread -- apply takes the typed array as it is; a spread would iterate it, on every field longer than 8 bytes.
          return fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
      }
    }
  }
  return textDecoder.decode(b.subarray(start, end));
}

/**
 * Recognises the missing-value tokens in bytes without decoding them: a table of the tokens'
 * bytes grouped by length.
 */
export class NaMatcher {
  private readonly byLength: Uint8Array[][] = [];
  readonly matchesEmpty: boolean;
  /** Some token reads as a number or a date (e.g. '-999'): then tokens must be tested before parsing. */
  readonly hasValueLikeToken: boolean;

  constructor(tokens: readonly string[]) {
    const enc = new TextEncoder();
    let valueLike = false;
    for (const t of tokens) {
      const bytes = enc.encode(t);
      (this.byLength[bytes.length] ??= []).push(bytes);
      if (!Number.isNaN(parseNumberBytes(bytes, 0, bytes.length)) || !Number.isNaN(parseIsoDateBytes(bytes, 0, bytes.length))) valueLike = true;
    }
    this.matchesEmpty = tokens.includes('');
    this.hasValueLikeToken = valueLike;
  }

  test(b: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    if (len === 0) return this.matchesEmpty;
    const candidates = this.byLength[len];
    if (candidates === undefined) return false;
    for (const c of candidates) {
      let i = 0;
      while (i < len && c[i] === b[start + i]) i++;
      if (i === len) return true;
    }
    return false;
  }
}
