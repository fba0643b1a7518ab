/**
 * Input rows of `modelbook predict` in batches, whatever the format: CSV and JSON lines are
 * streamed; Parquet is read a row group at a time; Arrow IPC is mapped whole (its columns are
 * not copied) and turned into records a batch at a time.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer } from 'hyparquet';
import { parseArrow } from '../../core/data/parseArrow';
import { zstdDecompress } from '../../core/data/zstd';
import { readOnlyColumn } from '../../core/data/columns';
import type { InputSchema } from '../../core/package/contract';
import { readCsvBatches } from './readCsvBatches';
import { predictMessage } from './messages';

export type InputFormat = 'csv' | 'jsonl' | 'parquet' | 'arrow';

/** Records keyed by column, and the 0-based index of the first in the whole input. */
export interface RecordBatch {
  start: number;
  records: Record<string, unknown>[];
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
 * Reads an input file as batches of records.
 *
 * @example
 * for await (const batch of readRecordBatches('in.csv', 'csv', schema)) await model.predict(batch.records);
 */
export function readRecordBatches(file: string, format: InputFormat, schema: InputSchema): AsyncGenerator<RecordBatch> {
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

async function* readJsonLines(file: string): AsyncGenerator<RecordBatch> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
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
      yield { start, records };
      start += records.length;
      records = [];
    }
  }
  if (records.length > 0) yield { start, records };
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

async function* readParquet(file: string): AsyncGenerator<RecordBatch> {
  const buffer = await fileBuffer(file);
  try {
    const metadata = await parquetMetadataAsync(buffer);
    let start = 0;
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      for (let from = 0; from < rows; from += BATCH_ROWS * 8) {
        const rowStart = start + from;
        const rowEnd = start + Math.min(rows, from + BATCH_ROWS * 8);
        const objects = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, compressors: COMPRESSORS });
        const records = objects.map((o) => {
          const r: Record<string, unknown> = {};
          for (const k in o) r[k] = plain(o[k]);
          return r;
        });
        yield { start: rowStart, records };
      }
      start += rows;
    }
  } finally {
    await buffer.close();
  }
}

async function* readArrow(file: string): AsyncGenerator<RecordBatch> {
  const table = parseArrow(await fs.promises.readFile(file), { source: file });
  const names = table.columnNames();
  const columns = names.map((n) => readOnlyColumn(table, n));
  const rows = table.numRows();
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    const end = Math.min(rows, start + BATCH_ROWS);
    const records: Record<string, unknown>[] = [];
    for (let r = start; r < end; r++) {
      const rec: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) rec[names[c]] = plain(columns[c][r]);
      records.push(rec);
    }
    yield { start, records };
  }
}
