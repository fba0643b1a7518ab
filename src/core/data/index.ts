// Public API of src/core/data, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export {};
export * from './fingerprint';
