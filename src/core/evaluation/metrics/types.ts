/**
 * Value types shared by the metric functions: results carry their warnings as data (where
 * scikit-learn would emit an UndefinedMetricWarning), never as console output.
 */
import type { NumberColumn } from '../../args/columns';
import type { ClassLabel } from '../../models/contract';

export type { ClassLabel };

/** Why a number deserves a second look. Codes are stable; messages are for people. */
export type WarningCode =
  'zero-division' | 'undefined-metric' | 'single-class' | 'small-group' | 'labels-not-in-true' | 'positive-label' | 'bootstrap-degenerate' | 'bootstrap-bias' | 'probabilities' | 'downsampled';

export interface MetricWarning {
  code: WarningCode;
  message: string;
  /** The metric the warning is about, e.g. 'precision'. */
  metric?: string;
  /** The slice group it is about, e.g. 'sex=FEMALE'. */
  group?: string;
}

/** A scalar metric and what went wrong computing it (empty when nothing did). */
export interface MetricResult {
  value: number;
  warnings: MetricWarning[];
}

/** How per-class scores are combined, as in scikit-learn's `average=`. */
export type Average = 'binary' | 'micro' | 'macro' | 'weighted';

/** What a ratio with a zero denominator becomes: 'warn' means 0 plus a warning (scikit-learn's default). */
export type ZeroDivision = 'warn' | 0 | 1;

/** Per-row weights (scikit-learn's `sample_weight`); a bootstrap passes resample counts here. */
export type SampleWeight = NumberColumn;

/** Class scores for several classes: a contract `Probabilities`, rows of numbers, or a row-major Matrix. */
export type ScoreMatrix = { classes: ClassLabel[]; rows: number; data: Float64Array } | { rows: number; cols: number; data: Float64Array } | readonly (readonly number[])[];
