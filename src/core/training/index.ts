// Public API of src/core/training, re-exported through src/core/models/index.ts: what a fit
// records and the chart of it. The RNG, shuffling and splits stay internal (src/core/linalg of the
// linear models has its own createRng; one public seeded RNG is for the lead to choose).
export type { EpochRecord, StopReason, TrainingHistory } from './contract';
export { buildTrainingCurveSpec, TrainingCurve, type TrainingCurveState } from './trainingCurve';
