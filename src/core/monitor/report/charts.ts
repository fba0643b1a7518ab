/** Vega-Lite specs of the report's distributions: reference vs current shares on the same bins. */
import { formatNumber } from '../../text/number';
import type { FeatureReport, MonitorReport } from '../contract';

export interface MonitorChart {
  /** 'feature-<index>' or 'prediction'. */
  id: string;
  spec: Record<string, unknown>;
}

/**
 * One grouped bar chart per feature with a chart (and the prediction), drifted features first.
 *
 * @example
 * collectMonitorCharts(report)[0].spec.mark; // 'bar'
 */
export function collectMonitorCharts(r: MonitorReport): MonitorChart[] {
  const out: MonitorChart[] = [];
  r.features.forEach((f, i) => {
    if (f.chart) out.push({ id: `feature-${i}`, spec: distributionSpec(f) });
  });
  if (r.prediction?.chart) out.push({ id: 'prediction', spec: distributionSpec(r.prediction) });
  return out;
}

/** Bars per chart: categories beyond it are drawn together as 'other' (the report keeps them all). */
const MAX_BARS = 16;

/** Labels and shares to draw: histogram bins by their left edge; the largest categories, the rest summed into 'other'. */
function bars(f: FeatureReport): { label: string; reference: number; current: number }[] {
  const c = f.chart!;
  if (c.kind === 'histogram')
    return c.labels.map((label, i) => ({ label: c.edges && f.type === 'number' ? formatNumber(c.edges[i]) : label.split(' – ')[0], reference: c.reference[i], current: c.current[i] }));
  const all = c.labels.map((label, i) => ({ label, reference: c.reference[i], current: c.current[i] }));
  const other = all.pop()!;
  if (all.length < MAX_BARS) return [...all, other];
  const keep = new Set([...all].sort((a, b) => Math.max(b.reference, b.current) - Math.max(a.reference, a.current)).slice(0, MAX_BARS - 1));
  for (const x of all) {
    if (keep.has(x)) continue;
    other.reference += x.reference;
    other.current += x.current;
  }
  return [...all.filter((x) => keep.has(x)), other];
}

function distributionSpec(f: FeatureReport): Record<string, unknown> {
  const values = bars(f).flatMap((b, i) => [
    { bin: b.label, order: i, side: 'reference', share: b.reference },
    { bin: b.label, order: i, side: 'current', share: b.current },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: f.name, fontSize: 12 },
    width: 300,
    height: 120,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'bin', type: 'ordinal', sort: { field: 'order' }, axis: { labelLimit: 70, labelAngle: -45, title: null } },
      xOffset: { field: 'side' },
      y: { field: 'share', type: 'quantitative', axis: { format: '%', title: null } },
      color: { field: 'side', type: 'nominal', scale: { domain: ['reference', 'current'], range: ['#8c8c8c', '#1f77b4'] }, legend: { orient: 'top', title: null } },
    },
  };
}
