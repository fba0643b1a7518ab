/**
 * The byte-level CSV state machine: it finds field boundaries, rows and line numbers in a
 * Uint8Array without creating any string, a chunk of rows at a time, so that the column
 * builders (builders.ts) convert each field straight from the bytes.
 */

/** The field needs unquoting (`""` inside a quoted field, or text after a closing quote). */
export const FIELD_ESCAPED = 1;

export interface TokenizerOptions {
  delimiter: number;
  quote: number;
  /** -1: none. Outside quotes, the rest of a line after it is ignored (pandas `comment`). */
  comment: number;
}

/**
 * Field boundaries of up to `capacity` rows: row r has fields rowStart[r] .. rowStart[r + 1] - 1;
 * field f spans bytes [start[f], end[f]) (quotes already stripped unless flags[f] & FIELD_ESCAPED,
 * in which case the span is the raw text with its quotes).
 */
export class RowChunk {
  rows = 0;
  rowStart: Int32Array;
  rowLine: Int32Array;
  /** Set for a row whose quoted field never closes (it runs to the end of the input). */
  rowUnclosed: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;

  constructor(
    readonly capacity: number,
    fieldsPerRow: number,
  ) {
    this.rowStart = new Int32Array(capacity + 1);
    this.rowLine = new Int32Array(capacity);
    this.rowUnclosed = new Uint8Array(capacity);
    const fields = capacity * Math.max(1, fieldsPerRow) + 64;
    this.start = new Int32Array(fields);
    this.end = new Int32Array(fields);
    this.flags = new Uint8Array(fields);
  }

  fieldCount(row: number): number {
    return this.rowStart[row + 1] - this.rowStart[row];
  }

  /** Doubles the field arrays (a chunk holding rows with more fields than the header). */
  grow(): void {
    const n = this.start.length * 2;
    const s = new Int32Array(n);
    s.set(this.start);
    const e = new Int32Array(n);
    e.set(this.end);
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.start = s;
    this.end = e;
    this.flags = f;
  }
}

const LF = 10;
const CR = 13;

/** Walks the input once, row by row; `pos` and `line` carry over between chunks. */
export class Tokenizer {
  pos: number;
  /** 1-based line number of the byte at `pos`. */
  line = 1;

  /** 1 for the bytes that end an unquoted field (delimiter, line breaks, comment): one load per byte. */
  private readonly stops = new Uint8Array(256);

  constructor(
    private readonly bytes: Uint8Array,
    private readonly opts: TokenizerOptions,
  ) {
    for (const c of [opts.delimiter, LF, CR, opts.comment]) if (c >= 0) this.stops[c] = 1;
    // A UTF-8 byte order mark is not part of the first column's name.
    this.pos = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Fills `chunk` with up to its capacity of rows; returns the number of rows read. */
  fill(chunk: RowChunk): number {
    chunk.rows = 0;
    let f = 0;
    while (chunk.rows < chunk.capacity && this.skipBlankAndComments()) {
      const r = chunk.rows;
      chunk.rowStart[r] = f;
      chunk.rowLine[r] = this.line;
      chunk.rowUnclosed[r] = 0;
      f = this.readRow(chunk, f);
      chunk.rows++;
    }
    chunk.rowStart[chunk.rows] = f;
    return chunk.rows;
  }

  /** The raw text of a row (for error messages and collected bad rows). */
  rowText(chunk: RowChunk, row: number): string {
    const first = chunk.rowStart[row];
    const last = chunk.rowStart[row + 1] - 1;
    if (last < first) return '';
    let a = chunk.start[first];
    let b = chunk.end[last];
    if (!(chunk.flags[first] & FIELD_ESCAPED) && a > 0 && this.bytes[a - 1] === this.opts.quote) a--;
    if (!(chunk.flags[last] & FIELD_ESCAPED) && b < this.bytes.length && this.bytes[b] === this.opts.quote) b++;
    return new TextDecoder().decode(this.bytes.subarray(a, Math.min(b, a + 400))).slice(0, 200);
  }

  /** Skips empty lines and whole-line comments; false at the end of the input. */
  private skipBlankAndComments(): boolean {
    const b = this.bytes;
    const n = b.length;
    const comment = this.opts.comment;
    while (this.pos < n) {
      const c = b[this.pos];
      if (c === LF) {
        this.pos++;
        this.line++;
      } else if (c === CR) {
        this.pos += this.pos + 1 < n && b[this.pos + 1] === LF ? 2 : 1;
        this.line++;
      } else if (c === comment) {
        while (this.pos < n && b[this.pos] !== LF && b[this.pos] !== CR) this.pos++;
      } else {
        return true;
      }
    }
    return false;
  }

  private readRow(chunk: RowChunk, f: number): number {
    const b = this.bytes;
    const n = b.length;
    const { delimiter, quote, comment } = this.opts;
    const stops = this.stops;
    let p = this.pos;
    for (;;) {
      if (f >= chunk.start.length) chunk.grow();
      if (p < n && b[p] === quote) {
        p = this.readQuoted(chunk, f, p);
        if (p < 0) {
          chunk.rowUnclosed[chunk.rows] = 1;
          this.pos = n;
          return f + 1;
        }
      } else {
        const s = p;
        while (p < n && stops[b[p]] === 0) p++;
        chunk.start[f] = s;
        chunk.end[f] = p;
        chunk.flags[f] = 0;
      }
      f++;
      if (p >= n) break;
      const c = b[p];
      if (c === delimiter) {
        p++;
        continue;
      }
      if (c === comment) while (p < n && b[p] !== LF && b[p] !== CR) p++;
      if (p < n) {
        p += b[p] === CR && p + 1 < n && b[p + 1] === LF ? 2 : 1;
        this.line++;
      }
      break;
    }
    this.pos = p;
    return f;
  }

  /** Reads a field that starts with a quote at `p`; returns the position after it, or -1 if unclosed. */
  private readQuoted(chunk: RowChunk, f: number, p: number): number {
    const b = this.bytes;
    const n = b.length;
    const { delimiter, quote } = this.opts;
    const open = p;
    let flags = 0;
    p++;
    for (;;) {
      while (p < n && b[p] !== quote) {
        if (b[p] === LF || (b[p] === CR && b[p + 1] !== LF)) this.line++;
        p++;
      }
      if (p >= n) {
        chunk.start[f] = open + 1;
        chunk.end[f] = n;
        chunk.flags[f] = 0;
        return -1;
      }
      if (p + 1 < n && b[p + 1] === quote) {
        flags = FIELD_ESCAPED;
        p += 2;
        continue;
      }
      break;
    }
    const close = p;
    p++;
    // Text after the closing quote (`"ab"c`) belongs to the field, as pandas reads it.
    if (p < n && b[p] !== delimiter && b[p] !== LF && b[p] !== CR) {
      flags = FIELD_ESCAPED;
      while (p < n && b[p] !== delimiter && b[p] !== LF && b[p] !== CR) p++;
    }
    if (flags) {
      chunk.start[f] = open;
      chunk.end[f] = p;
    } else {
      chunk.start[f] = open + 1;
      chunk.end[f] = close;
    }
    chunk.flags[f] = flags;
    return p;
  }
}

/**
 * The text of an escaped field: quotes removed, `""` read as `"`.
 *
 * @example
 * unquote(bytes('"say ""hi"""'), 0, 12, 34) // 'say "hi"'
 */
export function unquote(bytes: Uint8Array, start: number, end: number, quote: number): string {
  const out: number[] = [];
  let inQuotes = false;
  for (let p = start; p < end; p++) {
    const c = bytes[p];
    if (c === quote) {
      if (inQuotes && p + 1 < end && bytes[p + 1] === quote) {
        out.push(quote);
        p++;
      } else {
        inQuotes = !inQuotes;
      }
    } else {
      out.push(c);
    }
  }
  return new TextDecoder().decode(Uint8Array.from(out));
}
