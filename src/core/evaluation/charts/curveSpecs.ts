import type { CalibrationView, CurveView } from '../contract';
import { frame, MODEL_COLORS, round, unitAxis, type ChartOptions, type VegaLiteSpec } from './common';
import { formatNumber } from '../../text/number';
import { evaluationMessage } from '../messages';

interface NamedCurve {
  name: string;
  curve: CurveView;
}

function curveLabel({ name, curve }: NamedCurve, area: string): string {
  return `${name} (${area} ${formatNumber(curve.area)})`;
}

function curveRows(curves: NamedCurve[], area: string, xName: string, yName: string): Record<string, unknown>[] {
  return curves.flatMap((c) => c.curve.x.map((x, i) => ({ model: curveLabel(c, area), i, [xName]: round(x), [yName]: round(c.curve.y[i]), threshold: round(c.curve.thresholds[i]) })));
}

/** Colour by model in the given order (the model first and blue, then the baseline), full labels in the legend. */
function modelColor(curves: NamedCurve[], area: string, orient: string): Record<string, unknown> {
  return { field: 'model', type: 'nominal', title: null, scale: { domain: curves.map((c) => curveLabel(c, area)), range: MODEL_COLORS.range }, legend: { orient, labelLimit: 400 } };
}

function checkCurve(fn: string, c: unknown): asserts c is CurveView {
  const v = c as Partial<CurveView> | undefined;
  if (!v || !Array.isArray(v.x) || !Array.isArray(v.y)) throw new TypeError(evaluationMessage.notCurve(fn));
}

/**
 * ROC curve(s) with the chance diagonal: the model, and the baseline overlaid when given.
 *
 * @example
 * display(buildRocSpec(ev.view.curves.roc!, { baseline: ev.view.baseline?.curves.roc }));
 */
export function buildRocSpec(roc: CurveView, options: ChartOptions & { baseline?: CurveView; name?: string; baselineName?: string } = {}): VegaLiteSpec {
  checkCurve('buildRocSpec', roc);
  const curves: NamedCurve[] = [{ name: options.name ?? 'model', curve: roc }];
  if (options.baseline) curves.push({ name: options.baselineName ?? 'baseline', curve: options.baseline });
  return {
    ...frame(options, { title: 'ROC curve' }),
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: 'line', strokeDash: [4, 4], color: '#999', strokeWidth: 1 },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values: curveRows(curves, 'AUC', 'fpr', 'tpr') },
        mark: { type: 'line', interpolate: 'linear' },
        encoding: {
          x: unitAxis('fpr', 'False positive rate'),
          y: unitAxis('tpr', 'True positive rate'),
          color: modelColor(curves, 'AUC', 'bottom-right'),
          order: { field: 'i', type: 'quantitative' },
          tooltip: [{ field: 'model' }, { field: 'threshold', type: 'quantitative' }, { field: 'fpr', type: 'quantitative' }, { field: 'tpr', type: 'quantitative' }],
        },
      },
    ],
  };
}

/**
 * Precision–recall curve(s), drawn as steps as scikit-learn draws them, with the positive rate
 * (a random ranker's precision) as a dashed rule.
 *
 * @example
 * display(buildPrSpec(ev.view.curves.pr!, { prevalence: 0.2 }));
 */
export function buildPrSpec(pr: CurveView, options: ChartOptions & { baseline?: CurveView; prevalence?: number; name?: string; baselineName?: string } = {}): VegaLiteSpec {
  checkCurve('buildPrSpec', pr);
  const curves: NamedCurve[] = [{ name: options.name ?? 'model', curve: pr }];
  if (options.baseline) curves.push({ name: options.baselineName ?? 'baseline', curve: options.baseline });
  const layer: Record<string, unknown>[] = [
    {
      data: { values: curveRows(curves, 'AP', 'recall', 'precision') },
      mark: { type: 'line', interpolate: 'step-after' },
      encoding: {
        x: unitAxis('recall', 'Recall'),
        y: unitAxis('precision', 'Precision'),
        color: modelColor(curves, 'AP', 'bottom-left'),
        order: { field: 'i', type: 'quantitative' },
        tooltip: [{ field: 'model' }, { field: 'threshold', type: 'quantitative' }, { field: 'recall', type: 'quantitative' }, { field: 'precision', type: 'quantitative' }],
      },
    },
  ];
  if (options.prevalence !== undefined) {
    layer.unshift({ data: { values: [{ p: options.prevalence }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#999' }, encoding: { y: { field: 'p', type: 'quantitative' } } });
  }
  return { ...frame(options, { title: 'Precision–recall curve' }), layer };
}

/**
 * Reliability diagram: observed frequency against mean predicted probability per bin (point
 * size = rows in the bin), the diagonal of perfect calibration, and a histogram of predictions.
 *
 * @example
 * display(buildCalibrationSpec(ev.view.curves.calibration!));
 */
export function buildCalibrationSpec(cal: CalibrationView, options: ChartOptions = {}): VegaLiteSpec {
  if (!cal || !Array.isArray(cal.probPred)) throw new TypeError(evaluationMessage.notCalibration);
  const f = frame(options, { title: cal.kind === 'top-label' ? 'Calibration (top-label confidence)' : 'Calibration (reliability diagram)' });
  const rows = cal.probPred.map((p, i) => ({ predicted: round(p), observed: round(cal.probTrue[i]), rows: cal.counts[i] }));
  const counted = cal.binEdges.slice(0, -1).map((lo, i) => ({ lo, hi: cal.binEdges[i + 1], rows: 0 }));
  // A bin's mean prediction lies inside the bin: the first bin whose upper edge reaches it.
  cal.probPred.forEach((p, i) => {
    const b = counted.findIndex((x) => p <= x.hi);
    if (b >= 0) counted[b].rows += cal.counts[i];
  });
  return {
    $schema: f.$schema,
    title: f.title,
    vconcat: [
      {
        width: f.width,
        height: f.height,
        layer: [
          {
            data: {
              values: [
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ],
            },
            mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
            encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
          },
          {
            data: { values: rows },
            mark: { type: 'line', color: '#4c78a8' },
            encoding: {
              x: unitAxis('predicted', cal.kind === 'top-label' ? 'Mean confidence' : 'Mean predicted probability'),
              y: unitAxis('observed', cal.kind === 'top-label' ? 'Accuracy' : 'Fraction of positives'),
            },
          },
          {
            data: { values: rows },
            mark: { type: 'circle', color: '#4c78a8', opacity: 0.9 },
            encoding: {
              x: { field: 'predicted', type: 'quantitative' },
              y: { field: 'observed', type: 'quantitative' },
              size: { field: 'rows', type: 'quantitative', legend: null, scale: { range: [20, 250] } },
              tooltip: [
                { field: 'predicted', type: 'quantitative' },
                { field: 'observed', type: 'quantitative' },
                { field: 'rows', type: 'quantitative' },
              ],
            },
          },
        ],
      },
      {
        width: f.width,
        height: 70,
        data: { values: counted },
        mark: { type: 'rect', color: '#9ecae9', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'lo', type: 'quantitative', title: null, scale: { domain: [0, 1] } },
          x2: { field: 'hi' },
          y: { field: 'rows', type: 'quantitative', title: 'Rows' },
          y2: { datum: 0 },
        },
      },
    ],
  };
}
