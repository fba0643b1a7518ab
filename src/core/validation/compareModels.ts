import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import { studentTQuantile, studentTSf } from '../linalg/studentT';
import type { CVResult } from './cvResult';
import { validationMessage } from './messages';
import { escapeHtml } from '../text/html';

export interface CompareModelsOptions {
  /** The metric to compare (default: the first metric both results have). */
  metric?: string;
  /** 1 − confidence level of the interval. Default 0.05 (a 95 % interval). */
  alpha?: number;
}

/** The paired comparison of two cross-validated models on the same folds. */
export interface ModelComparison extends Displayable {
  metric: string;
  /** Mean of (score A − score B) over the folds. */
  meanDifference: number;
  /** The corrected t statistic. */
  t: number;
  /** Degrees of freedom (folds − 1). */
  df: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Confidence interval of the mean difference at level 1 − alpha. */
  ci: [number, number];
  /** 'a' or 'b' when the difference is significant at alpha (on the metric's better side), else 'neither'. */
  better: 'a' | 'b' | 'neither';
  folds: number;
  /** The n_test / n_train ratio used in the correction. */
  testTrainRatio: number;
  message: string;
}

/**
 * Compares two models' cross-validation scores fold by fold with the Nadeau–Bengio corrected
 * resampled t-test, which accounts for the overlap of training sets between folds (the naive
 * paired t-test is far too confident). With dⱼ = scoreAⱼ − scoreBⱼ over J folds, mean d̄ and
 * sample variance s² (ddof 1):
 *
 *     t = d̄ / √((1/J + n_test/n_train) · s²),   df = J − 1,
 *     p = 2 · P(T_df > |t|),   CI = d̄ ± t_{1−α/2, df} · √((1/J + n_test/n_train) · s²)
 *
 * (Nadeau & Bengio 2003, "Inference for the generalization error"). Both results must come
 * from the same folds: use the same cv (same splitter and seed) for both crossValidate calls;
 * repeated k-fold (RepeatedStratifiedKFold, e.g. 10×10) gives the test more power.
 *
 * @example
 * const cv = new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 10, seed: 1 });
 * const a = await crossValidate(modelA, data, { label: 'y', cv, scoring: 'rocAuc' });
 * const b = await crossValidate(modelB, data, { label: 'y', cv, scoring: 'rocAuc' });
 * compareModels(a, b) // { meanDifference: 0.012, t: 2.3, pValue: 0.026, ci: [0.0015, 0.0225], better: 'a', … }
 */
export function compareModels(a: CVResult, b: CVResult, options: CompareModelsOptions = {}): ModelComparison {
  if (!a?.folds || !b?.folds) throw new TypeError(validationMessage.compareNeedsResults);
  const metric = options.metric ?? a.metrics.find((m) => b.metrics.includes(m));
  if (!metric || !a.metrics.includes(metric) || !b.metrics.includes(metric)) throw new RangeError(validationMessage.compareNoMetric(metric, a.metrics, b.metrics));
  if (a.folds.length !== b.folds.length || a.foldSignature !== b.foldSignature) throw new RangeError(validationMessage.compareDifferentFolds);
  if (a.folds.length < 2) throw new RangeError(validationMessage.compareTooFewFolds);
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(validationMessage.badAlpha('compareModels', alpha));
  const d = a.scores(metric).map((v, j) => v - b.scores(metric)[j]);
  const ratio = mean(a.folds.map((f) => f.testRows)) / mean(a.folds.map((f) => f.trainRows));
  return _compare(d, ratio, alpha, metric, a.greaterIsBetter[metric] ?? true);
}

function _compare(d: number[], ratio: number, alpha: number, metric: string, greaterIsBetter: boolean): ModelComparison {
  const J = d.length;
  const m = mean(d);
  const s2 = d.reduce((s, v) => s + (v - m) ** 2, 0) / (J - 1);
  const se = Math.sqrt((1 / J + ratio) * s2);
  const df = J - 1;
  let t: number;
  let pValue: number;
  if (se === 0) {
    // Identical differences in every fold: no spread to test against.
    t = m === 0 ? 0 : Math.sign(m) * Infinity;
    pValue = m === 0 ? 1 : 0;
  } else {
    t = m / se;
    // The survival function directly: 2·(1 − CDF) would cancel to 0 in the tail.
    pValue = Math.min(1, 2 * studentTSf(Math.abs(t), df));
  }
  const half = studentTQuantile(1 - alpha / 2, df) * se;
  const ci: [number, number] = [m - half, m + half];
  const significant = pValue < alpha;
  const aBetter = greaterIsBetter ? m > 0 : m < 0;
  const better = !significant || m === 0 ? 'neither' : aBetter ? 'a' : 'b';
  const message = validationMessage.comparison(metric, m, ci, alpha, t, df, pValue, better);
  return {
    metric,
    meanDifference: m,
    t,
    df,
    pValue,
    ci,
    better,
    folds: J,
    testTrainRatio: ratio,
    message,
    [MIME_BUNDLE]: () => ({ 'text/plain': message, 'text/html': `<div>${escapeHtml(message)}</div>` }),
  };
}

function mean(v: number[]): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}
