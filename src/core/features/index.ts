// Public API of src/core/features: the leak-free preprocessing pipeline.
export type { ColumnKind as FeatureColumnKind, ColumnSelection, ColumnSelector, FeatureStep, StepJSON } from './contract';
export { numericColumns, categoricalColumns, matchColumns } from './columns';
export { SimpleImputer, type SimpleImputerOptions } from './simpleImputer';
export { StandardScaler, type StandardScalerOptions } from './standardScaler';
export { MinMaxScaler, type MinMaxScalerOptions } from './minMaxScaler';
export { OneHotEncoder, type OneHotEncoderOptions } from './oneHotEncoder';
export { OrdinalEncoder, type OrdinalEncoderOptions } from './ordinalEncoder';
export { Bucketizer, type BucketizerOptions } from './bucketizer';
export { SelectColumns, DropColumns } from './selectColumns';
export { CustomStep, type CustomStepDefinition } from './customStep';
export { registerStep, stepFromJSON } from './stepRegistry';
export { Pipeline, type PipelineOptions, type PipelinePrediction } from './pipeline';
export { checkPipelineLeak, type LeakReport } from './checkPipelineLeak';
export type { FitRecord } from './fitRecord';
