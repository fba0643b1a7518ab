// Public API of src/core/validation: splitters, cross-validation, model comparison, tuning.
export type { Fold, SplitData, Splitter, CvOption } from './contract';
export { KFold, type KFoldOptions } from './kFold';
export { StratifiedKFold } from './stratifiedKFold';
export { GroupKFold } from './groupKFold';
export { TimeSeriesSplit, type TimeSeriesSplitOptions } from './timeSeriesSplit';
export { RepeatedKFold, RepeatedStratifiedKFold, type RepeatedKFoldOptions } from './repeatedKFold';
export { trainTestSplit, trainTestIndices, type TrainTestSplit, type TrainTestSplitOptions } from './trainTestSplit';
export { crossValidate, type CrossValidateOptions } from './crossValidate';
export { CVResult, type FoldResult } from './cvResult';
export { compareModels, type CompareModelsOptions, type ModelComparison } from './compareModels';
export { registerScorer, scoreModel, type Scorer, type ScorerName } from './scoring';
export { cloneModel, type Model } from './model';
