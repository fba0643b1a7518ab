import type { AverageCurveView, CurveView } from '../contract';
import type { ClassLabel } from '../metrics/types';
import { frame, round, unitAxis, type ChartOptions, type VegaLiteSpec } from './common';
import { formatNumber } from '../../text/number';
import { evaluationMessage } from '../messages';

/** Per-class curves and their averages, as `view.curves` carries them for a multiclass model. */
export interface ClassCurves {
  perClass: readonly { label: ClassLabel; curve: CurveView }[];
  averages?: readonly AverageCurveView[];
}

// Vega's tableau10, then tableau20 once there are more lines than it has colours.
const TABLEAU10 = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];
const TABLEAU20 = [
  '#4c78a8',
  '#9ecae9',
  '#f58518',
  '#ffbf79',
  '#54a24b',
  '#88d27a',
  '#b79a20',
  '#f2cf5b',
  '#439894',
  '#83bcb6',
  '#e45756',
  '#ff9d98',
  '#79706e',
  '#bab0ac',
  '#d67195',
  '#fcbfd2',
  '#b279a2',
  '#d6a5c9',
  '#9e765f',
  '#d8b5a5',
];

interface Line {
  label: string;
  kind: 'class' | 'average';
  curve: CurveView;
}

function lines(curves: ClassCurves, area: string, fn: string): Line[] {
  if (!curves || !Array.isArray(curves.perClass) || curves.perClass.some((c) => !c || !Array.isArray(c.curve?.x))) {
    throw new TypeError(evaluationMessage.notClassCurves(fn));
  }
  const named = (name: string, curve: CurveView, kind: Line['kind']): Line => ({ label: `${name} (${area} ${formatNumber(curve.area)})`, kind, curve });
  return [...curves.perClass.map((c) => named(String(c.label), c.curve, 'class')), ...(curves.averages ?? []).map((a) => named(`${a.average}-average`, a.curve, 'average'))];
}

/** One line mark for all curves: a colour per class, the averages dashed, each legend entry naming its area. */
function curvesLayer(all: Line[], xName: string, yName: string, interpolate: string, orient: string): Record<string, unknown> {
  const palette = all.length <= TABLEAU10.length ? TABLEAU10 : TABLEAU20;
  return {
    data: { values: all.flatMap((l) => l.curve.x.map((x, i) => ({ curve: l.label, kind: l.kind, i, [xName]: round(x), [yName]: round(l.curve.y[i]), threshold: round(l.curve.thresholds[i]) }))) },
    mark: { type: 'line', interpolate },
    encoding: {
      x: unitAxis(xName, xName === 'fpr' ? 'False positive rate' : 'Recall'),
      y: unitAxis(yName, yName === 'tpr' ? 'True positive rate' : 'Precision'),
      color: { field: 'curve', type: 'nominal', title: null, scale: { domain: all.map((l) => l.label), range: all.map((_, i) => palette[i % palette.length]) }, legend: { orient, labelLimit: 400 } },
      strokeDash: {
        field: 'kind',
        type: 'nominal',
        scale: {
          domain: ['class', 'average'],
          range: [
            [1, 0],
            [6, 3],
          ],
        },
        legend: null,
      },
      order: { field: 'i', type: 'quantitative' },
      tooltip: [{ field: 'curve' }, { field: 'threshold', type: 'quantitative' }, { field: xName, type: 'quantitative' }, { field: yName, type: 'quantitative' }],
    },
  };
}

/**
 * One-vs-rest ROC curves, one per class, with the micro/macro averages dashed and the chance
 * diagonal; the legend names each class with its AUC.
 *
 * @example
 * display(buildClassRocSpec({ perClass: ev.view.curves.rocPerClass!, averages: ev.view.curves.rocAverages }));
 */
export function buildClassRocSpec(curves: ClassCurves, options: ChartOptions = {}): VegaLiteSpec {
  const all = lines(curves, 'AUC', 'buildClassRocSpec');
  return {
    ...frame(options, { title: 'ROC curves (one-vs-rest)' }),
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
      curvesLayer(all, 'fpr', 'tpr', 'linear', 'bottom-right'),
    ],
  };
}

/**
 * One-vs-rest precision–recall curves, one per class (steps, as scikit-learn draws them), with the
 * micro average dashed; the legend names each class with its average precision.
 *
 * @example
 * display(buildClassPrSpec({ perClass: ev.view.curves.prPerClass!, averages: ev.view.curves.prAverages }));
 */
export function buildClassPrSpec(curves: ClassCurves, options: ChartOptions = {}): VegaLiteSpec {
  const all = lines(curves, 'AP', 'buildClassPrSpec');
  return { ...frame(options, { title: 'Precision–recall curves (one-vs-rest)' }), layer: [curvesLayer(all, 'recall', 'precision', 'step-after', 'bottom-left')] };
}
