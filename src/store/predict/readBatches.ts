/**
 * Input rows of `modelbook predict` in batches, whatever the format: CSV and JSON lines are
 * streamed; Parquet is read a row group at a time; Arrow IPC is mapped whole (its columns are
 * not copied) and sliced a batch at a time. Each batch is columns, not an object per row.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer } from 'hyparquet';
import { parseArrow } from '../../core/data/parseArrow';
import { zstdDecompress } from '../../core/data/zstd';
import { readOnlyColumn } from '../../core/data/columns';
import type { InputColumns, InputSchema } from '../../core/package/contract';
import { readCsvBatches } from './readCsvBatches';
import { predictMessage } from './messages';

export type InputFormat = 'csv' | 'jsonl' | 'parquet' | 'arrow';

/** Some rows of the input as columns (see `InputColumns`), and the 0-based index of the first in the whole input. */
export interface ColumnBatch {
  start: number;
  rows: number;
  columns: InputColumns;
  /** Share of the input read so far (bytes for CSV and JSON lines, rows for Parquet and Arrow), for a progress bar. */
  done?: number;
}

const BATCH_ROWS = 8192;

/**
 * The format a file name says.
 *
 * @example
 * formatOf('new.parquet') // 'parquet'
 */
export function formatOf(file: string): InputFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'parquet') return 'parquet';
  if (ext === 'arrow' || ext === 'feather' || ext === 'ipc') return 'arrow';
  return undefined;
}

/**
 * Reads an input file as batches of columns.
 *
 * @example
 * for await (const batch of readColumnBatches('in.csv', 'csv', schema)) await model.predictTable(batch.columns);
 */
export function readColumnBatches(file: string, format: InputFormat, schema: InputSchema): AsyncGenerator<ColumnBatch> {
  switch (format) {
    case 'csv':
      return readCsvBatches(file, schema);
    case 'jsonl':
      return readJsonLines(file);
    case 'parquet':
      return readParquet(file);
    case 'arrow':
      return readArrow(file);
  }
}

async function* readJsonLines(file: string): AsyncGenerator<ColumnBatch> {
  const stream = fs.createReadStream(file);
  const size = (await fs.promises.stat(file)).size || 1;
  const done = () => Math.min(1, stream.bytesRead / size);
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let records: Record<string, unknown>[] = [];
  let start = 0;
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error(predictMessage.jsonlNotJson(file, line, (e as Error).message), { cause: e });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(predictMessage.jsonlNotObject(file, line));
    records.push(value as Record<string, unknown>);
    if (records.length === BATCH_ROWS) {
      yield { start, rows: records.length, columns: recordsToColumns(records), done: done() };
      start += records.length;
      records = [];
    }
  }
  if (records.length > 0) yield { start, rows: records.length, columns: recordsToColumns(records), done: 1 };
}

/** Records as columns: a key a record lacks is undefined in its column (absent, as in the record). */
function recordsToColumns(records: readonly Record<string, unknown>[]): InputColumns {
  const columns: Record<string, unknown[]> = {};
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    for (const k in record) (columns[k] ??= new Array<unknown>(records.length))[r] = record[k];
  }
  return columns;
}

/** Byte ranges of a file on demand, for hyparquet. */
async function fileBuffer(file: string): Promise<AsyncBuffer & { close(): Promise<void> }> {
  const handle = await fs.promises.open(file, 'r');
  const { size } = await handle.stat();
  return {
    byteLength: size,
    async slice(start: number, end = size) {
      const out = Buffer.alloc(end - start);
      await handle.read(out, 0, out.length, start);
      return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
    },
    close: () => handle.close(),
  };
}

/** The codecs the kernel's readParquet reads too: ZSTD from core, GZIP and BROTLI from Node's zlib (SNAPPY is hyparquet's). */
const COMPRESSORS = {
  ZSTD: (input: Uint8Array, length: number) => zstdDecompress(input, length),
  GZIP: (input: Uint8Array) => zlib.gunzipSync(input),
  BROTLI: (input: Uint8Array) => zlib.brotliDecompressSync(input),
};

const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v === undefined ? null : v);

async function* readParquet(file: string): AsyncGenerator<ColumnBatch> {
  const buffer = await fileBuffer(file);
  try {
    const metadata = await parquetMetadataAsync(buffer);
    const total = Number(metadata.num_rows) || 1;
    let start = 0;
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      for (let from = 0; from < rows; from += BATCH_ROWS * 8) {
        const rowStart = start + from;
        const rowEnd = start + Math.min(rows, from + BATCH_ROWS * 8);
        const objects = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, compressors: COMPRESSORS });
        const columns: Record<string, unknown[]> = {};
        for (let r = 0; r < objects.length; r++) {
          const o = objects[r];
          for (const k in o) (columns[k] ??= new Array<unknown>(objects.length))[r] = plain(o[k]);
        }
        yield { start: rowStart, rows: objects.length, columns, done: rowEnd / total };
      }
      start += rows;
    }
  } finally {
    await buffer.close();
  }
}

async function* readArrow(file: string): AsyncGenerator<ColumnBatch> {
  const table = parseArrow(await fs.promises.readFile(file), { source: file });
  const names = table.columnNames();
  const columns = names.map((n) => readOnlyColumn(table, n));
  const rows = table.numRows();
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    const end = Math.min(rows, start + BATCH_ROWS);
    const batch: Record<string, ArrayLike<unknown>> = {};
    names.forEach((name, c) => (batch[name] = sliceColumn(columns[c], start, end)));
    yield { start, rows: end - start, columns: batch, done: end / rows };
  }
}

/** Rows start..end of an Arrow column: a view of a float64 column, else plain values (bigint as number, null for missing). */
function sliceColumn(column: ArrayLike<unknown>, start: number, end: number): ArrayLike<unknown> {
  if (column instanceof Float64Array) return column.subarray(start, end);
  const out = new Array<unknown>(end - start);
  for (let r = start; r < end; r++) out[r - start] = plain(column[r]);
  return out;
}
