import type { ColumnTable } from 'arquero';
import { DateColumn } from './dateColumn';
import { dataMessage } from './messages';

/** What a column holds, as the quality report, profile and PII scan see it. */
export type ColumnKind = 'number' | 'string' | 'boolean' | 'date' | 'other' | 'empty';

/**
 * A column's values in the form the statistics want: numbers and dates as Float64Array (NaN for
 * missing; dates as epoch milliseconds), everything else as an array with null for missing.
 */
export type CollectedColumn = { kind: 'number' | 'date' | 'empty'; values: Float64Array } | { kind: 'string' | 'boolean' | 'other'; values: unknown[] };

/**
 * Collects one column of a table (respecting its filter and order) and decides its kind from
 * its storage or, for plain arrays, from its values: all numbers → number, all Dates → date,
 * all strings → string, all booleans → boolean, anything mixed → other.
 *
 * @example
 * collectColumn(aq.table({ a: [1, null] }), 'a') // { kind: 'number', values: Float64Array [1, NaN] }
 */
export function collectColumn(table: ColumnTable, name: string): CollectedColumn {
  const col = table.column(name);
  if (!col) throw new Error(dataMessage.noColumn(name, table.columnNames().join(', ')));
  const filtered = table.isFiltered() || table.isOrdered();
  if (col instanceof DateColumn) return { kind: 'date', values: filtered ? Float64Array.from(table.array(name) as ArrayLike<Date | null>, (d) => (d ? d.getTime() : NaN)) : col.ms };
  if (ArrayBuffer.isView(col) && !(col instanceof DataView)) {
    const arr = filtered ? table.array(name) : col;
    return { kind: 'number', values: arr instanceof Float64Array ? arr : Float64Array.from(arr as ArrayLike<number | bigint>, Number) };
  }
  // The table's own array when it can be (read-only here); a copy only to turn undefined/NaN into null.
  const raw = (!filtered && Array.isArray(col) ? col : table.array(name)) as ArrayLike<unknown>;
  let clean = true;
  for (let i = 0; i < raw.length && clean; i++) if (raw[i] === undefined || raw[i] !== raw[i]) clean = false;
  const values = clean ? (raw as unknown[]) : Array.from(raw, (v) => (v === undefined || v !== v ? null : v));
  let kind: string | undefined;
  for (const v of values) {
    if (v === null) continue;
    const k = v instanceof Date ? 'date' : typeof v === 'number' || typeof v === 'bigint' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : 'other';
    if (kind === undefined) kind = k;
    else if (kind !== k) {
      kind = 'other';
      break;
    }
  }
  if (kind === undefined) return { kind: 'empty', values: new Float64Array(values.length).fill(NaN) };
  if (kind === 'number') return { kind, values: Float64Array.from(values, (v) => (v === null ? NaN : Number(v))) };
  if (kind === 'date') return { kind, values: Float64Array.from(values, (v) => (v === null ? NaN : (v as Date).getTime())) };
  return { kind: kind as 'string' | 'boolean' | 'other', values };
}

/**
 * A column's values by row, read-only: the table's own array when the table is neither filtered
 * nor ordered and the column is stored as an array or typed array (no copy: `table.array` visits
 * every row through a callback, most of the time of scoring 1M rows), else `table.array`'s copy.
 * Do not write to the result.
 *
 * @example
 * readOnlyColumn(aq.table({ a: [1, 2] }), 'a') // [1, 2], the table's own array
 */
export function readOnlyColumn(table: ColumnTable, name: string): ArrayLike<unknown> {
  const col = table.column(name) as unknown;
  if (!table.isFiltered() && !table.isOrdered() && (Array.isArray(col) || (ArrayBuffer.isView(col) && !(col instanceof DataView)))) return col as ArrayLike<unknown>;
  return table.array(name) as ArrayLike<unknown>;
}
