// Loads (and so registers) every built-in step, so Pipeline.fromJSON knows them all.
export { SimpleImputer } from './simpleImputer';
export { StandardScaler } from './standardScaler';
export { MinMaxScaler } from './minMaxScaler';
export { OneHotEncoder } from './oneHotEncoder';
export { OrdinalEncoder } from './ordinalEncoder';
export { Bucketizer } from './bucketizer';
export { SelectColumns, DropColumns } from './selectColumns';
export { CustomStep } from './customStep';
