// Public API of src/core/data, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export * from './fingerprint';
export * from './types';
export * from './parseCSV';
export * from './parseParquet';
export * from './dateColumn';
export { zstdDecompress } from './zstd/decompress';
export * from './parseJSON';
export * from './parseArrow';
export * from './qualityReport';
export { collectColumn, type ColumnKind, type CollectedColumn } from './columns';
export * from './profile';
export { isDataProfile } from './profiling/contract';
export * from './scanPII';
export { matchSensitiveName } from './pii/names';
