import type { CurvesView, EvaluationView } from '../contract';
import type { MetricWarning } from '../metrics/types';
import { message, warning } from '../messages';
import type { MulticlassMetricName } from '../metrics/metricCatalog';
import { _prepareMulticlass } from '../inputs/prepareMulticlass';
import { _confusionCounts } from '../metrics/confusionMatrix';
import { _classCounts } from '../metrics/precisionRecallF';
import { _topLabel } from '../metrics/calibrationError';
import { _calibrationCurve } from '../curves/calibrationCurve';
import { linspace } from '../intervals/quantile';
import { _multiclassCurves } from '../curves/multiclassCurves';
import { _collectComparisons, _collectMetricViews, _collectSlices, subset } from './collectCommon';
import { jsonNumber } from '../format';
import type { Normalized } from '../inputs/predictions';
import type { CollectSettings } from './collectBinary';

type Multi = Extract<Normalized, { task: 'multiclass' }>;

const MAX_CURVE_CLASSES = 20;

const LABEL_METRICS: readonly MulticlassMetricName[] = ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'precisionWeighted', 'recallWeighted', 'f1Weighted', 'f1Micro', 'mcc'];

/** The multiclass parts of the view: metrics with CIs, confusion matrix, per-class report, one-vs-rest ROC, top-label calibration, slices, baseline. */
export async function _collectMulticlass(d: Multi, s: CollectSettings, baseline?: { data: Multi; name: string }): Promise<Partial<EvaluationView>> {
  const k = d.classes.length;
  const prepare = (x: Multi, rows?: Uint32Array) => {
    const codes = rows ? subset(x.trueCodes, rows) : x.trueCodes;
    const proba = x.proba ? (rows ? subsetRows(x.proba, rows) : x.proba) : { rows: 0, cols: k, data: new Float64Array(0) };
    const pred = x.predCodes ? (rows ? subset(x.predCodes, rows) : x.predCodes) : undefined;
    return _prepareMulticlass(codes, proba, { eceBins: s.calibrationBins, ...(pred ? { predCodes: pred } : {}), ...(x.proba ? {} : { metrics: LABEL_METRICS }) });
  };
  const prepared = prepare(d);
  const { metrics, warnings } = await _collectMetricViews(prepared, s.bootstrap);
  const pred = d.predCodes ?? (d.proba ? _topLabel(d.trueCodes, d.proba.data, k).pred : d.trueCodes);
  const counts = _confusionCounts(d.trueCodes, pred, k);
  const per = _classCounts(d.trueCodes, pred, k);
  const view: Partial<EvaluationView> = {
    classes: d.classes,
    metrics,
    confusion: { labels: d.classes, matrix: d.classes.map((_, i) => Array.from(counts.subarray(i * k, i * k + k))) },
    perClass: d.classes.map((label, c) => {
      const precision = per.pred[c] ? per.tp[c] / per.pred[c] : NaN;
      const recall = per.true[c] ? per.tp[c] / per.true[c] : NaN;
      const f1 = per.pred[c] + per.true[c] ? (2 * per.tp[c]) / (per.pred[c] + per.true[c]) : NaN;
      return { label, precision: jsonNumber(precision), recall: jsonNumber(recall), f1: jsonNumber(f1), support: per.true[c] };
    }),
    curves: {},
    warnings: [...d.warnings, ...warnings],
  };
  if (d.proba) {
    const proba = d.proba;
    // One-vs-rest curves for many classes would swamp the view; the AUCs are still in the metrics.
    if (d.classes.length > MAX_CURVE_CLASSES) (view.warnings as MetricWarning[]).push(warning('downsampled', message.curvesForFirstClasses(d.classes.length, MAX_CURVE_CLASSES)));
    const curves: CurvesView = _multiclassCurves(d.trueCodes, proba, d.classes, Math.max(50, Math.floor(s.maxCurvePoints / 2)), MAX_CURVE_CLASSES);
    const top = _topLabel(d.trueCodes, proba.data, k);
    if (top.conf.every((p) => p >= 0 && p <= 1)) {
      const cal = _calibrationCurve(top.correct, top.conf, linspace(0, 1, s.calibrationBins + 1));
      curves.calibration = { probPred: cal.probPred, probTrue: cal.probTrue, counts: cal.counts, binEdges: cal.binEdges, strategy: 'uniform', kind: 'top-label' };
    }
    view.curves = curves;
  }
  if (baseline) {
    const bm = await _collectMetricViews(prepare(baseline.data), undefined);
    const cmp = await _collectComparisons(prepared, prepare(baseline.data), s.bootstrap);
    view.baseline = { name: baseline.name, metrics: bm.metrics, curves: {}, comparisons: cmp.comparisons };
    (view.warnings as unknown[]).push(...cmp.warnings);
  }
  if (s.groups && s.slicings.length) {
    const r = await _collectSlices(s.groups, s.slicings, d.trueCodes.length, (rows) => prepare(d, rows), { minGroupSize: s.minGroupSize, bootstrap: s.bootstrap, yieldNow: s.yieldNow });
    view.slices = r.slices;
    (view.warnings as unknown[]).push(...r.warnings);
  }
  return view;
}

function subsetRows(m: { rows: number; cols: number; data: Float64Array }, rows: Uint32Array): { rows: number; cols: number; data: Float64Array } {
  const data = new Float64Array(rows.length * m.cols);
  for (let k = 0; k < rows.length; k++) data.set(m.data.subarray(rows[k] * m.cols, rows[k] * m.cols + m.cols), k * m.cols);
  return { rows: rows.length, cols: m.cols, data };
}
