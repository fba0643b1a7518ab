import type { ClassLabel } from '../metrics/types';
import type { AverageCurveView, CurveView } from '../contract';
import type { DenseScores } from '../inputs/scoreMatrix';
import { column } from '../inputs/scoreMatrix';
import { _binaryClfCurve, _sortScores, type SortedScores } from '../metrics/sortScores';
import { _rocFromClfCurve, type RocCurve } from './rocCurve';
import { _prFromClfCurve } from './precisionRecallCurve';
import { _averagePrecisionSorted, _rocAucSorted } from '../metrics/rankingCore';
import { _curveView } from './downsample';

export interface MulticlassCurves {
  rocPerClass: { label: ClassLabel; curve: CurveView }[];
  prPerClass: { label: ClassLabel; curve: CurveView }[];
  rocAverages: AverageCurveView[];
  prAverages: AverageCurveView[];
}

/**
 * One-vs-rest ROC and precision–recall curves of the first `maxClasses` classes, as scikit-learn's
 * `roc_curve` / `precision_recall_curve` on `y == c` against `proba[:, c]`, plus the averages of
 * scikit-learn's multiclass ROC example: micro (every class's rows pooled into one binary
 * problem; AUC = `roc_auc_score(average='micro')`, AP = `average_precision_score(average='micro')`)
 * and macro for ROC (the mean TPR of all classes on the union of their FPRs, with area the mean of
 * the per-class AUCs, as `roc_auc_score(multi_class='ovr')`).
 */
export function _multiclassCurves(trueCodes: Int32Array, proba: DenseScores, classes: readonly ClassLabel[], maxPoints: number, maxClasses = classes.length): MulticlassCurves {
  const k = proba.cols;
  const n = trueCodes.length;
  const rocPerClass: MulticlassCurves['rocPerClass'] = [];
  const prPerClass: MulticlassCurves['prPerClass'] = [];
  const rocs: RocCurve[] = [];
  const aucs: number[] = [];
  for (let c = 0; c < k; c++) {
    const positive = new Uint8Array(n);
    for (let i = 0; i < n; i++) positive[i] = trueCodes[i] === c ? 1 : 0;
    const sorted = _sortScores(column(proba, c), positive);
    const roc = _rocFromClfCurve(_binaryClfCurve(sorted), true);
    const auc = _rocAucSorted(sorted);
    rocs.push(roc);
    aucs.push(auc);
    if (c >= maxClasses) continue;
    rocPerClass.push({ label: classes[c], curve: _curveView(roc.fpr, roc.tpr, roc.thresholds, auc, maxPoints) });
    prPerClass.push({ label: classes[c], curve: prView(sorted, maxPoints) });
  }
  const pooled = new Uint8Array(n * k);
  for (let i = 0; i < n; i++) if (trueCodes[i] >= 0 && trueCodes[i] < k) pooled[i * k + trueCodes[i]] = 1;
  const micro = _sortScores(Float64Array.from(proba.data), pooled);
  const microRoc = _rocFromClfCurve(_binaryClfCurve(micro), true);
  const defined = aucs.filter((a) => Number.isFinite(a));
  const macro = macroRoc(rocs.filter((_, c) => Number.isFinite(aucs[c])));
  return {
    rocPerClass,
    prPerClass,
    rocAverages: [
      { average: 'micro', curve: _curveView(microRoc.fpr, microRoc.tpr, microRoc.thresholds, _rocAucSorted(micro), maxPoints) },
      {
        average: 'macro',
        curve: _curveView(
          macro.fpr,
          macro.tpr,
          macro.fpr.map(() => null),
          defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN,
          maxPoints,
        ),
      },
    ],
    prAverages: [{ average: 'micro', curve: prView(micro, maxPoints) }],
  };
}

function prView(sorted: SortedScores, maxPoints: number): CurveView {
  const pr = _prFromClfCurve(_binaryClfCurve(sorted));
  return _curveView(pr.recall, pr.precision, [...Array.from(pr.thresholds), null], _averagePrecisionSorted(sorted), maxPoints);
}

/** Mean TPR on the sorted union of FPRs, each class's ROC linearly interpolated (numpy's `interp`: the last point at a repeated FPR). */
function macroRoc(rocs: RocCurve[]): { fpr: number[]; tpr: number[] } {
  const fpr = [...new Set(rocs.flatMap((r) => Array.from(r.fpr)))].sort((a, b) => a - b);
  const tpr = fpr.map((x) => rocs.reduce((s, r) => s + interp(x, r.fpr, r.tpr), 0) / Math.max(rocs.length, 1));
  return { fpr, tpr };
}

function interp(x: number, xs: Float64Array, ys: Float64Array): number {
  if (x < xs[0]) return ys[0];
  const last = xs.length - 1;
  if (x >= xs[last]) return ys[last];
  let lo = 0;
  let hi = last;
  // numpy.interp: the right-most xs[j] <= x, so a vertical step reads its upper end.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  if (xs[lo] === x) return ys[lo];
  return ys[lo] + ((ys[hi] - ys[lo]) * (x - xs[lo])) / (xs[hi] - xs[lo]);
}
