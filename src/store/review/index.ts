// Public API of src/store/review: what a model diff reads (Node only; the pure parts are in src/core/review).
export { loadDiffSide, DiffSideError, WORKTREE, type LoadedSide, type SideEvaluation, type LoadSideOptions } from './loadSide';
export { readPredictions } from './readPredictions';
export { pickLatestEvaluations } from './pickEvaluations';
