import type { ColumnTable } from 'arquero';
import { dataMessage } from './messages';

/** What identifies a data set in run records and leakage checks. */
export interface DataFingerprint {
  /** 16 hex digits over every value, in row order (the same data → the same hash). */
  hash: string;
  rows: number;
  columns: { name: string; type: string }[];
}

/** Type tags mixed in before each value, so 1 and '1' (or shifted values) never collide. */
const TAG = { null: 1, number: 2, string: 3, bool: 4, date: 5 } as const;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Two 32-bit hash lanes (FNV-1a and a murmur-style mix), combined into 53 bits per row. */
interface Lanes {
  a: number;
  b: number;
}

/** Mixes one value of a column at a row into the lanes. */
type Reader = (row: number, h: Lanes) => void;

function mix(h: Lanes, word: number): void {
  h.a = Math.imul(h.a ^ word, 0x01000193);
  h.b = Math.imul(h.b ^ word, 0x5bd1e995);
  h.b ^= h.b >>> 13;
}

function mixNumber(h: Lanes, tag: number, v: number): void {
  mix(h, tag);
  f64[0] = v === 0 ? 0 : Number.isNaN(v) ? NaN : v; // -0 is 0; every NaN is one NaN
  mix(h, u32[0]);
  mix(h, u32[1]);
}

function mixValue(h: Lanes, v: unknown): void {
  if (v === null || v === undefined) mix(h, TAG.null);
  else if (typeof v === 'number') mixNumber(h, TAG.number, v);
  else if (typeof v === 'string') {
    mix(h, TAG.string);
    mix(h, v.length);
    for (let k = 0; k < v.length; k++) mix(h, v.charCodeAt(k));
  } else if (typeof v === 'boolean') mix(h, v ? TAG.bool | 0x100 : TAG.bool);
  else if (v instanceof Date) mixNumber(h, TAG.date, v.getTime());
  else mixValue(h, `\u0000${JSON.stringify(v)}`);
}

function readerOf(table: ColumnTable, name: string): Reader {
  const col = table.column(name) as unknown;
  if (!col) throw new Error(dataMessage.noColumn(name, table.columnNames().join(', '), 'rowHashes'));
  if (col instanceof Float64Array || col instanceof Float32Array || col instanceof Int32Array) {
    const data = col;
    return (row, h) => mixNumber(h, TAG.number, data[row]);
  }
  // The data layer's DateColumn keeps epoch milliseconds: no Date object per value.
  const ms = (col as { ms?: unknown }).ms;
  if (ms instanceof Float64Array) return (row, h) => (Number.isNaN(ms[row]) ? mix(h, TAG.null) : mixNumber(h, TAG.date, ms[row]));
  if (Array.isArray(col)) return (row, h) => mixValue(h, col[row]);
  const c = col as { at(i: number): unknown };
  return (row, h) => mixValue(h, c.at(row));
}

/**
 * One 53-bit hash per row over all (or the named) columns, so rows can be compared across tables
 * (e.g. rows shared between a train and a test split, or between a pipeline's fit data and test data).
 * Values are hashed by type and bits, with no string built per value.
 *
 * @example
 * const h = rowHashes(aq.table({ a: [1, 1], b: ['x', 'x'] })); // h[0] === h[1]
 */
export function rowHashes(table: ColumnTable, columns: string[] = table.columnNames()): Float64Array {
  const out = new Float64Array(table.numRows());
  eachRowHash(table, columns, (i, h) => (out[i] = (h.a >>> 0) * 2 ** 21 + ((h.b >>> 0) & 0x1fffff)));
  return out;
}

/**
 * One 16-hex hash per row over all (or the named) columns: both 32-bit lanes of `rowHashes`, so
 * the same row gets the same id in any table and any order (a row identity for kept predictions).
 *
 * @example
 * rowIdHashes(aq.table({ a: [1, 2] })) // ['9c4e…', '1b07…'] (16 hex digits each)
 */
export function rowIdHashes(table: ColumnTable, columns: string[] = table.columnNames()): string[] {
  const out = new Array<string>(table.numRows());
  eachRowHash(table, columns, (i, h) => (out[i] = hex8(h.a) + hex8(h.b)));
  return out;
}

/**
 * A 16-hex hash of a string, with the lanes `rowIdHashes` uses.
 *
 * @example
 * hashString16('customer-17') // '5d0c…' (16 hex digits)
 */
export function hashString16(text: string): string {
  const h: Lanes = { a: 0x811c9dc5, b: 0x9747b28c };
  mixValue(h, text);
  return hex8(h.a) + hex8(h.b);
}

function hex8(lane: number): string {
  return (lane >>> 0).toString(16).padStart(8, '0');
}

function eachRowHash(table: ColumnTable, columns: string[], take: (row: number, h: Lanes) => void): void {
  const n = table.numRows();
  const readers = columns.map((c) => readerOf(table, c));
  const rows = table.isFiltered() || table.isOrdered() ? table.indices() : undefined;
  const h: Lanes = { a: 0, b: 0 };
  for (let i = 0; i < n; i++) {
    const row = rows ? rows[i] : i;
    h.a = 0x811c9dc5;
    h.b = 0x9747b28c;
    for (let c = 0; c < readers.length; c++) {
      readers[c](row, h);
      mix(h, 0x1f);
    }
    take(i, h);
  }
}

/**
 * The fingerprint of a table: a content hash over all values in order, the row count and the schema.
 *
 * @example
 * dataFingerprint(train) // { hash: '3f2a…', rows: 800, columns: [{ name: 'age', type: 'number' }, …] }
 */
export function dataFingerprint(table: ColumnTable): DataFingerprint {
  const hashes = rowHashes(table);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < hashes.length; i++) {
    const lo = hashes[i] % 2 ** 26;
    const hi = Math.floor(hashes[i] / 2 ** 26);
    h1 = Math.imul(h1 ^ lo, 0x01000193);
    h2 = Math.imul(h2 ^ hi, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const columns = table.columnNames().map((name) => ({ name, type: columnType(table, name) }));
  for (const c of columns) for (const ch of `${c.name}:${c.type}`) h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193);
  const hash = (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  return { hash, rows: table.numRows(), columns };
}

function columnType(table: ColumnTable, name: string): string {
  const col = table.column(name)!;
  const n = Math.min(table.numRows(), 1000);
  for (let i = 0; i < n; i++) {
    const v = col.at(i);
    if (v === null || v === undefined) continue;
    if (v instanceof Date) return 'date';
    return typeof v;
  }
  return 'null';
}

/**
 * The fingerprint of any feature input: a table as `dataFingerprint`, a Matrix or rows of numbers
 * over their values' bits (columns named x0, x1, …).
 *
 * @example
 * featuresFingerprint({ rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) })
 */
export function featuresFingerprint(x: ColumnTable | { rows: number; cols: number; data: Float64Array } | number[][]): DataFingerprint {
  if (typeof (x as ColumnTable).numRows === 'function') return dataFingerprint(x as ColumnTable);
  const m = Array.isArray(x) ? { rows: x.length, cols: x[0]?.length ?? 0, data: Float64Array.from(x.flat()) } : (x as { rows: number; cols: number; data: Float64Array });
  const h: Lanes = { a: 0x811c9dc5, b: 0x9747b28c };
  for (let i = 0; i < m.data.length; i++) mixNumber(h, TAG.number, m.data[i]);
  const hash = (h.a >>> 0).toString(16).padStart(8, '0') + (h.b >>> 0).toString(16).padStart(8, '0');
  return { hash, rows: m.rows, columns: Array.from({ length: m.cols }, (_, j) => ({ name: `x${j}`, type: 'number' })) };
}
