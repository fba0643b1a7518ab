import { table, type ColumnTable } from 'arquero';
import { parquetRead, type AsyncBuffer, type Compressors, type DecodedArray, type FileMetaData, type SchemaElement } from 'hyparquet';
import { DateColumn } from './dateColumn';
import { dataMessage } from './messages';
import type { ColumnValues } from './types';
import { zstdDecompress } from './zstd';
import { flatSchemaPath, readFlatColumn } from './parquet/flatColumn';
import { readParquetFooter } from './parquet/footer';

export type { AsyncBuffer as ParquetSource, Compressors as ParquetCompressors };

/** Options of `parseParquet` / `readParquet`. */
export interface ParquetOptions {
  /** Load only these columns; the others are never read or decompressed. Default: all. */
  columns?: string[];
  /** Read at most this many rows (from the start). Default: all. */
  limit?: number;
  /** Extra decompressors by codec name (the kernel adds GZIP and BROTLI from Node's zlib). ZSTD and SNAPPY are built in. */
  compressors?: Compressors;
  /** Name of the data in messages, e.g. the file path. Default `'Parquet'`. */
  source?: string;
}

type Kind = 'number' | 'date' | 'boolean' | 'string' | 'other';

/**
 * Parses a Parquet file (bytes, or an `AsyncBuffer` that reads byte ranges on demand) into an
 * arquero table: numbers as Float64Array (NaN for missing; 64-bit integers are exact up to
 * 2^53), timestamps and dates as dates (UTC), text as strings, nested values as plain objects.
 * Reads only the row groups and columns asked for.
 *
 * @example
 * const t = await parseParquet(bytes, { columns: ['delay', 'distance'], limit: 100_000 });
 */
export async function parseParquet(input: ArrayBuffer | Uint8Array | AsyncBuffer, options: ParquetOptions = {}): Promise<ColumnTable> {
  const fn = 'parseParquet';
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, 'an options object, e.g. { columns: ["a"] }'));
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) throw new TypeError(dataMessage.badOption(fn, 'limit', 'a whole number ≥ 0', options.limit));
  if (options.columns !== undefined && !(Array.isArray(options.columns) && options.columns.every((c) => typeof c === 'string'))) {
    throw new TypeError(dataMessage.badOption(fn, 'columns', 'a list of column names', options.columns));
  }
  return _parseParquet(toAsyncBuffer(fn, input), options);
}

/** parseParquet without argument checks; also the kernel's readParquet (which adds codecs and a file reader). */
export async function _parseParquet(file: AsyncBuffer, options: ParquetOptions): Promise<ColumnTable> {
  const source = options.source ?? 'Parquet';
  const metadata = await readParquetFooter(file, source);
  const elements = topLevelElements(metadata);
  const all = elements.map((e) => e.name);
  const names = options.columns ?? all;
  const missing = names.filter((n) => !all.includes(n));
  if (missing.length) throw new Error(dataMessage.unknownColumns(source, 'columns', missing, all));
  const rows = Math.min(Number(metadata.num_rows), options.limit ?? Infinity);
  const kinds = new Map(elements.map((e) => [e.name, kindOf(e)]));
  const out = new Map(names.map((n) => [n, allocate(kinds.get(n)!, rows)]));
  const compressors: Compressors = { ZSTD: (input, length) => zstdDecompress(input, length), ...options.compressors };
  // Timestamps as epoch milliseconds: DateColumn makes the Dates (see dateColumn.ts).
  const parsers = {
    timestampFromMilliseconds: (v: bigint) => Number(v),
    timestampFromMicroseconds: (v: bigint) => Number(v) / 1000,
    timestampFromNanoseconds: (v: bigint) => Number(v) / 1e6,
    dateFromDays: (d: number) => d * 86400000,
  };
  const flat = names.filter((n) => kinds.get(n) !== 'other' && flatSchemaPath(metadata, n));
  const nested = names.filter((n) => !flat.includes(n));
  try {
    if (rows > 0) {
      // Columns one after another: the peak holds one column chunk's bytes, not the file's.
      for (const n of flat) await readFlatColumn(file, metadata, n, flatSchemaPath(metadata, n)!, out.get(n)!, rows, parsers, compressors);
      if (nested.length) {
        await parquetRead({
          file,
          metadata,
          columns: nested,
          rowEnd: rows,
          compressors,
          parsers,
          onChunk: ({ columnName, columnData, rowStart }) => place(out.get(columnName)!, kinds.get(columnName)!, columnData, rowStart, rows),
        });
      }
    }
  } catch (e) {
    const codec = /unsupported compression codec: (\w+)/.exec((e as Error).message);
    if (codec) throw new Error(dataMessage.inSource(source, dataMessage.parquetCodec(codec[1])), { cause: e });
    // hyparquet trusts the file: damage surfaces as a TypeError or RangeError deep inside it.
    throw new Error(dataMessage.parquetDamaged(source, 'data', (e as Error).message), { cause: e });
  }
  const data: Record<string, ColumnValues> = {};
  for (const n of names) {
    const col = out.get(n)!;
    data[n] = kinds.get(n) === 'date' ? new DateColumn(col as Float64Array) : col;
  }
  return table(data, names);
}

function topLevelElements(metadata: FileMetaData): SchemaElement[] {
  const schema = metadata.schema;
  const top: SchemaElement[] = [];
  // Depth-first: each element with num_children owns that many following subtrees.
  let i = 1;
  const skip = (): void => {
    const n = schema[i++].num_children ?? 0;
    for (let k = 0; k < n; k++) skip();
  };
  while (i < schema.length) {
    top.push(schema[i]);
    skip();
  }
  return top;
}

function kindOf(e: SchemaElement): Kind {
  if (e.num_children) return 'other';
  const logical = e.logical_type?.type;
  const converted = e.converted_type;
  if (logical === 'TIMESTAMP' || logical === 'DATE' || converted === 'DATE' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS') return 'date';
  if (e.repetition_type === 'REPEATED') return 'other';
  if (e.type === 'BOOLEAN') return 'boolean';
  if (e.type === 'BYTE_ARRAY' || e.type === 'FIXED_LEN_BYTE_ARRAY') {
    if (logical === 'STRING' || logical === 'ENUM' || converted === 'UTF8' || converted === 'ENUM') return 'string';
    return logical === 'DECIMAL' || converted === 'DECIMAL' ? 'number' : 'other';
  }
  if (e.type === 'INT32' || e.type === 'INT64' || e.type === 'FLOAT' || e.type === 'DOUBLE') return 'number';
  return 'other';
}

function allocate(kind: Kind, rows: number): Float64Array | unknown[] {
  return kind === 'number' || kind === 'date' ? new Float64Array(rows).fill(NaN) : new Array(rows).fill(null);
}

/** Copies a decoded chunk into its column, clipped to the rows asked for. */
function place(out: Float64Array | unknown[], kind: Kind, data: DecodedArray, rowStart: number, rows: number): void {
  const n = Math.min(data.length, rows - rowStart);
  if (n <= 0) return;
  if (out instanceof Float64Array) {
    if (data instanceof Float64Array || data instanceof Float32Array || data instanceof Int32Array) {
      out.set(n === data.length ? data : data.subarray(0, n), rowStart);
      return;
    }
    for (let i = 0; i < n; i++) {
      const v = (data as ArrayLike<unknown>)[i];
      out[rowStart + i] = v === null || v === undefined ? NaN : typeof v === 'number' ? v : Number(v);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = (data as ArrayLike<unknown>)[i];
    out[rowStart + i] = v === undefined ? null : kind === 'other' && typeof v === 'bigint' ? Number(v) : v;
  }
}

function toAsyncBuffer(fn: string, input: ArrayBuffer | Uint8Array | AsyncBuffer): AsyncBuffer {
  if (input instanceof ArrayBuffer) return input;
  if (input instanceof Uint8Array) return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
  if (typeof input === 'object' && input !== null && typeof (input as AsyncBuffer).slice === 'function' && typeof (input as AsyncBuffer).byteLength === 'number') return input;
  throw new TypeError(dataMessage.badInput(fn, 'the bytes of a Parquet file (ArrayBuffer / Uint8Array) or an AsyncBuffer { byteLength, slice(start, end) }'));
}
