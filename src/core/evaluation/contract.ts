/**
 * The Evaluation view model: what `evaluate()` returns as data, what run records store and what
 * the Evaluation panel receives in one `setData`. Versioned and plain JSON (no NaN, no
 * Infinity: undefined numbers are null), so every chart and the confusion matrix at any
 * threshold can be redrawn from it alone, without the raw scores.
 */
import type { ClassLabel, MetricWarning } from './metrics/types';
import type { MetricName, Task } from './metrics/metricCatalog';
import type { ThresholdTable } from './curves/thresholdTable';
import type { FairnessMetricName } from './fairness/fairness';
import type { BootstrapMethod } from './intervals/bootstrap';
import type { GateResult } from './gates/gateTypes';

export const EVALUATION_VIEW_KIND = 'modelbook.evaluation';
export const EVALUATION_VIEW_VERSION = 1;

export interface EvaluationView {
  kind: typeof EVALUATION_VIEW_KIND;
  version: typeof EVALUATION_VIEW_VERSION;
  task: Task;
  /** The evaluated model's name (option `name`, else its spec type). */
  name: string;
  model?: { type: string; params?: Record<string, unknown> };
  rows: number;
  /** Classification: the classes, in score-column order. */
  classes?: ClassLabel[];
  /** Binary: the positive class and the operating threshold (positive when score ≥ threshold). */
  positiveLabel?: ClassLabel;
  threshold?: number;
  metrics: MetricView[];
  /** Classification: counts at the operating threshold (binary) or argmax (multiclass); rows = true labels. */
  confusion?: { labels: ClassLabel[]; matrix: number[][] };
  /** Multiclass: per-class precision, recall, F1 and support. */
  perClass?: { label: ClassLabel; precision: number | null; recall: number | null; f1: number | null; support: number }[];
  /** Binary: cumulative counts at ≤ ~1000 thresholds (see `metricsAtThreshold`). */
  thresholdTable?: ThresholdTable;
  /** Binary: thresholds chosen by common criteria, for the panel's presets. */
  operatingPoints?: OperatingPointView[];
  curves: CurvesView;
  residuals?: ResidualsView;
  baseline?: BaselineView;
  slices: SliceView[];
  gates: GateResult[];
  /** True when every gate passed (and there were gates or not). */
  passed: boolean;
  bootstrap?: { resamples: number; seed: number; method: BootstrapMethod; confidence: number; sampling: 'multinomial' | 'poisson' };
  warnings: MetricWarning[];
}

export interface CiView {
  lower: number | null;
  upper: number | null;
  level: number;
  method: BootstrapMethod;
}

export interface MetricView {
  name: MetricName;
  label: string;
  value: number | null;
  ci?: CiView;
  higherIsBetter: boolean;
}

export interface CurveView {
  /** ROC: false positive rate; PR: recall. */
  x: number[];
  /** ROC: true positive rate; PR: precision. */
  y: number[];
  /** Threshold of each point (null for the curve's end points without one). */
  thresholds: (number | null)[];
  /** Points in the full curve before downsampling. */
  points: number;
  /** The area (ROC AUC or average precision). */
  area: number | null;
}

export interface CalibrationView {
  probPred: number[];
  probTrue: number[];
  counts: number[];
  binEdges: number[];
  strategy: 'uniform' | 'quantile';
  /** Binary: positive-class probability; multiclass: top-label confidence. */
  kind: 'positive' | 'top-label';
}

export interface CurvesView {
  roc?: CurveView;
  pr?: CurveView;
  calibration?: CalibrationView;
  /** Multiclass: one-vs-rest ROC per class. */
  rocPerClass?: { label: ClassLabel; curve: CurveView }[];
  /** Multiclass: one-vs-rest precision–recall per class (area: average precision). */
  prPerClass?: { label: ClassLabel; curve: CurveView }[];
  /** Multiclass: micro- and macro-averaged ROC. */
  rocAverages?: AverageCurveView[];
  /** Multiclass: micro-averaged precision–recall. */
  prAverages?: AverageCurveView[];
}

/** An averaged one-vs-rest curve: micro pools every class's rows, macro averages the classes' curves. */
export interface AverageCurveView {
  average: 'micro' | 'macro';
  curve: CurveView;
}

export interface OperatingPointView {
  criterion: string;
  threshold: number | null;
  precision: number;
  recall: number;
  f1: number;
  falsePositiveRate: number;
}

export interface ResidualsView {
  /** A seeded random sample of at most ~2000 rows (all rows when fewer). */
  sample: { predicted: number[]; actual: number[] };
  sampled: boolean;
  /** Histogram of residuals (actual − predicted) over every row. */
  histogram: { edges: number[]; counts: number[] };
}

export interface ComparisonView {
  metric: MetricName;
  model: number | null;
  baseline: number | null;
  difference: number | null;
  /** Interval of the difference from paired resamples (absent when the bootstrap is off). */
  ci?: CiView;
  pValue: number | null;
  significantlyBetter: boolean;
  significantlyWorse: boolean;
}

export interface BaselineView {
  name: string;
  metrics: MetricView[];
  curves: { roc?: CurveView; pr?: CurveView };
  comparisons: ComparisonView[];
}

export interface EstimateView {
  value: number | null;
  ci?: CiView;
}

export interface GroupView {
  key: string;
  values: Record<string, string | number | boolean | null>;
  size: number;
  metrics: Partial<Record<MetricName, EstimateView>>;
  /** Binary: counts at the slice grid's thresholds, for the panel's threshold slider. */
  thresholdCounts?: { tp: number[]; fp: number[]; positives: number; negatives: number };
  warnings: MetricWarning[];
}

export interface SliceView {
  /** 'sex' or an intersection 'sex × island'. */
  name: string;
  columns: string[];
  groups: GroupView[];
  /** Binary: Fairlearn's metrics between the groups (between_groups), with stratified-bootstrap CIs. */
  fairness?: Partial<Record<FairnessMetricName, EstimateView>>;
  /** Binary: the thresholds of every group's `thresholdCounts` (a subset of the main table's). */
  thresholds?: number[];
}
