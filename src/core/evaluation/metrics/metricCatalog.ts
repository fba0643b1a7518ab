/**
 * The named scalar metrics of an evaluation: what gates, slices, bootstraps and reports refer to
 * ('auc', 'recall', 'rmse' …), with their display names and direction.
 */

export type Task = 'binary' | 'multiclass' | 'regression';

export const BINARY_METRICS = [
  'auc',
  'averagePrecision',
  'prAuc',
  'logLoss',
  'brier',
  'ece',
  'accuracy',
  'balancedAccuracy',
  'precision',
  'recall',
  'f1',
  'specificity',
  'mcc',
  'selectionRate',
  'falsePositiveRate',
] as const;
export const MULTICLASS_METRICS = [
  'accuracy',
  'balancedAccuracy',
  'precision',
  'recall',
  'f1',
  'precisionWeighted',
  'recallWeighted',
  'f1Weighted',
  'f1Micro',
  'mcc',
  'auc',
  'aucWeighted',
  'logLoss',
  'brier',
  'ece',
] as const;
export const REGRESSION_METRICS = ['rmse', 'mae', 'mse', 'r2', 'mape', 'medianAbsoluteError', 'explainedVariance'] as const;

export type BinaryMetricName = (typeof BINARY_METRICS)[number];
export type MulticlassMetricName = (typeof MULTICLASS_METRICS)[number];
export type RegressionMetricName = (typeof REGRESSION_METRICS)[number];
export type MetricName = BinaryMetricName | MulticlassMetricName | RegressionMetricName;

export interface MetricInfo {
  /** As people read it, e.g. 'ROC AUC'. */
  label: string;
  higherIsBetter: boolean;
  /** Needs probabilities in [0, 1] (skipped for raw scores). */
  needsProbabilities?: boolean;
  /** Depends on the decision threshold (binary). */
  thresholded?: boolean;
  description: string;
}

export const METRIC_INFO: Record<MetricName, MetricInfo> = {
  auc: { label: 'ROC AUC', higherIsBetter: true, description: 'Area under the ROC curve (multiclass: one-vs-rest, macro).' },
  aucWeighted: { label: 'ROC AUC (weighted)', higherIsBetter: true, description: 'One-vs-rest AUC weighted by class support.' },
  averagePrecision: { label: 'Average precision', higherIsBetter: true, description: 'Area under the precision–recall curve, step-wise (scikit-learn).' },
  prAuc: { label: 'PR AUC (trapezoid)', higherIsBetter: true, description: 'Trapezoidal area under the precision–recall curve.' },
  logLoss: { label: 'Log loss', higherIsBetter: false, needsProbabilities: true, description: 'Cross-entropy of the predicted probabilities.' },
  brier: { label: 'Brier score', higherIsBetter: false, needsProbabilities: true, description: 'Mean squared error of the predicted probabilities.' },
  ece: { label: 'ECE', higherIsBetter: false, needsProbabilities: true, description: 'Expected calibration error over 10 equal-width bins.' },
  accuracy: { label: 'Accuracy', higherIsBetter: true, thresholded: true, description: 'Share of rows predicted right.' },
  balancedAccuracy: { label: 'Balanced accuracy', higherIsBetter: true, thresholded: true, description: 'Mean recall over classes.' },
  precision: { label: 'Precision', higherIsBetter: true, thresholded: true, description: 'Share of predicted positives that are positive (multiclass: macro).' },
  recall: { label: 'Recall', higherIsBetter: true, thresholded: true, description: 'Share of positives found, the true positive rate (multiclass: macro).' },
  f1: { label: 'F1', higherIsBetter: true, thresholded: true, description: 'Harmonic mean of precision and recall (multiclass: macro).' },
  precisionWeighted: { label: 'Precision (weighted)', higherIsBetter: true, description: 'Per-class precision weighted by support.' },
  recallWeighted: { label: 'Recall (weighted)', higherIsBetter: true, description: 'Per-class recall weighted by support.' },
  f1Weighted: { label: 'F1 (weighted)', higherIsBetter: true, description: 'Per-class F1 weighted by support.' },
  f1Micro: { label: 'F1 (micro)', higherIsBetter: true, description: 'F1 over pooled counts (equals accuracy for single-label data).' },
  specificity: { label: 'Specificity', higherIsBetter: true, thresholded: true, description: 'Share of negatives predicted negative, the true negative rate.' },
  mcc: { label: 'MCC', higherIsBetter: true, thresholded: true, description: 'Matthews correlation coefficient.' },
  selectionRate: { label: 'Selection rate', higherIsBetter: true, thresholded: true, description: 'Share of rows predicted positive.' },
  falsePositiveRate: { label: 'False positive rate', higherIsBetter: false, thresholded: true, description: 'Share of negatives predicted positive.' },
  rmse: { label: 'RMSE', higherIsBetter: false, description: 'Root mean squared error.' },
  mae: { label: 'MAE', higherIsBetter: false, description: 'Mean absolute error.' },
  mse: { label: 'MSE', higherIsBetter: false, description: 'Mean squared error.' },
  r2: { label: 'R²', higherIsBetter: true, description: 'Coefficient of determination.' },
  mape: { label: 'MAPE', higherIsBetter: false, description: 'Mean absolute percentage error, as a fraction.' },
  medianAbsoluteError: { label: 'Median AE', higherIsBetter: false, description: 'Median absolute error.' },
  explainedVariance: { label: 'Explained variance', higherIsBetter: true, description: 'Share of the target variance the predictions explain.' },
};

/**
 * The metric names of a task, in report order.
 *
 * @example
 * metricsOf('regression') // ['mae', 'mse', 'rmse', 'r2', …]
 */
export function metricsOf(task: Task): readonly MetricName[] {
  return task === 'binary' ? BINARY_METRICS : task === 'multiclass' ? MULTICLASS_METRICS : REGRESSION_METRICS;
}

export function isMetricName(name: unknown): name is MetricName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METRIC_INFO, name);
}
