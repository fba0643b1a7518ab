// Public API of src/core/training (the pieces a cell author may reuse for a custom loop),
// re-exported through src/core/models/index.ts.
export type { EpochRecord, StopReason, TrainingHistory } from './contract';
export { createRng, type Rng } from './random';
export { permutation, shuffleInPlace } from './shuffle';
export { splitValidation, type ValidationSplit } from './split';
export { buildTrainingCurveSpec, TrainingCurve, type TrainingCurveState } from './trainingCurve';
