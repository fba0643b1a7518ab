// Types for the hyparquet page readers the flat-column fast path uses (flatColumn.ts). hyparquet
// exports them as `hyparquet/src/*.js` with types under `types/`, which this project's
// `moduleResolution: node` cannot map; these mirror hyparquet 1.33's declarations.
declare module 'hyparquet/src/column.js' {
  import type { DataReader, PageHeader } from 'hyparquet';
  export function parquetHeader(reader: DataReader): PageHeader;
}
declare module 'hyparquet/src/convert.js' {
  import type { DecodedArray, ParquetParsers } from 'hyparquet';
  import type { ColumnDecoder } from 'hyparquet/src/types.js';
  export const DEFAULT_PARSERS: ParquetParsers;
  export function convert(data: DecodedArray, columnDecoder: ColumnDecoder): DecodedArray;
}
declare module 'hyparquet/src/datapage.js' {
  import type { CompressionCodec, Compressors, DataPageHeader, DecodedArray, PageHeader } from 'hyparquet';
  import type { ColumnDecoder } from 'hyparquet/src/types.js';
  interface DataPage {
    definitionLevels: number[] | undefined;
    repetitionLevels: number[];
    dataPage: DecodedArray;
  }
  export function decompressPage(compressedBytes: Uint8Array, uncompressedPageSize: number, codec: CompressionCodec, compressors: Compressors | undefined): Uint8Array;
  export function readDataPage(bytes: Uint8Array, daph: DataPageHeader, columnDecoder: ColumnDecoder): DataPage;
  export function readDataPageV2(compressedBytes: Uint8Array, ph: PageHeader, columnDecoder: ColumnDecoder): DataPage;
}
declare module 'hyparquet/src/plain.js' {
  import type { DataReader, DecodedArray, ParquetType } from 'hyparquet';
  export function readPlain(reader: DataReader, type: ParquetType, count: number, fixedLength: number | undefined): DecodedArray;
}
declare module 'hyparquet/src/schema.js' {
  import type { SchemaElement, SchemaTree } from 'hyparquet';
  export function getSchemaPath(schema: SchemaElement[], name: string[]): SchemaTree[];
  export function getMaxDefinitionLevel(schemaPath: SchemaTree[]): number;
  export function isFlatColumn(schemaPath: SchemaTree[]): boolean;
}
declare module 'hyparquet/src/types.js' {
  import type { CompressionCodec, Compressors, ParquetParsers, ParquetType, SchemaElement, SchemaTree } from 'hyparquet';
  export type { AsyncBuffer, DecodedArray, FileMetaData, ParquetParsers, SchemaTree } from 'hyparquet';
  export interface ColumnDecoder {
    pathInSchema: string[];
    type: ParquetType;
    element: SchemaElement;
    schemaPath: SchemaTree[];
    codec: CompressionCodec;
    parsers: ParquetParsers;
    compressors?: Compressors;
    utf8?: boolean;
  }
}
