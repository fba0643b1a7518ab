/**
 * The Vega-Lite spec of one distribution chart: reference and current shares on the same bins,
 * overlaid (a histogram on the bin edges for numbers, bars per category). The report already holds
 * the shares (`FeatureReport.chart`), so nothing is recomputed here.
 */
import type { DistributionChart } from '../../src/core/monitor/contract';

/** Reference in a neutral grey, current in VS Code's chart blue: readable on light, dark and high-contrast themes. */
const COLORS = { reference: '#8c8c8c', current: '#3794ff' };

const tooltip = [
  { field: 'label', title: 'bin' },
  { field: 'reference', title: 'reference', format: '.1%' },
  { field: 'current', title: 'current', format: '.1%' },
];

/** Categories drawn at most; the smaller ones are folded into 'other' (the drift table and the statistics keep them all). */
export const MAX_CATEGORY_BARS = 20;

/** The chart's categories, the smallest folded into 'other' beyond MAX_CATEGORY_BARS. */
function foldCategories(c: DistributionChart): DistributionChart {
  if (c.kind !== 'categories' || c.labels.length <= MAX_CATEGORY_BARS) return c;
  const all = c.labels.map((label, i) => ({ label, reference: c.reference[i], current: c.current[i] }));
  const otherAt = all.findIndex((x) => x.label === 'other');
  const other = otherAt >= 0 ? all.splice(otherAt, 1)[0] : { label: 'other', reference: 0, current: 0 };
  const keep = new Set([...all].sort((a, b) => Math.max(b.reference, b.current) - Math.max(a.reference, a.current)).slice(0, MAX_CATEGORY_BARS - 1));
  const folded = { ...other };
  for (const x of all)
    if (!keep.has(x)) {
      folded.reference += x.reference;
      folded.current += x.current;
    }
  const shown = [...all.filter((x) => keep.has(x)), folded];
  return { kind: 'categories', labels: shown.map((x) => x.label), reference: shown.map((x) => x.reference), current: shown.map((x) => x.current) };
}

/**
 * @example
 * distributionSpec('delay', report.features[0].chart!, 560);
 */
export function distributionSpec(title: string, chart: DistributionChart, width: number): Record<string, unknown> {
  const c = foldCategories(chart);
  const rows = c.labels.map((label, i) => ({ label, order: i, reference: c.reference[i], current: c.current[i], ...(c.edges ? { lo: c.edges[i], hi: c.edges[i + 1] } : {}) }));
  const values = rows.flatMap((r) => [
    { ...r, side: 'reference', share: r.reference },
    { ...r, side: 'current', share: r.current },
  ]);
  const color = {
    field: 'side',
    type: 'nominal',
    title: null,
    scale: { domain: ['reference', 'current'], range: [COLORS.reference, COLORS.current] },
    legend: { orient: 'top', direction: 'horizontal' },
  };
  const y = { field: 'share', type: 'quantitative', stack: null, title: 'share of rows', axis: { format: '%' } };
  const histogram = c.kind === 'histogram' && c.edges && c.edges.length === c.labels.length + 1 && c.edges.every(Number.isFinite);
  const common = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: { text: title, anchor: 'start', fontSize: 13 }, data: { values }, height: 180 };
  if (histogram)
    return {
      ...common,
      width,
      mark: { type: 'rect', opacity: 0.55, stroke: null },
      encoding: {
        x: { field: 'lo', type: 'quantitative', title: null, scale: { zero: false, nice: false } },
        x2: { field: 'hi' },
        y,
        color,
        tooltip,
      },
    };
  // Categories: the reference as a wide bar, the current as a narrower one on top, so both stay visible.
  return {
    ...common,
    width: { step: Math.max(12, Math.min(32, Math.floor(width / Math.max(1, c.labels.length)))) },
    encoding: {
      x: { field: 'label', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelLimit: 80, labelAngle: c.labels.length > 8 ? -60 : 0 } },
      y,
      color,
      tooltip,
    },
    layer: [
      { transform: [{ filter: "datum.side === 'reference'" }], mark: { type: 'bar', opacity: 0.7 } },
      { transform: [{ filter: "datum.side === 'current'" }], mark: { type: 'bar', width: { band: 0.5 } } },
    ],
  };
}
