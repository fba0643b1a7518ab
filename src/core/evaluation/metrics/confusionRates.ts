/**
 * Every threshold-dependent binary metric from one confusion (tp, fp, fn, tn), with
 * scikit-learn's zero-division rule (0/0 → 0). Pure and tiny so a webview slider can call it.
 */

export interface BinaryConfusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface ThresholdMetrics extends BinaryConfusion {
  accuracy: number;
  balancedAccuracy: number;
  precision: number;
  recall: number;
  f1: number;
  specificity: number;
  falsePositiveRate: number;
  /** Share of rows predicted positive. */
  selectionRate: number;
  mcc: number;
}

/**
 * Metrics of a binary confusion. A 0/0 rate (e.g. precision with nothing predicted positive) is
 * `zeroDivision`: 0 by default, as scikit-learn; evaluations pass NaN ("undefined") instead.
 *
 * @example
 * confusionMetrics({ tp: 8, fp: 2, fn: 2, tn: 88 }).f1; // 0.8
 */
export function confusionMetrics(c: BinaryConfusion, zeroDivision = 0): ThresholdMetrics {
  const { tp, fp, fn, tn } = c;
  const div = (a: number, b: number): number => (b === 0 ? zeroDivision : a / b);
  const n = tp + fp + fn + tn;
  const precision = div(tp, tp + fp);
  const recall = div(tp, tp + fn);
  const specificity = div(tn, tn + fp);
  // Equal to scikit-learn's 2PR / (P + R) whenever that is defined, and 0 where it zero-divides.
  const f1 = div(2 * tp, 2 * tp + fp + fn);
  // Balanced accuracy averages recall over the classes present in yTrue, as scikit-learn.
  const present = (tp + fn > 0 ? 1 : 0) + (tn + fp > 0 ? 1 : 0);
  const balancedAccuracy = present === 0 ? NaN : ((tp + fn > 0 ? recall : 0) + (tn + fp > 0 ? specificity : 0)) / present;
  return {
    tp,
    fp,
    fn,
    tn,
    accuracy: n === 0 ? NaN : (tp + tn) / n,
    balancedAccuracy,
    precision,
    recall,
    f1,
    specificity,
    falsePositiveRate: div(fp, fp + tn),
    selectionRate: n === 0 ? NaN : (tp + fp) / n,
    mcc: mcc(tp, fp, fn, tn),
  };
}

/** Matthews correlation of a 2×2 confusion, as scikit-learn's multiclass formula computes it. */
function mcc(tp: number, fp: number, fn: number, tn: number): number {
  const n = tp + fp + fn + tn;
  const t1 = tp + fn;
  const t0 = tn + fp;
  const p1 = tp + fp;
  const p0 = tn + fn;
  const cov = (tp + tn) * n - (t0 * p0 + t1 * p1);
  const pp = n * n - (p0 * p0 + p1 * p1);
  const tt = n * n - (t0 * t0 + t1 * t1);
  return pp * tt === 0 ? 0 : cov / Math.sqrt(tt * pp);
}
