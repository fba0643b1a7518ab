import type { ClassLabel } from '../metrics/types';
import { frame, type ChartOptions, type VegaLiteSpec } from './common';
import { evaluationMessage } from '../messages';

/**
 * Confusion matrix heatmap: rows are true labels, columns predicted; colour is the share of the
 * true row (recall per class), text the count.
 *
 * @example
 * display(buildConfusionSpec(ev.view.confusion!));
 */
export function buildConfusionSpec(confusion: { labels: ClassLabel[]; matrix: number[][] }, options: ChartOptions = {}): VegaLiteSpec {
  if (!confusion || !Array.isArray(confusion.matrix) || !Array.isArray(confusion.labels)) throw new TypeError(evaluationMessage.notConfusion);
  const labels = confusion.labels.map(String);
  const values = confusion.matrix.flatMap((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count, j) => ({ actual: labels[i], predicted: labels[j], count, share: total ? Number((count / total).toFixed(4)) : 0 }));
  });
  const side = Math.max(160, Math.min(480, 60 * labels.length));
  return {
    ...frame(options, { title: 'Confusion matrix', width: side, height: side }),
    data: { values },
    encoding: {
      x: { field: 'predicted', type: 'ordinal', sort: labels, title: 'Predicted', axis: { labelAngle: 0 } },
      y: { field: 'actual', type: 'ordinal', sort: labels, title: 'Actual' },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: { field: 'share', type: 'quantitative', title: 'Share of row', scale: { scheme: 'blues', domain: [0, 1] } },
          tooltip: [{ field: 'actual' }, { field: 'predicted' }, { field: 'count', type: 'quantitative' }, { field: 'share', type: 'quantitative', format: '.1%' }],
        },
      },
      {
        mark: { type: 'text', fontSize: 13 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: ',' },
          color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
