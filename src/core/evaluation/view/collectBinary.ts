import type { CurvesView, EvaluationView, OperatingPointView } from '../contract';
import type { BinaryMetricName } from '../metrics/metricCatalog';
import type { ResolvedBootstrap } from '../intervals/bootstrap';
import { _prepareBinary } from '../inputs/prepareBinary';
import { _binaryClfCurve, _sortScores } from '../metrics/sortScores';
import { _rocFromClfCurve } from '../curves/rocCurve';
import { _prFromClfCurve } from '../curves/precisionRecallCurve';
import { _calibrationCurve } from '../curves/calibrationCurve';
import { linspace } from '../intervals/quantile';
import { _compactTable, _countsAtThresholds } from '../curves/thresholdTable';
import { _pickThreshold } from '../curves/pickThreshold';
import { _rocAucSorted, _averagePrecisionSorted } from '../metrics/rankingCore';
import { _curveView } from '../curves/downsample';
import { _collectComparisons, _collectMetricViews, _collectSlices, subset } from './collectCommon';
import { jsonNumber } from '../format';
import { groupRows } from '../fairness/groups';
import type { Normalized } from '../inputs/predictions';

type Binary = Extract<Normalized, { task: 'binary' }>;

export interface CollectSettings {
  threshold: number;
  bootstrap?: ResolvedBootstrap;
  groups?: Record<string, ArrayLike<unknown>>;
  slicings: string[][];
  minGroupSize: number;
  maxCurvePoints: number;
  thresholdRows: number;
  calibrationBins: number;
  yieldNow: () => Promise<void>;
}

const THRESHOLDED: readonly BinaryMetricName[] = ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'specificity', 'mcc', 'selectionRate', 'falsePositiveRate'];

/** The binary parts of the view: metrics with CIs, confusion, threshold table, curves, slices with fairness, baseline. */
export async function _collectBinary(d: Binary, s: CollectSettings, baseline?: { data: Binary; name: string }): Promise<Partial<EvaluationView>> {
  const probabilities = d.hasScores && d.score.every((p) => p >= 0 && p <= 1);
  const metricsFor = (x: Binary) => (x.hasScores ? undefined : THRESHOLDED);
  const prepared = _prepareBinary(d.score, d.positive, { threshold: s.threshold, probabilities, metrics: metricsFor(d), eceBins: s.calibrationBins });
  const { metrics, warnings } = await _collectMetricViews(prepared, s.bootstrap);
  const sorted = _sortScores(d.score, d.positive);
  const clf = _binaryClfCurve(sorted);
  const table = _compactTable(clf, s.thresholdRows, [s.threshold]);
  const at = _countsAtThresholds(clf, [s.threshold]);
  const tp = at.tp[0];
  const fp = at.fp[0];
  const negativeLabel = d.classes.find((c) => c !== d.positiveLabel) ?? 0;
  const view: Partial<EvaluationView> = {
    classes: d.classes,
    positiveLabel: d.positiveLabel,
    threshold: s.threshold,
    metrics,
    confusion: {
      labels: [negativeLabel, d.positiveLabel],
      matrix: [
        [table.negatives - fp, fp],
        [table.positives - tp, tp],
      ],
    },
    thresholdTable: table,
    curves: {},
    warnings: [...d.warnings, ...warnings],
  };
  if (d.hasScores) {
    const curves: CurvesView = _rankingCurves(sorted, s.maxCurvePoints);
    view.curves = curves;
    view.operatingPoints = (['maxF1', 'youden'] as const).map((c): OperatingPointView => {
      const p = _pickThreshold(clf, c);
      return { criterion: p.criterion, threshold: jsonNumber(p.threshold), precision: p.precision, recall: p.recall, f1: p.f1, falsePositiveRate: p.falsePositiveRate };
    });
    if (probabilities) {
      const cal = _calibrationCurve(d.positive, d.score, linspace(0, 1, s.calibrationBins + 1));
      curves.calibration = { probPred: cal.probPred, probTrue: cal.probTrue, counts: cal.counts, binEdges: cal.binEdges, strategy: 'uniform', kind: 'positive' };
    }
  }
  if (baseline) {
    const b = baseline.data;
    const bProb = b.hasScores && b.score.every((p) => p >= 0 && p <= 1);
    const common = { threshold: s.threshold, eceBins: s.calibrationBins, withOrder: true };
    const model = _prepareBinary(d.score, d.positive, { ...common, probabilities, metrics: metricsFor(d) });
    const base = _prepareBinary(b.score, b.positive, { ...common, probabilities: bProb, metrics: metricsFor(b) });
    const bm = await _collectMetricViews(base, undefined);
    const cmp = await _collectComparisons(model, base, s.bootstrap);
    view.baseline = { name: baseline.name, metrics: bm.metrics, curves: b.hasScores ? _rankingCurves(_sortScores(b.score, b.positive), s.maxCurvePoints) : {}, comparisons: cmp.comparisons };
    (view.warnings as unknown[]).push(...cmp.warnings);
  }
  if (s.groups && s.slicings.length) {
    const grid = sliceGrid(table.thresholds, s.threshold);
    const r = await _collectSlices(
      s.groups,
      s.slicings,
      d.score.length,
      (rows) => _prepareBinary(subset(d.score, rows), subset(d.positive, rows), { threshold: s.threshold, probabilities, metrics: metricsFor(d), eceBins: s.calibrationBins }),
      { minGroupSize: s.minGroupSize, bootstrap: s.bootstrap, positive: d.positive, yieldNow: s.yieldNow },
      (grouping, result, sliceView) => {
        sliceView.thresholds = grid;
        const rowsOf = groupRows(grouping);
        result.groups.forEach((_, g) => {
          const gc = _binaryClfCurve(_sortScores(subset(d.score, rowsOf[g]), subset(d.positive, rowsOf[g])));
          const counts = _countsAtThresholds(gc, grid);
          const m = gc.tps.length;
          sliceView.groups[g].thresholdCounts = { ...counts, positives: m ? gc.tps[m - 1] : 0, negatives: m ? gc.fps[m - 1] : 0 };
        });
      },
    );
    view.slices = r.slices;
    (view.warnings as unknown[]).push(...r.warnings);
  }
  return view;
}

/** ROC (needs both classes) and PR (needs positives) curves; a curve that is undefined is left out (its warning says why). The model diff draws base's and head's with it. */
export function _rankingCurves(sorted: ReturnType<typeof _sortScores>, maxPoints: number): CurvesView {
  const clf = _binaryClfCurve(sorted);
  const m = clf.tps.length;
  const positives = m ? clf.tps[m - 1] : 0;
  const negatives = m ? clf.fps[m - 1] : 0;
  const out: CurvesView = {};
  if (positives > 0 && negatives > 0) {
    const roc = _rocFromClfCurve(clf, true);
    out.roc = _curveView(roc.fpr, roc.tpr, roc.thresholds, _rocAucSorted(sorted), maxPoints);
  }
  if (positives > 0) {
    const pr = _prFromClfCurve(clf);
    out.pr = _curveView(pr.recall, pr.precision, [...Array.from(pr.thresholds), null], _averagePrecisionSorted(sorted), maxPoints);
  }
  return out;
}

/** At most ~100 of the table's thresholds, evenly spaced in rank, plus the operating threshold. */
function sliceGrid(thresholds: number[], operating: number): number[] {
  const step = Math.max(1, Math.ceil(thresholds.length / 100));
  const grid = thresholds.filter((_, i) => i % step === 0 || i === thresholds.length - 1);
  if (!grid.includes(operating)) grid.push(operating);
  return grid.sort((a, b) => b - a);
}
