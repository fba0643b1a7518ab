/**
 * Ranking metrics as one walk over score-sorted rows. `counts` (per sorted row, e.g. bootstrap
 * multiplicities) replace the rows' weights; rows of weight 0 are as if absent, so a resample
 * gives exactly what scikit-learn gives on the materialized resample.
 */
import type { SortedScores } from './sortScores';

/** Weighted positives and negatives in the sorted rows. */
export function _classTotals(sorted: SortedScores, counts?: ArrayLike<number>): { positives: number; negatives: number } {
  const { positive, weight } = sorted;
  if (!counts && !weight && sorted.positives !== undefined) return { positives: sorted.positives, negatives: positive.length - sorted.positives };
  let p = 0;
  let n = 0;
  for (let k = 0; k < positive.length; k++) {
    const w = counts ? counts[k] : weight ? weight[k] : 1;
    if (positive[k]) p += w;
    else n += w;
  }
  return { positives: p, negatives: n };
}

/**
 * Area under the ROC curve with ties counted half (= the trapezoidal area of `roc_curve`, the
 * Mann–Whitney U / (P·N)). With integer counts the sum is exact. NaN when a class is absent.
 */
export function _rocAucSorted(sorted: SortedScores, counts?: ArrayLike<number>): number {
  const { score, positive, weight } = sorted;
  const n = score.length;
  let cumP = 0;
  let cumN = 0;
  let area = 0;
  let bp = 0;
  let bn = 0;
  for (let k = 0; k < n; k++) {
    const w = counts ? counts[k] : weight ? weight[k] : 1;
    if (positive[k]) bp += w;
    else bn += w;
    if (k === n - 1 || score[k] !== score[k + 1]) {
      area += bn * (2 * cumP + bp);
      cumP += bp;
      cumN += bn;
      bp = 0;
      bn = 0;
    }
  }
  if (cumP <= 0 || cumN <= 0) return NaN;
  return area / (2 * cumP * cumN);
}

/**
 * Average precision Σ (R_k − R_{k−1})·P_k over thresholds (scikit-learn's
 * `average_precision_score`, no interpolation). 0 when there are no positives, as scikit-learn.
 */
export function _averagePrecisionSorted(sorted: SortedScores, counts?: ArrayLike<number>): number {
  const { score, positive, weight } = sorted;
  const n = score.length;
  const total = _classTotals(sorted, counts).positives;
  if (total <= 0) return 0;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let bp = 0;
  let bn = 0;
  for (let k = 0; k < n; k++) {
    const w = counts ? counts[k] : weight ? weight[k] : 1;
    if (positive[k]) bp += w;
    else bn += w;
    if (k === n - 1 || score[k] !== score[k + 1]) {
      tp += bp;
      fp += bn;
      if (bp > 0) ap += (bp / total) * (tp / (tp + fp));
      bp = 0;
      bn = 0;
    }
  }
  return ap;
}

/**
 * Trapezoidal area under the precision–recall curve, `auc(recall, precision)` over
 * `precision_recall_curve`'s points including its final (recall 0, precision 1). NaN without positives.
 */
export function _prAucSorted(sorted: SortedScores, counts?: ArrayLike<number>): number {
  const { score, positive, weight } = sorted;
  const n = score.length;
  const total = _classTotals(sorted, counts).positives;
  if (total <= 0) return NaN;
  let tp = 0;
  let fp = 0;
  let area = 0;
  let lastR = 0;
  let lastP = 1;
  let bp = 0;
  let bn = 0;
  for (let k = 0; k < n; k++) {
    const w = counts ? counts[k] : weight ? weight[k] : 1;
    if (positive[k]) bp += w;
    else bn += w;
    if (k === n - 1 || score[k] !== score[k + 1]) {
      if (bp + bn > 0) {
        tp += bp;
        fp += bn;
        const r = tp / total;
        const p = tp / (tp + fp);
        area += ((r - lastR) * (p + lastP)) / 2;
        lastR = r;
        lastP = p;
      }
      bp = 0;
      bn = 0;
    }
  }
  return area;
}
