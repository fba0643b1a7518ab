// Public API of src/core/data, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
// Named exports only: the `_`-prefixed cores behind each public function stay internal.
export * from './fingerprint';
export * from './types';
export { DateColumn, isDateColumn } from './dateColumn';
export { parseCSV, parseTSV, type CSVInput, type CSVOptions } from './parseCSV';
export { parseJSON, type JSONOptions } from './parseJSON';
export { parseArrow, type ArrowOptions } from './parseArrow';
export { parseParquet, type ParquetOptions, type ParquetSource, type ParquetCompressors } from './parseParquet';
export { zstdDecompress } from './zstd';
export { qualityReport, QualityReport } from './qualityReport';
export type * from './quality/contract';
export { profile, DataProfile, PROFILE_QUANTILES, buildHistogram, binOf } from './profile';
export { isDataProfile } from './profiling/contract';
export type * from './profiling/contract';
export { scanPII, PIIReport, detectPII, maskValue, type PIIOptions, type PIIMatch, type PIIColumn, type PIIReportData, type PIIValueKind, type SensitiveNameKind } from './scanPII';
export { matchSensitiveName } from './pii/names';
export { collectColumn, type ColumnKind, type CollectedColumn } from './columns';
