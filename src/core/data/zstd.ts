/**
 * Zstandard decoding for Parquet pages (Polars, Spark and pyarrow often write ZSTD; hyparquet
 * reads only Snappy by itself, and Node 20's zlib has no zstd), by fzstd, the JavaScript decoder
 * hyparquet-compressors uses. bench/zstd.bench.ts measured it against the decoder Modelbook had
 * written before, on every page of the 3-million-row flights file: the same load time.
 */
import { decompress } from 'fzstd';
import { dataMessage } from './messages';

/**
 * Decompresses Zstandard frames. `outputLength` (when known, as in Parquet pages) sizes the
 * output exactly; otherwise the frames' content sizes do. Damaged input throws an Error that says
 * so, never a bare TypeError.
 *
 * @example
 * zstdDecompress(compressedPage, 65536) // Uint8Array(65536)
 */
export function zstdDecompress(input: Uint8Array, outputLength?: number): Uint8Array {
  try {
    return decompress(input, outputLength === undefined ? undefined : new Uint8Array(outputLength));
  } catch (e) {
    throw new Error(dataMessage.zstdCorrupt(e instanceof Error ? e.message : String(e)), { cause: e });
  }
}
