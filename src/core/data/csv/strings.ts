import { decodeBytes } from './fields';
import { FIELD_ESCAPED } from './tokenize';
import { ensure, escapedText, type ColumnBuilder, type ColumnSlice } from './slice';

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
