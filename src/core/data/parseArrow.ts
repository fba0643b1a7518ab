import { fromArrow, type ColumnTable } from 'arquero';
import { dataMessage } from './messages';

/** Options of `parseArrow` / `readArrow`. */
export interface ArrowOptions {
  /** Load only these columns. Default: all. */
  columns?: string[];
  /** Keep at most this many rows. Default: all. */
  limit?: number;
  /** Name of the data in messages, e.g. the file path. Default `'Arrow'`. */
  source?: string;
}

/**
 * Parses Apache Arrow IPC bytes (file or stream format; `.arrow`, `.feather` v2) into an arquero
 * table backed by the Arrow columns (no copy): dates as Date, 64-bit integers as numbers,
 * dictionary columns as strings.
 *
 * @example
 * const flights = parseArrow(bytes, { columns: ['delay', 'distance'] });
 */
export function parseArrow(input: Uint8Array | ArrayBuffer, options: ArrowOptions = {}): ColumnTable {
  const fn = 'parseArrow';
  if (!(input instanceof Uint8Array || input instanceof ArrayBuffer)) throw new TypeError(dataMessage.badInput(fn, 'the bytes of an Arrow IPC file or stream (Uint8Array / ArrayBuffer)'));
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, 'an options object, e.g. { columns: ["a"] }'));
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) throw new TypeError(dataMessage.badOption(fn, 'limit', 'a whole number ≥ 0', options.limit));
  if (options.columns !== undefined && !(Array.isArray(options.columns) && options.columns.every((c) => typeof c === 'string'))) {
    throw new TypeError(dataMessage.badOption(fn, 'columns', 'a list of column names', options.columns));
  }
  return _parseArrow(input instanceof ArrayBuffer ? new Uint8Array(input) : input, options);
}

export function _parseArrow(bytes: Uint8Array, options: ArrowOptions): ColumnTable {
  const source = options.source ?? 'Arrow';
  let t: ColumnTable;
  try {
    t = fromArrow(bytes);
  } catch (e) {
    throw new Error(dataMessage.notArrow(source, (e as Error).message), { cause: e });
  }
  // Zeros (or a lone end-of-stream marker) parse as a table without columns: say so instead.
  if (t.numCols() === 0) throw new Error(dataMessage.arrowNoSchema(source));
  if (options.columns) {
    const all = t.columnNames();
    const missing = options.columns.filter((c) => !all.includes(c));
    if (missing.length) throw new Error(dataMessage.unknownColumns(source, 'columns', missing, all));
    t = t.select(options.columns);
  }
  return options.limit !== undefined && options.limit < t.numRows() ? t.slice(0, options.limit).reify() : t;
}
