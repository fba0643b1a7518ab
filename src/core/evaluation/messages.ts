/**
 * Every user-facing warning text of the evaluation library, in one place (vega-lite's
 * log/message.ts), so wording stays consistent between metrics, slices and reports.
 */
import type { MetricWarning, WarningCode } from './metrics/types';

export function warning(code: WarningCode, message: string, extra: Omit<MetricWarning, 'code' | 'message'> = {}): MetricWarning {
  return { code, message, ...extra };
}

export const message = {
  zeroDivision: (what: string, modifier: 'predicted' | 'true', perLabel: boolean) =>
    `${what} ill-defined and being set to 0.0 ${perLabel ? 'in labels with' : 'due to'} no ${modifier} samples. Use the \`zeroDivision\` option to control this behaviour.`,
  fScoreBothUndefined: (perLabel: boolean) =>
    `F-score is ill-defined and being set to 0.0 ${perLabel ? 'in labels with' : 'due to'} no true nor predicted samples. Use the \`zeroDivision\` option to control this behaviour.`,
  singleClassAuc: (label: string) => `Only one class (${label}) present in yTrue: ROC AUC is not defined in that case.`,
  noNegatives: 'No negative samples in yTrue: the false positive rate is meaningless (NaN).',
  noPositives: 'No positive samples in yTrue: the true positive rate is meaningless (NaN).',
  noPositivesRecall: 'No positive class found in yTrue: recall is set to one for all thresholds.',
  predNotInTrue: 'yPred contains classes not in yTrue: they are left out of the balanced accuracy.',
  r2TooFew: 'R² is not well-defined with fewer than two samples.',
  emptyInput: (what: string) => `${what} is not defined on zero samples.`,
  zeroWeights: (what: string) => `${what} is not defined when every sample weight is 0.`,
  smallGroup: (group: string, n: number, min: number) => `Group ${group} has ${n} rows (fewer than ${min}): its metrics are too noisy to trust.`,
  singleClassGroup: (group: string, label: string) => `Group ${group} has only one true class (${label}): rates that need both classes are undefined there.`,
  bootstrapNaN: (metric: string, dropped: number, total: number) =>
    `${metric}: ${dropped} of ${total} bootstrap resamples gave no value (e.g. a single-class resample) and were left out of the interval.`,
  bootstrapBias: (metric: string) =>
    `${metric}: the estimate lies outside its percentile interval, so the statistic is biased under resampling (the ECE typically is); bootstrap.method 'bca' corrects for that.`,
  positiveLabelGuess: (label: string) => `positiveLabel not given: using ${label} (the greater of the two labels, as scikit-learn's roc_auc_score does).`,
  notProbabilities: 'Scores outside [0, 1]: probability metrics (log loss, Brier score, calibration) were skipped.',
  undefinedRatio: (what: string) => `${what} is undefined (0 / 0): every group has a zero rate.`,
};

/** A label as people read it in a message: strings quoted. */
export function formatLabel(label: unknown): string {
  return typeof label === 'string' ? JSON.stringify(label) : String(label);
}
