import { frame, round, type VegaLiteSpec } from '../evaluation/charts/common';
import type { ModelCard } from './contract';

/** A chart of the card: an id (where the HTML places it) and its Vega-Lite spec. */
export interface CardChart {
  id: string;
  spec: VegaLiteSpec;
}

/**
 * The card's charts as Vega-Lite specs, built from the card alone: the metrics with their
 * intervals (point and rule), and one bar chart per slicing (the first metric by group, small
 * groups marked). The HTML report renders them to SVG in Node; the VS Code view can draw them themed.
 *
 * @example
 * collectCardCharts(card).map((c) => c.id) // ['metrics', 'slices-sex']
 */
export function collectCardCharts(card: ModelCard): CardChart[] {
  const out: CardChart[] = [];
  const metrics = card.sections.metrics.metrics.filter((m) => m.value.value !== null);
  if (metrics.length) {
    const rows = metrics.map((m) => ({ metric: m.name, value: round(m.value.value), low: round(m.interval?.low.value ?? null), high: round(m.interval?.high.value ?? null) }));
    const y = { field: 'metric', type: 'nominal', title: null, sort: rows.map((r) => r.metric) };
    out.push({
      id: 'metrics',
      spec: {
        ...frame({}, { title: 'Metrics with confidence intervals', width: 340, height: Math.max(60, 24 * rows.length) }),
        data: { values: rows },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: 'value' }, x2: { field: 'high' } } },
          { mark: { type: 'point', filled: true, size: 80 }, encoding: { y, x: { field: 'value', type: 'quantitative' } } },
        ],
      },
    });
  }
  for (const sl of card.sections.quantitativeAnalyses.slicings) {
    const metric = Object.keys(sl.groups[0]?.metrics ?? {})[0];
    if (!metric) continue;
    const rows = sl.groups.map((g) => ({ group: g.key, value: round(g.metrics[metric].value), rows: g.rows.value, size: g.small ? 'small group' : 'large enough' }));
    out.push({
      id: `slices-${sl.columns.join('-')}`,
      spec: {
        ...frame({}, { title: `${metric} by ${sl.columns.join(' × ')}`, width: 340, height: Math.max(60, 24 * rows.length) }),
        data: { values: rows },
        mark: 'bar',
        encoding: {
          y: { field: 'group', type: 'nominal', title: null, sort: rows.map((r) => r.group) },
          x: { field: 'value', type: 'quantitative', title: metric },
          color: { field: 'size', type: 'nominal', title: 'Group', scale: { domain: ['large enough', 'small group'], range: ['#4c78a8', '#bdbdbd'] }, legend: { orient: 'bottom' } },
        },
      },
    });
  }
  return out;
}
