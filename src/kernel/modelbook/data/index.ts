// File loaders of the kernel's `modelbook` module (Node): they read the bytes, src/core/data parses them.
export * from './csv';
export * from './formats';
export * from './parquet';
