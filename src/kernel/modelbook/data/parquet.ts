import type fs from 'node:fs';
import zlib from 'node:zlib';
import type { ColumnTable } from 'arquero';
import { _parseParquet, type ParquetOptions, type ParquetSource } from '../../../core/data/parseParquet';
import { dataMessage } from '../../../core/data/messages';
import { openDataFile, resolveDataPath } from './resolve';

/**
 * Loads a Parquet file from the workspace into an arquero table, reading only the byte ranges of
 * the columns and row groups asked for (so `columns` and `limit` also save memory). Codecs:
 * UNCOMPRESSED, SNAPPY, ZSTD, GZIP, BROTLI. Numbers become Float64Array (NaN for missing),
 * timestamps dates, text strings.
 *
 * @example
 * const flights = await readParquet('node_modules/vega-datasets/data/flights-3m.parquet', { columns: ['delay', 'distance'] });
 */
export async function readParquet(file: string, options: ParquetOptions = {}): Promise<ColumnTable> {
  const fn = 'readParquet';
  const absolute = resolveDataPath(fn, file);
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, 'an options object, e.g. { columns: ["a"] }'));
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) throw new TypeError(dataMessage.badOption(fn, 'limit', 'a whole number ≥ 0', options.limit));
  const { handle, size } = await openDataFile(fn, file, absolute);
  try {
    return await _parseParquet(rangeReader(handle, size), {
      source: file,
      ...options,
      compressors: { GZIP: (b) => zlib.gunzipSync(b), BROTLI: (b) => zlib.brotliDecompressSync(b), ...options.compressors },
    });
  } finally {
    await handle.close();
  }
}

/** Byte ranges of an open file, read on demand (hyparquet's AsyncBuffer). */
function rangeReader(handle: fs.promises.FileHandle, size: number): ParquetSource {
  return {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const out = new Uint8Array(end - start);
      let done = 0;
      while (done < out.length) {
        const { bytesRead } = await handle.read(out, done, out.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return out.buffer;
    },
  };
}
