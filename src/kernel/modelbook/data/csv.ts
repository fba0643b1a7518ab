import type { ColumnTable } from 'arquero';
import { _parseCSV, type CSVOptions } from '../../../core/data/parseCSV';
import type { LoadResult } from '../../../core/data/types';
import { readDataFile, resolveDataPath } from './resolve';

/**
 * Loads a CSV file from the workspace into an arquero table (pandas' `read_csv`): types are
 * inferred (numbers, booleans, ISO dates, text) unless `types` names them; relative paths start
 * from the notebook's folder. Defaults: delimiter `','`, a header row, pandas' missing-value
 * tokens, `onBadRows: 'error'` (a malformed row stops with "data.csv line 1042: 11 fields,
 * expected 10"); with `onBadRows: 'collect'` the result is `{ table, badRows }`.
 *
 * @example
 * const train = await readCSV('data/train.csv', { types: { id: 'string' }, columns: ['id', 'age', 'churn'] });
 * const { table, badRows } = await readCSV('raw.csv', { onBadRows: 'collect' });
 */
export async function readCSV(file: string, options: CSVOptions & { onBadRows: 'collect' }): Promise<LoadResult<ColumnTable>>;
export async function readCSV(file: string, options?: CSVOptions): Promise<ColumnTable>;
export async function readCSV(file: string, options: CSVOptions = {}): Promise<ColumnTable | LoadResult<ColumnTable>> {
  return readDelimited('readCSV', file, options, ',');
}

/**
 * Loads a tab-separated file: `readCSV` with `delimiter: '\t'`.
 *
 * @example
 * const t = await readTSV('node_modules/vega-datasets/data/unemployment.tsv');
 */
export async function readTSV(file: string, options: CSVOptions & { onBadRows: 'collect' }): Promise<LoadResult<ColumnTable>>;
export async function readTSV(file: string, options?: CSVOptions): Promise<ColumnTable>;
export async function readTSV(file: string, options: CSVOptions = {}): Promise<ColumnTable | LoadResult<ColumnTable>> {
  return readDelimited('readTSV', file, options, '\t');
}

async function readDelimited(fn: string, file: string, options: CSVOptions, delimiter: string): Promise<ColumnTable | LoadResult<ColumnTable>> {
  const absolute = resolveDataPath(fn, file);
  const bytes = await readDataFile(fn, file, absolute);
  return _parseCSV(fn, bytes, { source: file, ...options }, delimiter);
}
