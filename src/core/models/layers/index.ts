// Public API of src/core/models/layers, re-exported by src/core/models/index.ts.
export { LayersClassifier } from './classifier';
export { LayersRegressor } from './regressor';
export type { LayersParams } from './params';
