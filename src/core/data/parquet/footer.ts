import { parquetMetadataAsync, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { dataMessage } from '../messages';

const PAR1 = [0x50, 0x41, 0x52, 0x31];

/**
 * The metadata of a Parquet file, after checking what hyparquet assumes: the magic bytes at both
 * ends, a footer that fits in the file, and column chunks inside it. Each failure is one
 * sentence naming `source` and what is wrong (not Parquet, truncated, damaged).
 *
 * @example
 * const metadata = await readParquetFooter(file, 'flights.parquet');
 */
export async function readParquetFooter(file: AsyncBuffer, source: string): Promise<FileMetaData> {
  const size = file.byteLength;
  const head = size >= 4 ? new Uint8Array(await file.slice(0, 4)) : new Uint8Array(0);
  const tail = size >= 12 ? new Uint8Array(await file.slice(size - 8, size)) : new Uint8Array(0);
  const isMagic = (b: Uint8Array, at: number) => b.length >= at + 4 && PAR1.every((m, i) => b[at + i] === m);
  if (!isMagic(tail, 4)) throw new Error(isMagic(head, 0) ? dataMessage.parquetTruncated(source, dataMessage.parquetNoFooter) : dataMessage.parquetNotParquet(source));
  const footer = new DataView(tail.buffer, tail.byteOffset, 4).getUint32(0, true);
  if (footer + 8 > size) throw new Error(dataMessage.parquetTruncated(source, dataMessage.parquetFooterTooLong(footer, size)));
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new Error(dataMessage.parquetDamaged(source, 'footer', (e as Error).message), { cause: e });
  }
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const m = chunk.meta_data;
      if (!m) continue;
      const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
      const end = Math.min(start, Number(m.data_page_offset)) + Number(m.total_compressed_size);
      if (end > size) throw new Error(dataMessage.parquetTruncated(source, dataMessage.parquetChunkOutside(m.path_in_schema.join('.'), end, size)));
    }
  }
  return metadata;
}
