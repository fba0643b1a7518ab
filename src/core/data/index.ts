// Public API of src/core/data, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export * from './fingerprint';
export * from './types';
export * from './parseCSV';
export * from './parseParquet';
export * from './dateColumn';
export { zstdDecompress } from './zstd/decompress';
export * from './parseJSON';
export * from './parseArrow';
