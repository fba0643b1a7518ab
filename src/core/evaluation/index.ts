// Public API of src/core/evaluation, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export {};
