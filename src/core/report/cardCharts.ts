/**
 * The charts of a model card, as Vega-Lite specs built from the card alone: the headline metrics
 * with their intervals, each slicing's groups against the rest, and permutation importance. The
 * Model Card panel draws them all; the stakeholder report picks at most three.
 */
import { frame, round, type VegaLiteSpec } from '../evaluation/charts/common';
import { METRIC_INFO, isMetricName } from '../evaluation/metrics/metricCatalog';
import type { CardSlicing, ModelCard } from '../card/contract';

export interface CardChart {
  /** 'metrics', 'slices-<columns joined by ×>', 'importance'. */
  id: string;
  title: string;
  spec: VegaLiteSpec;
}

/** Metrics on [0, 1] where higher is better: the ones a 0–1 axis shows honestly side by side. */
export function unitMetrics(card: ModelCard): ModelCard['sections']['metrics']['metrics'] {
  return card.sections.metrics.metrics.filter((m) => isMetricName(m.name) && METRIC_INFO[m.name].higherIsBetter && m.value.value !== null && m.value.value >= 0 && m.value.value <= 1);
}

/** A metric's label ('ROC AUC'), or its name when the catalog does not know it. */
export function metricLabel(name: string): string {
  return isMetricName(name) ? METRIC_INFO[name].label : name;
}

/** The id of a slicing's chart. */
export const slicingChartId = (s: CardSlicing): string => `slices-${s.columns.join('×')}`;

/** The metric a slicing is compared on: accuracy (classification) or mean absolute error (regression). */
export function slicingMetric(s: CardSlicing): string | undefined {
  const names = Object.keys(s.groups[0]?.metrics ?? {});
  return names.includes('accuracy') ? 'accuracy' : names.includes('mae') ? 'mae' : names[0];
}

/** Headline metrics as points with their interval as a rule. */
function metricsSpec(card: ModelCard, width: number): VegaLiteSpec | undefined {
  const metrics = unitMetrics(card);
  if (!metrics.length) return undefined;
  const values = metrics.map((m) => ({ metric: metricLabel(m.name), value: round(m.value.value), low: round(m.interval?.low.value ?? null), high: round(m.interval?.high.value ?? null) }));
  const y = { field: 'metric', type: 'nominal', title: null, sort: values.map((v) => v.metric) };
  return {
    ...frame({}, { title: 'Metrics with their 95% intervals', width, height: Math.max(60, 26 * values.length) }),
    data: { values },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: 'value', scale: { domain: [0, 1] } }, x2: { field: 'high' } } },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: { y, x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'metric' }, { field: 'value' }, { field: 'low' }, { field: 'high' }] },
      },
    ],
  };
}

/** One slicing's groups as bars; small groups faded; the whole-data value as a dashed rule. */
function sliceSpec(s: CardSlicing, width: number): VegaLiteSpec | undefined {
  const metric = slicingMetric(s);
  if (!metric || !s.groups.length) return undefined;
  const values = s.groups.map((g) => ({ group: `${g.key} (n=${g.rows.value})`, value: round(g.metrics[metric]?.value ?? null), small: g.small ? 'yes' : 'no' }));
  const total = s.groups.reduce((a, g) => a + g.rows.value, 0);
  const overall = total ? s.groups.reduce((a, g) => a + (g.metrics[metric]?.value ?? 0) * g.rows.value, 0) / total : null;
  const y = { field: 'group', type: 'nominal', title: s.columns.join(' × '), sort: values.map((v) => v.group) };
  const layer: Record<string, unknown>[] = [
    {
      mark: 'bar',
      encoding: {
        y,
        x: { field: 'value', type: 'quantitative', title: metricLabel(metric) },
        opacity: { condition: { test: "datum.small === 'yes'", value: 0.35 }, value: 0.9 },
        tooltip: [{ field: 'group' }, { field: 'value' }, { field: 'small', title: 'Small group' }],
      },
    },
  ];
  if (overall !== null)
    layer.push({ data: { values: [{ overall: round(overall) }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#e45756' }, encoding: { x: { field: 'overall', type: 'quantitative' } } });
  return { ...frame({}, { title: `${metricLabel(metric)} by ${s.columns.join(' × ')}`, width, height: Math.max(60, 24 * values.length) }), data: { values }, layer };
}

/** Permutation importance, largest first (at most 15 features). */
function importanceSpec(card: ModelCard, width: number): VegaLiteSpec | undefined {
  const rows = [...card.sections.quantitativeAnalyses.importance].sort((a, b) => b.importance.value - a.importance.value).slice(0, 15);
  if (!rows.length) return undefined;
  const values = rows.map((r) => ({ feature: r.feature, importance: round(r.importance.value) }));
  return {
    ...frame({}, { title: 'Permutation importance (drop in score)', width, height: Math.max(60, 22 * values.length) }),
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'feature', type: 'nominal', title: null, sort: values.map((v) => v.feature) },
      x: { field: 'importance', type: 'quantitative', title: 'importance' },
      tooltip: [{ field: 'feature' }, { field: 'importance' }],
    },
  };
}

/**
 * Every chart the card has data for, in reading order.
 *
 * @example
 * collectCardCharts(card).map((c) => c.id) // ['metrics', 'slices-sex', 'importance']
 */
export function collectCardCharts(card: ModelCard, options: { width?: number } = {}): CardChart[] {
  const width = options.width ?? 320;
  const out: CardChart[] = [];
  const metrics = metricsSpec(card, width);
  if (metrics) out.push({ id: 'metrics', title: 'Metrics', spec: metrics });
  for (const s of card.sections.quantitativeAnalyses.slicings) {
    const spec = sliceSpec(s, width);
    if (spec) out.push({ id: slicingChartId(s), title: `By ${s.columns.join(' × ')}`, spec });
  }
  const importance = importanceSpec(card, width);
  if (importance) out.push({ id: 'importance', title: 'Permutation importance', spec: importance });
  return out;
}
