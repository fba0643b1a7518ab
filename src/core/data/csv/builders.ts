/**
 * Typed column builders: each converts one column of a chunk of rows from bytes into its final
 * storage (Float64Array for numbers, interned strings, Dates, booleans).
 */
import type { ColumnType, ColumnValues } from '../types';
import { DateColumn } from '../dateColumn';
import { decodeBytes, parseBooleanBytes, parseIsoDateBytes, parseNumberBytes, type NaMatcher } from './fields';
import { FIELD_ESCAPED, unquote, type RowChunk } from './tokenize';

/** What a builder needs to read one column of a chunk. */
export interface ColumnSlice {
  bytes: Uint8Array;
  chunk: RowChunk;
  /** Chunk rows to convert, in order, and how many of them. */
  rows: Int32Array;
  count: number;
  column: number;
  na: NaMatcher;
  naSet: ReadonlySet<string>;
  quote: number;
  /** Called with the position in `rows` and the field's text when a value does not fit the type. */
  fail: (k: number, text: string) => void;
}

export interface ColumnBuilder {
  readonly type: ColumnType;
  add(s: ColumnSlice): void;
  finish(): ColumnValues;
}

/** The text of an escaped (quoted with `""`) field, or null when it is a missing-value token. */
function escapedText(s: ColumnSlice, f: number): string | null {
  const text = unquote(s.bytes, s.chunk.start[f], s.chunk.end[f], s.quote);
  return s.naSet.has(text) ? null : text;
}

/** A typed array at least `need` long, keeping the first `length` values (doubling growth). */
function ensure<T extends Float64Array | Int32Array | Uint8Array>(a: T, length: number, need: number): T {
  if (need <= a.length) return a;
  let size = Math.max(1024, a.length * 2);
  while (size < need) size *= 2;
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a.subarray(0, length));
  return next;
}

export class NumberBuilder implements ColumnBuilder {
  readonly type = 'number';
  private values: Float64Array;
  private length = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  add(s: ColumnSlice): void {
    const { bytes, chunk, rows, count, column, na } = s;
    const values = (this.values = ensure(this.values, this.length, this.length + count));
    const { rowStart, start, end, flags } = chunk;
    let n = this.length;
    for (let k = 0; k < count; k++) {
      const f = rowStart[rows[k]] + column;
      const a = start[f];
      const b = end[f];
      let v: number;
      if (flags[f] & FIELD_ESCAPED) {
        const text = escapedText(s, f);
        v = text === null ? NaN : parseNumberText(text);
        if (text !== null && Number.isNaN(v)) s.fail(k, text);
      } else if (na.test(bytes, a, b)) {
        v = NaN;
      } else {
        v = parseNumberBytes(bytes, a, b);
        if (v !== v) s.fail(k, decodeBytes(bytes, a, b));
      }
      values[n++] = v;
    }
    this.length = n;
  }

  finish(): Float64Array {
    return this.length === this.values.length ? this.values : this.values.slice(0, this.length);
  }
}

function parseNumberText(text: string): number {
  const bytes = new TextEncoder().encode(text);
  return parseNumberBytes(bytes, 0, bytes.length);
}

/** FNV-1a with a final mix, so that keys differing in their last bytes spread over the table. */
function hashBytes(bytes: Uint8Array, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Strings, interned while the column repeats itself: each distinct value is decoded once and
 * rows hold dictionary codes, which is most of the speed on categorical columns. A column of
 * mostly unique values (ids, free text) stops interning and decodes every field.
 */
export class StringBuilder implements ColumnBuilder {
  readonly type = 'string';
  /** Dictionary codes per row while interning (-1: missing). */
  private codes: Int32Array;
  private length = 0;
  /** Values per row once interning has stopped. */
  private values: (string | null)[] | undefined;
  private dict: string[] = [];
  private dictStart = new Int32Array(1024);
  private dictEnd = new Int32Array(1024);
  private slots = new Int32Array(4096);
  private source: Uint8Array | undefined;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  add(s: ColumnSlice): void {
    const { bytes, chunk, rows, count, column, na } = s;
    const { rowStart, start, end, flags } = chunk;
    if (this.values === undefined && this.source !== bytes) this.resetInterning(bytes);
    const values = this.values;
    if (values) {
      for (let k = 0; k < count; k++) {
        const f = rowStart[rows[k]] + column;
        const a = start[f];
        const b = end[f];
        values.push(flags[f] & FIELD_ESCAPED ? escapedText(s, f) : na.test(bytes, a, b) ? null : decodeBytes(bytes, a, b));
      }
      return;
    }
    const codes = (this.codes = ensure(this.codes, this.length, this.length + count));
    let n = this.length;
    for (let k = 0; k < count; k++) {
      const f = rowStart[rows[k]] + column;
      const a = start[f];
      const b = end[f];
      if (flags[f] & FIELD_ESCAPED) {
        const text = escapedText(s, f);
        codes[n++] = text === null ? -1 : this.internText(text);
      } else {
        codes[n++] = na.test(bytes, a, b) ? -1 : this.intern(bytes, a, b);
      }
    }
    this.length = n;
    if (this.dict.length > 65536 && this.dict.length * 2 > n) this.stopInterning();
  }

  finish(): (string | null)[] {
    this.stopInterning();
    return this.values!;
  }

  private intern(bytes: Uint8Array, a: number, b: number): number {
    const h = hashBytes(bytes, a, b);
    const mask = this.slots.length - 1;
    const len = b - a;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (id < 0) return this.insert(bytes, a, b, slot, decodeBytes(bytes, a, b));
      const ds = this.dictStart[id];
      if (this.dictEnd[id] - ds !== len || ds < 0) continue;
      let i = 0;
      while (i < len && bytes[ds + i] === bytes[a + i]) i++;
      if (i === len) return id;
    }
  }

  /** Escaped fields have no bytes of their own to compare; they get a (rare) entry each. */
  private internText(text: string): number {
    return this.insert(undefined, -1, -1, -1, text);
  }

  private insert(bytes: Uint8Array | undefined, a: number, b: number, slot: number, text: string): number {
    const id = this.dict.length;
    this.dict.push(text);
    this.dictStart = ensure(this.dictStart, id, id + 1);
    this.dictEnd = ensure(this.dictEnd, id, id + 1);
    this.dictStart[id] = a;
    this.dictEnd[id] = b;
    if (slot >= 0) {
      this.slots[slot] = id + 1;
      if ((id + 1) * 2 > this.slots.length) this.rehash(bytes!);
    }
    return id;
  }

  private rehash(bytes: Uint8Array): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.dict.length; id++) {
      if (this.dictStart[id] < 0) continue;
      let slot = hashBytes(bytes, this.dictStart[id], this.dictEnd[id]) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }

  /** The interning table points into one input buffer; a new buffer starts a new table. */
  private resetInterning(bytes: Uint8Array): void {
    if (this.source !== undefined) this.stopInterning();
    if (this.values) return;
    this.source = bytes;
    this.slots = new Int32Array(4096);
  }

  private stopInterning(): void {
    if (this.values) return;
    const { codes, dict } = this;
    const values: (string | null)[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) values[i] = codes[i] < 0 ? null : dict[codes[i]];
    this.values = values;
    this.codes = new Int32Array(0);
    this.dict = [];
    this.slots = new Int32Array(0);
  }
}

export class DateBuilder implements ColumnBuilder {
  readonly type = 'date';
  /** Milliseconds since the epoch (NaN: missing); Dates are made at the end, in one tight loop. */
  private ms: Float64Array;
  private length = 0;

  /** `lenient`: also accept what `Date.parse` reads (only when the type was asked for explicitly). */
  constructor(
    capacity: number,
    private readonly lenient: boolean,
  ) {
    this.ms = new Float64Array(capacity);
  }

  add(s: ColumnSlice): void {
    const { bytes, chunk, rows, count, column, na } = s;
    const { rowStart, start, end, flags } = chunk;
    const out = (this.ms = ensure(this.ms, this.length, this.length + count));
    let n = this.length;
    for (let k = 0; k < count; k++) {
      const f = rowStart[rows[k]] + column;
      const a = start[f];
      const b = end[f];
      const escaped = flags[f] & FIELD_ESCAPED;
      if (!escaped && na.test(bytes, a, b)) {
        out[n++] = NaN;
        continue;
      }
      let ms = escaped ? NaN : parseIsoDateBytes(bytes, a, b);
      if (ms !== ms) {
        const text = escaped ? escapedText(s, f) : decodeBytes(bytes, a, b);
        if (text !== null) {
          ms = this.lenient ? Date.parse(text) : NaN;
          if (ms !== ms) s.fail(k, text);
        }
      }
      out[n++] = ms;
    }
    this.length = n;
  }

  finish(): DateColumn {
    return new DateColumn(this.length === this.ms.length ? this.ms : this.ms.slice(0, this.length));
  }
}

export class BooleanBuilder implements ColumnBuilder {
  readonly type = 'boolean';
  /** 0 false, 1 true, 2 missing. */
  private codes: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
  }

  add(s: ColumnSlice): void {
    const { bytes, chunk, rows, count, column, na } = s;
    const { rowStart, start, end, flags } = chunk;
    const codes = (this.codes = ensure(this.codes, this.length, this.length + count));
    let n = this.length;
    for (let k = 0; k < count; k++) {
      const f = rowStart[rows[k]] + column;
      const a = start[f];
      const b = end[f];
      let v: boolean | null | undefined;
      let text: string | null = null;
      if (flags[f] & FIELD_ESCAPED) {
        text = escapedText(s, f);
        v = text === 'true' || text === 'True' || text === 'TRUE' ? true : text === 'false' || text === 'False' || text === 'FALSE' ? false : text === null ? null : undefined;
      } else if (na.test(bytes, a, b)) {
        v = null;
      } else {
        v = parseBooleanBytes(bytes, a, b);
      }
      if (v === undefined) s.fail(k, text ?? decodeBytes(bytes, a, b));
      codes[n++] = v === true ? 1 : v === false ? 0 : 2;
    }
    this.length = n;
  }

  finish(): (boolean | null)[] {
    const values: (boolean | null)[] = new Array(this.length);
    const codes = this.codes;
    for (let i = 0; i < this.length; i++) values[i] = codes[i] === 2 ? null : codes[i] === 1;
    return values;
  }
}

/** A builder for a column of the given type (`lenientDates`: the type was asked for explicitly). */
export function createBuilder(type: ColumnType, lenientDates: boolean, capacity: number): ColumnBuilder {
  switch (type) {
    case 'number':
      return new NumberBuilder(capacity);
    case 'date':
      return new DateBuilder(capacity, lenientDates);
    case 'boolean':
      return new BooleanBuilder(capacity);
    case 'string':
      return new StringBuilder(capacity);
  }
}
