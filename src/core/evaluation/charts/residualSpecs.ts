import type { ResidualsView } from '../contract';
import { frame, round, type ChartOptions, type VegaLiteSpec } from './common';
import { evaluationMessage } from '../messages';

function check(fn: string, r: unknown): asserts r is ResidualsView {
  if (!r || !(r as ResidualsView).sample || !(r as ResidualsView).histogram) throw new TypeError(evaluationMessage.notResiduals(fn));
}

/**
 * Residuals (actual − predicted) against predictions, with the zero line. Draws the view's
 * seeded sample (≤ 2000 rows), so large test sets stay light.
 *
 * @example
 * display(buildResidualSpec(ev.view.residuals!));
 */
export function buildResidualSpec(residuals: ResidualsView, options: ChartOptions = {}): VegaLiteSpec {
  check('buildResidualSpec', residuals);
  const values = residuals.sample.predicted.map((p, i) => ({ predicted: round(p, 6), residual: round(residuals.sample.actual[i] - p, 6), actual: round(residuals.sample.actual[i], 6) }));
  return {
    ...frame(options, { title: residuals.sampled ? `Residuals vs predicted (sample of ${values.length})` : 'Residuals vs predicted' }),
    layer: [
      {
        data: { values },
        mark: { type: 'point', filled: true, opacity: 0.5, size: 16 },
        encoding: {
          x: { field: 'predicted', type: 'quantitative', title: 'Predicted', scale: { zero: false } },
          y: { field: 'residual', type: 'quantitative', title: 'Residual (actual − predicted)' },
          tooltip: [
            { field: 'predicted', type: 'quantitative' },
            { field: 'actual', type: 'quantitative' },
            { field: 'residual', type: 'quantitative' },
          ],
        },
      },
      { data: { values: [{ y: 0 }] }, mark: { type: 'rule', color: '#e45756' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    ],
  };
}

/**
 * Histogram of residuals over every row (bins precomputed in the view).
 *
 * @example
 * display(buildResidualHistogramSpec(ev.view.residuals!));
 */
export function buildResidualHistogramSpec(residuals: ResidualsView, options: ChartOptions = {}): VegaLiteSpec {
  check('buildResidualHistogramSpec', residuals);
  const { edges, counts } = residuals.histogram;
  const values = counts.map((count, i) => ({ lo: round(edges[i], 6), hi: round(edges[i + 1], 6), count }));
  return {
    ...frame(options, { title: 'Residual distribution', height: 200 }),
    data: { values },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: {
      x: { field: 'lo', type: 'quantitative', title: 'Residual (actual − predicted)', bin: { binned: true } },
      x2: { field: 'hi' },
      y: { field: 'count', type: 'quantitative', title: 'Rows' },
      tooltip: [
        { field: 'lo', type: 'quantitative' },
        { field: 'hi', type: 'quantitative' },
        { field: 'count', type: 'quantitative' },
      ],
    },
  };
}
