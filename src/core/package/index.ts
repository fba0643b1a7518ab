// The model package's public API in cells (src/core/modelbook): schemas, validation and scoring.
export { PACKAGE_FILES, PACKAGE_FORMAT_VERSION } from './contract';
export type {
  InputColumn,
  InputSchema,
  OutputSchema,
  PackageManifest,
  PackageFlavour,
  LoadedModel,
  InputColumns,
  TablePredictions,
  RowProblem,
  InvalidRowPolicy,
  PackagedEstimator,
  Prediction as PackagePrediction,
} from './contract';
export { inferInputSchema } from './inferInputSchema';
export { validateRecords } from './validateRecords';
export { scoreRecords, recordsToTable, type ScoringModel } from './scoreRecords';
export { inferOutputSchema } from './outputSchema';
