/**
 * Helpers over a card's numbers that the Model Card panel and the stakeholder report share (metric
 * labels, a slicing's metric and chart id), and the permutation-importance chart; the metrics and
 * slice charts are core/card/charts.ts's.
 */
import { frame, round, type VegaLiteSpec } from '../evaluation/charts/common';
import { METRIC_INFO, isMetricName } from '../evaluation/metrics/metricCatalog';
import type { CardSlicing, ModelCard } from '../card/contract';
import type { CardChart } from '../card/charts';

/** Per-slice numbers the card recomputes that the metric catalog does not name. */
const SLICE_LABELS: Record<string, string> = { positiveRate: 'Positive rate' };

/** A metric's label ('ROC AUC'), or its name when neither the catalog nor the slice labels know it. */
export function metricLabel(name: string): string {
  return isMetricName(name) ? METRIC_INFO[name].label : (SLICE_LABELS[name] ?? name);
}

/** The id of a slicing's chart (as core/card/charts.ts names it). */
export const slicingChartId = (s: CardSlicing): string => `slices-${s.columns.join('-')}`;

/** The metric a slicing is compared on: accuracy (classification) or mean absolute error (regression). */
export function slicingMetric(s: CardSlicing): string | undefined {
  const names = Object.keys(s.groups[0]?.metrics ?? {});
  return names.includes('accuracy') ? 'accuracy' : names.includes('mae') ? 'mae' : names[0];
}

/**
 * Permutation importance as bars, largest first (at most 15 features); undefined without importance.
 * The Model Card panel draws it beside core/card/charts.ts's metrics and slice charts.
 *
 * @example
 * cardImportanceChart(card)?.id // 'importance'
 */
export function cardImportanceChart(card: ModelCard, width = 320): CardChart | undefined {
  const spec = importanceSpec(card, width);
  return spec && { id: 'importance', spec };
}

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
