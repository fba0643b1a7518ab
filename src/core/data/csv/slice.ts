/** What the column builders share: the slice of a chunk they convert, and small helpers. */
import type { ColumnType, ColumnValues } from '../types';
import type { NaMatcher } from './fields';
import { unquote, type RowChunk } from './tokenize';

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
export function escapedText(s: ColumnSlice, f: number): string | null {
  const text = unquote(s.bytes, s.chunk.start[f], s.chunk.end[f], s.quote);
  return s.naSet.has(text) ? null : text;
}

/** A typed array at least `need` long, keeping the first `length` values (doubling growth). */
export function ensure<T extends Float64Array | Int32Array | Uint8Array>(a: T, length: number, need: number): T {
  if (need <= a.length) return a;
  let size = Math.max(1024, a.length * 2);
  while (size < need) size *= 2;
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a.subarray(0, length));
  return next;
}
