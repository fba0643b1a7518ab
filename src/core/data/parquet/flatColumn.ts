/**
 * A fast path for flat (non-nested) Parquet columns, the common case in tabular data: pages are
 * decoded with hyparquet's page readers, but values go straight into the final Float64Array (or
 * array) through the dictionary, skipping hyparquet's generic row assembly, which boxes every
 * 64-bit integer as a BigInt and builds the column value by value (most of the load time of a
 * 3-million-row file).
 *
 * The page readers are hyparquet internals (`hyparquet/src/*.js`, typed by its own `types/*.d.ts`
 * through its package exports), not its public API, so package.json pins hyparquet to one exact
 * version: a release may change them without a major version. On an upgrade, `npm run
 * check-types` catches changed signatures and test/unit/core/data/parseParquet.test.ts (every
 * flat column of small.parquet through this path) catches changed behaviour.
 */
import type { AsyncBuffer, ColumnDecoder, DecodedArray, FileMetaData, ParquetParsers, SchemaTree } from 'hyparquet/src/types.js';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getSchemaPath, isFlatColumn } from 'hyparquet/src/schema.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import type { Compressors } from 'hyparquet';
import { dataMessage } from '../messages';

/** Where decoded values go: numbers and dates (epoch ms) in a Float64Array, the rest in an array. */
export type ColumnSink = Float64Array | unknown[];

/** The schema path of a top-level column when it is flat (no lists, maps or structs), else undefined. */
export function flatSchemaPath(metadata: FileMetaData, name: string): SchemaTree[] | undefined {
  const path = getSchemaPath(metadata.schema, [name]);
  return path.length === 2 && isFlatColumn(path) ? path : undefined;
}

/**
 * Reads one flat column of every row group that holds rows below `rows` into `out`, one row
 * group's byte range at a time (so only this column's bytes are read).
 */
export async function readFlatColumn(
  file: AsyncBuffer,
  metadata: FileMetaData,
  name: string,
  schemaPath: SchemaTree[],
  out: ColumnSink,
  rows: number,
  parsers: Partial<ParquetParsers>,
  compressors: Compressors,
): Promise<void> {
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    if (groupStart >= rows) break;
    const chunk = group.columns.find((c) => c.meta_data?.path_in_schema[0] === name)?.meta_data;
    if (!chunk) throw new Error(dataMessage.parquetMissingChunk(name));
    const start = Number(chunk.dictionary_page_offset !== undefined ? Math.min(Number(chunk.dictionary_page_offset), Number(chunk.data_page_offset)) : chunk.data_page_offset);
    const bytes = await file.slice(start, start + Number(chunk.total_compressed_size));
    const decoder: ColumnDecoder = {
      pathInSchema: [name],
      type: chunk.type,
      element: schemaPath[1].element,
      schemaPath,
      codec: chunk.codec,
      parsers: { ...DEFAULT_PARSERS, ...parsers },
      compressors,
      utf8: true,
    };
    decodePages(bytes, decoder, out, groupStart, Math.min(rows, groupStart + Number(group.num_rows)));
    groupStart += Number(group.num_rows);
  }
}

function decodePages(bytes: ArrayBuffer, decoder: ColumnDecoder, out: ColumnSink, from: number, to: number): void {
  const reader = { view: new DataView(bytes), offset: 0 };
  const maxDefinition = getMaxDefinitionLevel(decoder.schemaPath);
  let dictionary: ColumnSink | undefined;
  let row = from;
  while (row < to && reader.offset < bytes.byteLength - 1) {
    const header = parquetHeader(reader);
    const compressed = new Uint8Array(bytes, reader.offset, header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, decoder.compressors);
      const raw = readPlain({ view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }, decoder.type, header.dictionary_page_header!.num_values, decoder.element.type_length);
      dictionary = toSink(convert(raw, decoder), out);
      continue;
    }
    let page: { definitionLevels: number[] | undefined; dataPage: DecodedArray };
    let encoding: string;
    let count: number;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header!;
      page = readDataPage(decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, decoder.compressors), daph, decoder);
      [encoding, count] = [daph.encoding, daph.num_values];
    } else if (header.type === 'DATA_PAGE_V2') {
      page = readDataPageV2(compressed, header, decoder);
      [encoding, count] = [header.data_page_header_v2!.encoding, header.data_page_header_v2!.num_values];
    } else {
      continue;
    }
    const usesDictionary = encoding.endsWith('_DICTIONARY') && dictionary !== undefined;
    const values = usesDictionary ? page.dataPage : toSink(convert(page.dataPage, decoder), out);
    scatter(out, values, usesDictionary ? dictionary : undefined, page.definitionLevels, maxDefinition, row, Math.min(count, to - row));
    row += count;
  }
}

/** A decoded run in the sink's representation (numbers as Float64Array, dates already as ms). */
function toSink(values: DecodedArray, out: ColumnSink): ColumnSink {
  if (!(out instanceof Float64Array)) return Array.from(values as ArrayLike<unknown>, (v) => (v === undefined ? null : v));
  if (values instanceof Float64Array) return values;
  const f = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = (values as ArrayLike<unknown>)[i];
    f[i] = v === null || v === undefined ? NaN : typeof v === 'number' ? v : Number(v);
  }
  return f;
}

/** Places `n` rows from `row` on: present values in order (through the dictionary), missing ones as NaN / null. */
function scatter(out: ColumnSink, values: ArrayLike<unknown>, dictionary: ColumnSink | undefined, levels: number[] | undefined, maxDefinition: number, row: number, n: number): void {
  const missing = out instanceof Float64Array ? NaN : null;
  const hasLevels = levels !== undefined && levels.length > 0;
  let k = 0;
  if (out instanceof Float64Array && dictionary instanceof Float64Array) {
    const idx = values as ArrayLike<number>;
    for (let i = 0; i < n; i++) out[row + i] = hasLevels && levels![i] !== maxDefinition ? NaN : dictionary[idx[k++]];
    return;
  }
  for (let i = 0; i < n; i++) {
    if (hasLevels && levels![i] !== maxDefinition) {
      out[row + i] = missing;
      continue;
    }
    const v = dictionary ? dictionary[(values as ArrayLike<number>)[k++]] : values[k++];
    (out as unknown[])[row + i] = v;
  }
}
