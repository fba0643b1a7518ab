import type { EvaluationView } from '../contract';
import type { MetricName } from '../metrics/metricCatalog';
import { buildCalibrationSpec, buildPrSpec, buildRocSpec } from '../charts/curveSpecs';
import { buildClassPrSpec, buildClassRocSpec } from '../charts/classCurveSpecs';
import { buildConfusionSpec } from '../charts/confusionSpec';
import { buildThresholdSpec } from '../charts/thresholdSpec';
import { buildResidualHistogramSpec, buildResidualSpec } from '../charts/residualSpecs';
import { buildSliceSpec } from '../charts/sliceSpec';
import type { VegaLiteSpec } from '../charts/common';

/** Every chart an evaluation can draw, each a Vega-Lite v5 spec built from the view alone. */
export interface EvaluationCharts {
  roc?: VegaLiteSpec;
  pr?: VegaLiteSpec;
  calibration?: VegaLiteSpec;
  confusion?: VegaLiteSpec;
  thresholds?: VegaLiteSpec;
  residuals?: VegaLiteSpec;
  residualHistogram?: VegaLiteSpec;
  /** One per slicing, of the task's key metric (recall for binary, macro F1 for multiclass, RMSE for regression). */
  slices: VegaLiteSpec[];
}

/** The metric a slice chart shows by default. */
export function keySliceMetric(view: EvaluationView): MetricName {
  return view.task === 'binary' ? 'recall' : view.task === 'multiclass' ? 'f1' : 'rmse';
}

/**
 * The charts of an evaluation view (what the panel and the cell draw).
 *
 * @example
 * const charts = buildEvaluationCharts(ev.view);
 * display(charts.roc);
 */
export function buildEvaluationCharts(view: EvaluationView): EvaluationCharts {
  const out: EvaluationCharts = { slices: [] };
  const c = view.curves;
  const bc = view.baseline?.curves;
  if (c.roc) out.roc = buildRocSpec(c.roc, { baseline: bc?.roc, name: view.name, baselineName: view.baseline?.name });
  else if (c.rocPerClass) out.roc = buildClassRocSpec({ perClass: c.rocPerClass, averages: c.rocAverages });
  if (c.pr) {
    const tt = view.thresholdTable;
    out.pr = buildPrSpec(c.pr, { baseline: bc?.pr, name: view.name, baselineName: view.baseline?.name, ...(tt ? { prevalence: tt.positives / Math.max(tt.positives + tt.negatives, 1e-300) } : {}) });
  } else if (c.prPerClass) out.pr = buildClassPrSpec({ perClass: c.prPerClass, averages: c.prAverages });
  if (c.calibration) out.calibration = buildCalibrationSpec(c.calibration);
  if (view.confusion) out.confusion = buildConfusionSpec(view.confusion);
  if (view.thresholdTable) out.thresholds = buildThresholdSpec(view.thresholdTable, { threshold: view.threshold });
  if (view.residuals) {
    out.residuals = buildResidualSpec(view.residuals);
    out.residualHistogram = buildResidualHistogramSpec(view.residuals);
  }
  const metric = keySliceMetric(view);
  const overall = view.metrics.find((m) => m.name === metric)?.value ?? null;
  for (const s of view.slices) if (s.groups.some((g) => g.metrics[metric])) out.slices.push(buildSliceSpec(s, metric, { overall }));
  return out;
}
