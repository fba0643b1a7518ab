/**
 * Table-like values as one shape the data viewer pages through: arquero tables, arrays of records,
 * matrices (arrays of rows) and TF.js tensors of rank 1 or 2. Cells are read by physical row.
 */
import { types } from 'node:util';
import { variablesMessage } from '../../../core/kernel/messages';
import { classNameOf, ownData } from '../inspect';
import { isArqueroTable, isRowsLike, tensorInfo } from '../describe';

/** The arquero methods paging calls (on the table's own arquero, whichever copy made it). */
export interface ArqueroTable {
  totalRows(): number;
  columnNames(): string[];
  column(name: string): unknown;
  indices(order?: boolean): Uint32Array;
  isFiltered(): boolean;
  isOrdered(): boolean;
  filter(expr: string): ArqueroTable;
  orderby(...keys: unknown[]): ArqueroTable;
}

export interface TableSource {
  /** The value itself: caches hold on to results only while the variable still holds it. */
  value: object;
  columns: { name: string; type: string }[];
  /** Rows in the value's own order (an arquero table's filter and orderby); undefined means 0…rows-1. */
  baseIndex(): Uint32Array | undefined;
  /** Physical rows (all rows of a table's columns, before its own filter). */
  rows: number;
  /** A reader of column `i` by physical row. */
  reader(i: number): (row: number) => unknown;
  /** Present for arquero tables: sorting and expression filters use it. */
  table?: ArqueroTable;
}

const TYPE_SAMPLE = 100;
/** Columns of records or rows read from the first rows (a later row's extra keys are not columns). */
const KEY_SAMPLE = 100;
const MAX_COLUMNS = 10_000;

/**
 * @example
 * sourceOf(['people'], [{ name: 'a', age: 3 }]) // { ok: true, source: { columns: [{ name: 'name', type: 'string' }, { name: 'age', type: 'number' }], … } }
 */
export function sourceOf(path: readonly string[], v: unknown): { ok: true; source: TableSource } | { ok: false; error: string } {
  if (typeof v === 'object' && v !== null && !types.isProxy(v)) {
    if (isArqueroTable(v)) return { ok: true, source: arqueroSource(v as unknown as ArqueroTable) };
    const tensor = tensorInfo(v);
    if (tensor) {
      if (tensor.disposed) return { ok: false, error: variablesMessage.disposedTensor(path) };
      if (tensor.shape.length === 1 || tensor.shape.length === 2) return { ok: true, source: tensorSource(v as { dataSync(): ArrayLike<unknown> }, tensor.shape) };
    }
    if (Array.isArray(v) && isRowsLike(v)) return { ok: true, source: rowsSource(v) };
  }
  const type = v === null ? 'null' : typeof v === 'object' ? classNameOf(v) : typeof v;
  return { ok: false, error: variablesMessage.notTable(path, type) };
}

function arqueroSource(t: ArqueroTable): TableSource {
  const names = t.columnNames().slice(0, MAX_COLUMNS);
  const cols = names.map((name) => t.column(name));
  const readers = cols.map(columnReader);
  const rows = t.totalRows();
  return {
    value: t,
    table: t,
    rows,
    columns: names.map((name, i) => ({ name, type: columnType(cols[i], readers[i], rows) })),
    baseIndex: () => (t.isFiltered() || t.isOrdered() ? t.indices() : undefined),
    reader: (i) => readers[i],
  };
}

function columnReader(col: unknown): (row: number) => unknown {
  if (Array.isArray(col) || types.isTypedArray(col)) {
    const a = col as ArrayLike<unknown>;
    return (row) => a[row];
  }
  // Arrow-backed columns (arquero's fromArrow) read through `at`.
  const at = (col as { at?: unknown } | null)?.at;
  return typeof at === 'function' ? (row) => (at as (r: number) => unknown).call(col, row) : () => undefined;
}

function tensorSource(t: { dataSync(): ArrayLike<unknown> }, shape: number[]): TableSource {
  const data = t.dataSync();
  const width = shape.length === 2 ? shape[1] : 1;
  const names = Array.from({ length: Math.min(width, MAX_COLUMNS) }, (_, i) => String(i));
  const readers = names.map((_, c) => (row: number) => data[row * width + c]);
  return {
    value: t,
    rows: shape[0],
    columns: names.map((name, i) => ({ name, type: columnType(data, readers[i], shape[0]) })),
    baseIndex: () => undefined,
    reader: (i) => readers[i],
  };
}

/** Records (objects: their keys are the columns) or rows (arrays or typed arrays: positions are). */
function rowsSource(a: unknown[]): TableSource {
  const rowAt = (r: number) => Object.getOwnPropertyDescriptor(a, r)?.value as unknown;
  const first = rowAt(0);
  const matrix = Array.isArray(first) || types.isTypedArray(first);
  const names = matrix ? matrixNames(a.length, rowAt) : recordNames(a.length, rowAt);
  const readers = names.map((name) => (matrix ? (row: number) => cellOfRow(rowAt(row), name) : (row: number) => fieldOf(rowAt(row), name)));
  return {
    value: a,
    rows: a.length,
    columns: names.map((name, i) => ({ name, type: columnType(undefined, readers[i], a.length) })),
    baseIndex: () => undefined,
    reader: (i) => readers[i],
  };
}

function recordNames(rows: number, rowAt: (r: number) => unknown): string[] {
  const names = new Set<string>();
  for (let r = 0; r < Math.min(rows, KEY_SAMPLE) && names.size < MAX_COLUMNS; r++) {
    const rec = rowAt(r);
    if (typeof rec === 'object' && rec !== null && !types.isProxy(rec)) for (const k of Object.keys(rec)) names.add(k);
  }
  return [...names].slice(0, MAX_COLUMNS);
}

function matrixNames(rows: number, rowAt: (r: number) => unknown): string[] {
  let width = 0;
  for (let r = 0; r < Math.min(rows, KEY_SAMPLE); r++) {
    const row = rowAt(r);
    if (Array.isArray(row) || types.isTypedArray(row)) width = Math.max(width, (row as ArrayLike<unknown>).length);
  }
  return Array.from({ length: Math.min(width, MAX_COLUMNS) }, (_, i) => String(i));
}

function fieldOf(rec: unknown, name: string): unknown {
  return typeof rec === 'object' && rec !== null && !types.isProxy(rec) ? ownData(rec, name) : undefined;
}

function cellOfRow(row: unknown, name: string): unknown {
  if (types.isTypedArray(row)) return (row as unknown as ArrayLike<unknown>)[Number(name)];
  return Array.isArray(row) ? ownData(row, name) : undefined;
}

/** 'number', 'string', 'boolean', 'date', 'bigint' or 'object', from the first value that is not missing among the first rows. */
function columnType(col: unknown, read: (row: number) => unknown, rows: number): string {
  if (types.isTypedArray(col)) return types.isBigInt64Array(col) || types.isBigUint64Array(col) ? 'bigint' : 'number';
  for (let r = 0; r < Math.min(rows, TYPE_SAMPLE); r++) {
    const v = read(r);
    if (v === null || v === undefined) continue;
    if (typeof v === 'object') return types.isDate(v) ? 'date' : 'object';
    return typeof v;
  }
  return 'null';
}
