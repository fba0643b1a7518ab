// Public API of src/core/models, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export {};
