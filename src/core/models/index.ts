// Public API of src/core/models, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export {};
// Neural networks (MLP estimators, the LayersModel wrapper) and the training-loop pieces they share.
export * from './mlp/index';
export * from './layers/index';
export * from '../training/index';
