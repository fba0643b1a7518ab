/**
 * Column types the loaders infer or accept (`{ types: { id: 'string', when: 'date' } }`), and how
 * each is stored in the arquero table:
 * - `number`: Float64Array, missing values are NaN (as in pandas);
 * - `string`: array of strings, missing values are null;
 * - `boolean`: array of booleans, missing values are null;
 * - `date`: array of Date, missing values are null.
 */
export type ColumnType = 'number' | 'string' | 'boolean' | 'date';

export const COLUMN_TYPES: readonly ColumnType[] = ['number', 'string', 'boolean', 'date'];

/**
 * Whether a value names a column type the loaders accept.
 *
 * @example
 * isColumnType('date') // true
 * isColumnType('datetime') // false
 */
export function isColumnType(v: unknown): v is ColumnType {
  return typeof v === 'string' && (COLUMN_TYPES as readonly string[]).includes(v);
}

/** A row the loader could not use, with where it was and why (for `onBadRows: 'collect'`). */
export interface BadRow {
  /** 1-based line number in the file where the row starts (the header is line 1). */
  line: number;
  /** What was wrong, e.g. "11 fields, expected 10" or "column price: 'abc' is not a number". */
  reason: string;
  /** The row's raw text (cut at 200 characters). */
  text: string;
}

/** What to do with a malformed row: stop with an error (default), drop it, or drop it and return it. */
export type BadRowPolicy = 'error' | 'skip' | 'collect';

/** A loader's result when `onBadRows: 'collect'`: the table and the rows left out of it. */
export interface LoadResult<T> {
  table: T;
  badRows: BadRow[];
}

/**
 * The tokens read as missing values unless `naValues` says otherwise: pandas' default list
 * (`read_csv`'s `na_values`), so a file loads with the same missing cells in both.
 */
export const DEFAULT_NA_VALUES: readonly string[] = [
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
];

/** The storage of one loaded column: a typed array, a plain array, or a DateColumn (dates stored as numbers, read as Date objects or null). */
export type ColumnValues = ArrayLike<unknown> | { readonly length: number; at(i: number): unknown };
