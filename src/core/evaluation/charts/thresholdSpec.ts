import type { ThresholdTable } from '../curves/thresholdTable';
import { thresholdSweep } from '../curves/thresholdTable';
import { frame, round, type ChartOptions, type VegaLiteSpec } from './common';
import { evaluationMessage } from '../messages';

const SERIES = [
  ['precision', 'Precision'],
  ['recall', 'Recall'],
  ['f1', 'F1'],
  ['selectionRate', 'Positive rate'],
] as const;

/**
 * Threshold sweep: precision, recall, F1 and the positive rate against the threshold, with the
 * operating threshold marked. At most `maxPoints` thresholds (default 200) from the table.
 *
 * @example
 * display(buildThresholdSpec(ev.view.thresholdTable!, { threshold: ev.view.threshold }));
 */
export function buildThresholdSpec(table: ThresholdTable, options: ChartOptions & { threshold?: number; maxPoints?: number } = {}): VegaLiteSpec {
  if (!table || !Array.isArray(table.thresholds)) throw new TypeError(evaluationMessage.notThresholdTable);
  const sweep = thresholdSweep(table);
  const maxPoints = options.maxPoints ?? 200;
  const step = Math.max(1, Math.ceil(sweep.length / maxPoints));
  const rows = sweep.filter((_, i) => i % step === 0 || i === sweep.length - 1 || sweep[i].threshold === options.threshold);
  const values = rows.flatMap((r) => SERIES.map(([key, label]) => ({ threshold: round(r.threshold, 6), metric: label, value: round(r[key]) })));
  const layer: Record<string, unknown>[] = [
    {
      data: { values },
      mark: { type: 'line', interpolate: 'step-after' },
      encoding: {
        x: { field: 'threshold', type: 'quantitative', title: 'Threshold (positive when score ≥ threshold)' },
        y: { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 1] } },
        color: { field: 'metric', type: 'nominal', title: null, sort: SERIES.map((s) => s[1]) },
        tooltip: [{ field: 'metric' }, { field: 'threshold', type: 'quantitative' }, { field: 'value', type: 'quantitative' }],
      },
    },
  ];
  if (options.threshold !== undefined && Number.isFinite(options.threshold)) {
    layer.push({ data: { values: [{ t: options.threshold }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#555' }, encoding: { x: { field: 't', type: 'quantitative' } } });
  }
  return { ...frame(options, { title: 'Threshold sweep', width: 380 }), layer };
}
