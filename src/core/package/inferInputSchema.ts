import type { ColumnTable } from 'arquero';
import { readOnlyColumn } from '../data/columns';
import type { InputColumn, InputSchema } from './contract';
import { packageMessage } from './messages';

/**
 * The input schema of a training table: for each column its type (number, string, boolean,
 * date), whether training saw a missing value (null, undefined, NaN, ''), the sorted categories
 * of string and boolean columns, and the range of number and date columns (dates as epoch ms).
 *
 * @example
 * inferInputSchema(train, ['age', 'plan']).columns[1] // { name: 'plan', type: 'string', nullable: false, categories: ['basic', 'pro'] }
 */
export function inferInputSchema(table: ColumnTable, columns?: readonly string[]): InputSchema {
  const fn = 'inferInputSchema';
  if (typeof (table as Partial<ColumnTable>)?.numRows !== 'function') throw new TypeError(packageMessage.notTable(fn));
  const names = table.columnNames();
  const wanted = columns ?? names;
  const missing = wanted.filter((c) => !names.includes(c));
  if (missing.length) throw new RangeError(packageMessage.unknownColumns(fn, missing, names));
  return { columns: wanted.map((name) => _inferColumn(table, name)) };
}

/** One column's schema (see `inferInputSchema`): one pass over the column's own storage. */
export function _inferColumn(table: ColumnTable, name: string): InputColumn {
  const values = readOnlyColumn(table, name);
  if (ArrayBuffer.isView(values) && !(values instanceof BigInt64Array || values instanceof BigUint64Array)) return numericColumn(name, values as ArrayLike<number>);
  const rows = values.length;
  let type: InputColumn['type'] | undefined;
  let nullable = false;
  let min = Infinity;
  let max = -Infinity;
  const categories = new Set<string | boolean>();
  for (let i = 0; i < rows; i++) {
    const v: unknown = values[i];
    if (isMissing(v)) {
      nullable = true;
      continue;
    }
    const t = typeOf(v);
    if (t === 'other') throw new TypeError(packageMessage.mixedColumn('inferInputSchema', name));
    if (type === undefined) type = t;
    else if (type !== t) throw new TypeError(packageMessage.mixedColumn('inferInputSchema', name));
    if (t === 'number' || t === 'date') {
      const x = t === 'date' ? (v as Date).getTime() : (v as number);
      if (x < min) min = x;
      if (x > max) max = x;
    } else categories.add(v as string | boolean);
  }
  const column: InputColumn = { name, type: type ?? 'number', nullable: nullable || type === undefined };
  if (type === 'string' || type === 'boolean') column.categories = [...categories].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  if ((type === 'number' || type === 'date') && min <= max) {
    column.min = min;
    column.max = max;
  }
  return column;
}

/** A typed-array column: numbers, NaN missing. */
function numericColumn(name: string, values: ArrayLike<number>): InputColumn {
  let min = Infinity;
  let max = -Infinity;
  let nullable = false;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) nullable = true;
    else {
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  const column: InputColumn = { name, type: 'number', nullable: nullable || values.length === 0 };
  if (min <= max) {
    column.min = min;
    column.max = max;
  }
  return column;
}

/** Missing as training counts it: null, undefined, NaN, an empty string, an invalid date. */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v)) || (v instanceof Date && Number.isNaN(v.getTime()));
}

function typeOf(v: unknown): InputColumn['type'] | 'other' {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Date) return 'date';
  return 'other';
}
