import { table, type ColumnTable } from 'arquero';
import { dataMessage } from './messages';
import { _parseCSVColumns } from './csv/parse';
import { resolveCSVOptions, type CSVOptions } from './csv/options';
import type { ColumnValues, LoadResult } from './types';

export type { CSVOptions };

/** CSV input: text, or its UTF-8 bytes (a file's contents). */
export type CSVInput = string | Uint8Array | ArrayBuffer;

/**
 * Parses CSV text or bytes into an arquero table, inferring column types (numbers as
 * Float64Array with NaN for missing values, booleans, ISO dates, text) unless `types` says.
 * Defaults: delimiter `','`, a header row, pandas' missing-value tokens, `onBadRows: 'error'`.
 * A malformed row stops with an error naming its line ("line 1042: 11 fields, expected 10");
 * with `onBadRows: 'collect'` the result is `{ table, badRows }`.
 *
 * @example
 * const t = parseCSV('id,price\n1,9.5\n2,NA\n', { types: { id: 'string' } });
 * t.column('price') // Float64Array [9.5, NaN]
 * const { table, badRows } = parseCSV(text, { onBadRows: 'collect' });
 */
export function parseCSV(input: CSVInput, options: CSVOptions & { onBadRows: 'collect' }): LoadResult<ColumnTable>;
export function parseCSV(input: CSVInput, options?: CSVOptions): ColumnTable;
export function parseCSV(input: CSVInput, options: CSVOptions = {}): ColumnTable | LoadResult<ColumnTable> {
  return _parseCSV('parseCSV', input, options, ',');
}

/**
 * Parses tab-separated text or bytes: `parseCSV` with `delimiter: '\t'`.
 *
 * @example
 * parseTSV('a\tb\n1\tx\n').columnNames() // ['a', 'b']
 */
export function parseTSV(input: CSVInput, options: CSVOptions & { onBadRows: 'collect' }): LoadResult<ColumnTable>;
export function parseTSV(input: CSVInput, options?: CSVOptions): ColumnTable;
export function parseTSV(input: CSVInput, options: CSVOptions = {}): ColumnTable | LoadResult<ColumnTable> {
  return _parseCSV('parseTSV', input, options, '\t');
}

/** Shared by the CSV and TSV readers of the kernel (which add the file name to `source`). */
export function _parseCSV(fn: string, input: CSVInput, options: CSVOptions, delimiter: string): ColumnTable | LoadResult<ColumnTable> {
  const opts = resolveCSVOptions(fn, options, delimiter);
  const { names, columns, badRows } = _parseCSVColumns(toBytes(fn, input), opts);
  const data: Record<string, ColumnValues> = {};
  names.forEach((n, i) => (data[n] = columns[i]));
  const t = table(data, names);
  return opts.onBadRows === 'collect' ? { table: t, badRows } : t;
}

function toBytes(fn: string, input: CSVInput): Uint8Array {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError(dataMessage.badInput(fn, 'CSV text (a string) or its bytes (Uint8Array / ArrayBuffer)'));
}
