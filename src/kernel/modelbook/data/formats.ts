import type { ColumnTable } from 'arquero';
import { _parseArrow, type ArrowOptions } from '../../../core/data/parseArrow';
import { _parseJSON, validateJSONOptions, type JSONOptions } from '../../../core/data/parseJSON';
import type { LoadResult } from '../../../core/data/types';
import { readDataFile, resolveDataPath } from './resolve';

/**
 * Loads a JSON file from the workspace: an array of records, an object of columns, or JSON Lines
 * (`.jsonl`/`.ndjson` files are read as lines). Numbers become Float64Array (NaN for null), ISO
 * date strings dates. Default `format: 'auto'`.
 *
 * @example
 * const cars = await readJSON('node_modules/vega-datasets/data/cars.json');
 * const events = await readJSON('events.jsonl', { onBadRows: 'collect' });
 */
export async function readJSON(file: string, options: JSONOptions & { onBadRows: 'collect' }): Promise<LoadResult<ColumnTable>>;
export async function readJSON(file: string, options?: JSONOptions): Promise<ColumnTable>;
export async function readJSON(file: string, options: JSONOptions = {}): Promise<ColumnTable | LoadResult<ColumnTable>> {
  const fn = 'readJSON';
  const absolute = resolveDataPath(fn, file);
  validateJSONOptions(fn, options);
  const bytes = await readDataFile(fn, file, absolute);
  const lines = /\.(jsonl|ndjson)$/i.test(file) && options.format === undefined;
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return _parseJSON(text, { source: file, ...(lines ? { format: 'lines' } : {}), ...options });
}

/**
 * Loads an Apache Arrow IPC file (`.arrow`, `.feather` v2, or an IPC stream) from the workspace.
 *
 * @example
 * const flights = await readArrow('node_modules/vega-datasets/data/flights-200k.arrow');
 */
export async function readArrow(file: string, options: ArrowOptions = {}): Promise<ColumnTable> {
  const fn = 'readArrow';
  const absolute = resolveDataPath(fn, file);
  const bytes = await readDataFile(fn, file, absolute);
  return _parseArrow(bytes, { source: file, ...options });
}
