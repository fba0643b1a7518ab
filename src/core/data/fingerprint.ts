import type { ColumnTable } from 'arquero';

/** What identifies a data set in run records and leakage checks. */
export interface DataFingerprint {
  /** 16 hex digits over every value, in row order (the same data → the same hash). */
  hash: string;
  rows: number;
  columns: { name: string; type: string }[];
}

const SEP = 0x1f;

/**
 * One 53-bit hash per row over all (or the named) columns, so rows can be compared across tables
 * (e.g. rows shared between a train and a test split, or between a pipeline's fit data and test data).
 *
 * @example
 * const h = rowHashes(aq.table({ a: [1, 1], b: ['x', 'x'] })); // h[0] === h[1]
 */
export function rowHashes(table: ColumnTable, columns: string[] = table.columnNames()): Float64Array {
  const n = table.numRows();
  const out = new Float64Array(n);
  const getters = columns.map((c) => {
    const col = table.column(c);
    if (!col) throw new Error(`rowHashes: no column "${c}" (columns: ${table.columnNames().join(', ')})`);
    return col;
  });
  const rows = table.indices();
  for (let i = 0; i < n; i++) {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (const col of getters) {
      const text = valueKey(col.at(rows[i]));
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 13;
      }
      h1 = Math.imul(h1 ^ SEP, 0x01000193);
      h2 = Math.imul(h2 ^ SEP, 0x5bd1e995);
    }
    out[i] = (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) & 0x1fffff);
  }
  return out;
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

function valueKey(v: unknown): string {
  if (v === null || v === undefined) return '\u0000';
  if (v instanceof Date) return `d${v.getTime()}`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  return `o${JSON.stringify(v)}`;
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
