// Public API of src/core/models/mlp, re-exported by src/core/models/index.ts.
export { MLPClassifier } from './classifier';
export { MLPRegressor } from './regressor';
export type { MLPParams, MlpActivation, MlpEngineKind } from './params';
export { MLP_DEFAULTS } from './params';
import './register';
