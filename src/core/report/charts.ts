/**
 * The stakeholder report's charts (three at most), as Vega-Lite specs from the report and card:
 * how often it is right per 100 with the 95% intervals, the charted slicing's groups per 100, and
 * the inputs it leans on most. Light colours: the report is read on paper or in a browser.
 */
import { frame, type VegaLiteSpec } from '../evaluation/charts/common';
import type { ModelCard } from '../card/contract';
import type { CardChart } from '../card/charts';
import type { StakeholderReport } from './contract';
import { chartedSlicing } from './collect';
import { cardImportanceChart } from './cardCharts';

const BAR = '#4c78a8';

function rightSpec(card: ModelCard, report: StakeholderReport): VegaLiteSpec | undefined {
  const label: Record<string, string> =
    report.task === 'multiclass'
      ? { precision: 'right when it names a class', recall: 'found per class', accuracy: 'right overall' }
      : { precision: 'right when it flags', recall: 'found among the positives', accuracy: 'right overall' };
  const values = ['precision', 'recall', 'accuracy'].flatMap((name) => {
    const m = card.sections.metrics.metrics.find((x) => x.name === name);
    if (!m || m.value.value === null) return [];
    const ci = m.interval?.level === 0.95 ? m.interval : undefined;
    return [{ what: label[name], per100: Math.round(100 * m.value.value), low: ci ? Math.round(100 * ci.low.value) : null, high: ci ? Math.round(100 * ci.high.value) : null }];
  });
  if (!values.length || report.task === 'regression') return undefined;
  const y = { field: 'what', type: 'nominal', title: null, sort: values.map((v) => v.what), axis: { labelLimit: 220 } };
  return {
    ...frame({}, { title: 'Out of 100 (with the 95% interval)', width: 260, height: 26 * values.length }),
    data: { values },
    layer: [
      { mark: { type: 'bar', color: BAR }, encoding: { y, x: { field: 'per100', type: 'quantitative', title: null, scale: { domain: [0, 100] } } } },
      { mark: { type: 'rule', color: '#222', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      { mark: { type: 'text', align: 'left', dx: 4, dy: -8, color: '#222' }, encoding: { y, x: { field: 'per100', type: 'quantitative' }, text: { field: 'per100' } } },
    ],
  };
}

function groupsSpec(card: ModelCard): VegaLiteSpec | undefined {
  const s = chartedSlicing(card);
  if (!s) return undefined;
  const values = s.groups.map((g) => ({
    group: `${g.key} (${g.rows.value})`,
    per100: g.metrics.accuracy.value === null ? null : Math.round(100 * g.metrics.accuracy.value),
    small: g.small ? 'too few to judge' : 'enough',
  }));
  const rows = s.groups.reduce((a, g) => a + g.rows.value, 0);
  const overall = rows ? Math.round((100 * s.groups.reduce((a, g) => a + (g.metrics.accuracy.value ?? 0) * g.rows.value, 0)) / rows) : null;
  const y = { field: 'group', type: 'nominal', title: null, sort: values.map((v) => v.group) };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: 'bar', color: BAR },
      encoding: { y, x: { field: 'per100', type: 'quantitative', title: null, scale: { domain: [0, 100] } }, opacity: { condition: { test: "datum.small !== 'enough'", value: 0.35 }, value: 0.9 } },
    },
    { mark: { type: 'text', align: 'left', dx: 4, color: '#222' }, encoding: { y, x: { field: 'per100', type: 'quantitative' }, text: { field: 'per100' } } },
  ];
  if (overall !== null) layer.push({ data: { values: [{ overall }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#e45756' }, encoding: { x: { field: 'overall', type: 'quantitative' } } });
  return { ...frame({}, { title: `Right out of 100, by ${s.columns.join(' × ')} (dashed: all)`, width: 260, height: 24 * values.length }), data: { values }, layer };
}

/**
 * The report's charts, at most three: 'right', 'groups', 'importance' (those it has data for).
 *
 * @example
 * collectReportCharts(card, report).map((c) => c.id) // ['right', 'groups', 'importance']
 */
export function collectReportCharts(card: ModelCard, report: StakeholderReport): CardChart[] {
  const out: CardChart[] = [];
  const r = rightSpec(card, report);
  if (r) out.push({ id: 'right', spec: r });
  const g = groupsSpec(card);
  if (g) out.push({ id: 'groups', spec: g });
  const i = cardImportanceChart(card, 260);
  if (i) out.push({ id: 'importance', spec: { ...i.spec, title: 'What it leans on most (drop in accuracy without it)' } });
  return out.slice(0, 3);
}
