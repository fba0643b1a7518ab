import type { ColumnTable } from 'arquero';

/**
 * A column's values by row index: the table's own array when it is unfiltered and stored as an
 * array (no copy; `table.array` visits every row through a callback, which took most of the time
 * of `modelbook predict` on 1M rows), else a copy.
 *
 * @example
 * columnValues(aq.table({ a: [1, 2] }), 'a') // [1, 2]
 */
export function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
  const col = table.column(name) as unknown;
  if (!table.isFiltered() && !table.isOrdered() && (Array.isArray(col) || (ArrayBuffer.isView(col) && !(col instanceof DataView)))) return col as ArrayLike<unknown>;
  return table.array(name) as ArrayLike<unknown>;
}
