/** Vega-Lite specs of the report's distributions: reference vs current shares on the same bins. */
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

function distributionSpec(f: FeatureReport): Record<string, unknown> {
  const c = f.chart!;
  const values = c.labels.flatMap((label, i) => [
    { bin: label, order: i, side: 'reference', share: c.reference[i] },
    { bin: label, order: i, side: 'current', share: c.current[i] },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: f.name, fontSize: 12 },
    width: 300,
    height: 120,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'bin', type: 'ordinal', sort: { field: 'order' }, axis: { labelLimit: 60, labelAngle: -45, title: null } },
      xOffset: { field: 'side' },
      y: { field: 'share', type: 'quantitative', axis: { format: '%', title: null } },
      color: { field: 'side', type: 'nominal', scale: { domain: ['reference', 'current'], range: ['#8c8c8c', '#1f77b4'] }, legend: { orient: 'top', title: null } },
    },
  };
}
