import type { MetricName } from '../metrics/metricCatalog';
import { METRIC_INFO } from '../metrics/metricCatalog';
import type { SliceView } from '../contract';
import { frame, round, type ChartOptions, type VegaLiteSpec } from './common';
import { evaluationMessage } from '../messages';

/**
 * One metric per group of a slice as bars with their interval as error bars, the group size in
 * the label; groups below `minGroupSize` are faded. `overall` draws the whole-data value as a rule.
 *
 * @example
 * display(buildSliceSpec(ev.view.slices[0], 'recall', { overall: ev.metric('recall') }));
 */
export function buildSliceSpec(slice: SliceView, metric: MetricName, options: ChartOptions & { overall?: number | null; minGroupSize?: number } = {}): VegaLiteSpec {
  if (!slice || !Array.isArray(slice.groups)) throw new TypeError(evaluationMessage.notSlice);
  if (!slice.groups.some((g) => g.metrics[metric])) throw new RangeError(evaluationMessage.sliceNoMetric(slice.name, metric, Object.keys(slice.groups[0]?.metrics ?? {}).join(', ')));
  const min = options.minGroupSize ?? 30;
  const values = slice.groups.map((g) => {
    const e = g.metrics[metric];
    return {
      group: `${g.key} (n=${g.size})`,
      value: round(e?.value ?? null),
      lower: round(e?.ci?.lower ?? null),
      upper: round(e?.ci?.upper ?? null),
      size: g.size,
      trusted: g.size >= min ? 'yes' : `no (< ${min} rows)`,
    };
  });
  const label = METRIC_INFO[metric]?.label ?? metric;
  const y = { field: 'group', type: 'nominal', title: slice.name, sort: values.map((v) => v.group) };
  const layer: Record<string, unknown>[] = [
    {
      mark: 'bar',
      encoding: {
        y,
        x: { field: 'value', type: 'quantitative', title: label },
        opacity: { condition: { test: `datum.size < ${min}`, value: 0.35 }, value: 0.9 },
        tooltip: [
          { field: 'group' },
          { field: 'value', type: 'quantitative' },
          { field: 'lower', type: 'quantitative' },
          { field: 'upper', type: 'quantitative' },
          { field: 'size', type: 'quantitative' },
          { field: 'trusted', title: 'Large enough' },
        ],
      },
    },
    { mark: { type: 'rule', color: '#222' }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
  ];
  if (options.overall !== undefined && options.overall !== null) {
    layer.push({ data: { values: [{ overall: options.overall }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#e45756' }, encoding: { x: { field: 'overall', type: 'quantitative' } } });
  }
  return { ...frame(options, { title: `${label} by ${slice.name}`, height: Math.max(60, 24 * values.length) }), data: { values }, layer };
}
