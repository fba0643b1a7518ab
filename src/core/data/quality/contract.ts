/** The shapes of a data-quality report (JSON-serializable; `version` changes with the shape). */
import type { ColumnKind } from '../columns';

export type Severity = 'error' | 'warning' | 'info';

export type FindingKind =
  'missing' | 'constant' | 'nearConstant' | 'highCardinality' | 'mixedTypes' | 'duplicateRows' | 'labelMissing' | 'classImbalance' | 'trainTestOverlap' | 'targetLeakage' | 'schemaMismatch';

/** One thing the report found: how bad, where, what it is, and what to do about it. */
export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The column it is about, when it is about one. */
  column?: string;
  /** What was found, with its numbers. */
  message: string;
  /** One sentence saying what to do. */
  advice: string;
}

export interface ColumnQuality {
  name: string;
  kind: ColumnKind;
  count: number;
  missing: number;
  missingShare: number;
  distinct: number;
  /** Numbers: min/max/mean; dates: min/max as ISO text. */
  min?: number | string;
  max?: number | string;
  mean?: number;
  /** The most frequent value and its share of the non-missing values. */
  top?: unknown;
  topShare?: number;
}

export interface ClassBalance {
  label: string;
  classes: { value: unknown; count: number; share: number }[];
}

export interface LeakageSummary {
  testRows: number;
  /** Test rows whose feature values equal a training row's. */
  sharedRows: number;
  sharedShare: number;
}

export interface QualityReportData {
  kind: 'modelbook.qualityReport';
  version: 1;
  rows: number;
  duplicateRows: number;
  columns: ColumnQuality[];
  label?: ClassBalance;
  leakage?: LeakageSummary;
  findings: Finding[];
  /** No finding of severity 'error'. */
  passed: boolean;
}

/** Options of `qualityReport`. */
export interface QualityOptions {
  /** The target column: checked for missing values, class balance and features that leak it. */
  label?: string;
  /** The test split: rows shared with the table (train) are reported, and its schema compared. */
  test?: import('arquero').ColumnTable;
  /** Columns to leave out of the checks (e.g. row ids). Default none. */
  ignore?: string[];
  /** Share of missing values from which a column is a warning (below: info). Default 0.05. */
  missingWarning?: number;
  /** Share of the most frequent value from which a column is near-constant. Default 0.99. */
  nearConstant?: number;
  /** Distinct text values from which a column is high-cardinality (also needs > 50% of rows distinct). Default 50. */
  highCardinality?: number;
  /** Share of the smallest class below which the label is imbalanced. Default 0.1. */
  minorityShare?: number;
  /** |Pearson r| between a numeric feature and the label from which it is flagged as leakage. Default 0.99. */
  leakageCorrelation?: number;
}
