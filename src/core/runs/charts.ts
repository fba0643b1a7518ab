/**
 * Vega-Lite specs of the Experiments panel (pure: view data in, spec out), built in core like the
 * evaluation charts (`core/evaluation/charts`) so the webview only draws them.
 */
import type { RunComparison } from './compare';

type Spec = Record<string, unknown>;

/** Vega reads dots and brackets in field names as paths: keep names literal. */
function field(name: string): string {
  return name.replace(/[.[\]\\]/g, (c) => `\\${c}`);
}

/**
 * The selected runs' histories of one metric overlaid: one line per run, epoch on x.
 *
 * @example
 * buildHistorySpec(comparison, 'loss') // 2 runs → 2 lines
 */
export function buildHistorySpec(comparison: RunComparison, metric: string): Spec {
  const series = comparison.history.series.find((s) => s.metric === metric);
  const labels = runLabels(comparison);
  const values: { epoch: number; run: string; value: number }[] = [];
  series?.values.forEach((row, r) => row.forEach((v, i) => v !== null && values.push({ epoch: comparison.history.epochs[i], run: labels[r], value: v })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 'container',
    height: 220,
    title: `${metric} by epoch`,
    data: { values },
    mark: { type: 'line', point: values.length < 200, tooltip: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch' },
      y: { field: 'value', type: 'quantitative', title: metric, scale: { zero: false } },
      color: { field: 'run', type: 'nominal', title: 'run', sort: labels },
    },
  };
}

/** Distinct labels for runs (names repeat across runs: the id's tail tells them apart). */
export function runLabels(comparison: Pick<RunComparison, 'runs'>): string[] {
  const counts = new Map<string, number>();
  for (const r of comparison.runs) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return comparison.runs.map((r) => (counts.get(r.name)! > 1 ? `${r.name} (${r.id.slice(-6)})` : r.name));
}

export interface PointRow {
  id: string;
  name: string;
  x: unknown;
  y: unknown;
}

/**
 * A metric against a parameter, one point per run (numbers on a linear axis, other values as
 * categories).
 */
export function buildScatterSpec(rows: readonly PointRow[], xLabel: string, yLabel: string): Spec {
  const values = rows
    .filter((r) => typeof r.y === 'number' && r.x !== null && r.x !== undefined)
    .map((r) => ({ id: r.id, name: r.name, x: typeof r.x === 'object' ? JSON.stringify(r.x) : r.x, y: r.y }));
  const numeric = values.every((v) => typeof v.x === 'number');
  const logX = numeric && values.length > 1 && values.every((v) => (v.x as number) > 0) && Math.max(...values.map((v) => v.x as number)) / Math.min(...values.map((v) => v.x as number)) >= 100;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 'container',
    height: 240,
    title: `${yLabel} vs ${xLabel}`,
    data: { values },
    mark: { type: 'point', filled: true, opacity: 0.7, tooltip: { content: 'data' } },
    encoding: {
      x: { field: 'x', type: numeric ? 'quantitative' : 'nominal', title: xLabel, ...(logX ? { scale: { type: 'log' } } : {}) },
      y: { field: 'y', type: 'quantitative', title: yLabel, scale: { zero: false } },
    },
  };
}

/**
 * Parallel coordinates: one polyline per run across the numeric parameters and the metric, each
 * axis scaled to its own min–max, coloured by the metric.
 */
export function buildParallelSpec(rows: readonly Record<string, unknown>[], dims: readonly string[], metric: string): Spec {
  const values = rows.map((r, i) => {
    const out: Record<string, unknown> = { _run: i, _name: r._name };
    for (const d of dims) out[d] = r[d];
    return out;
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 'container',
    height: 260,
    title: `parameters and ${metric}`,
    data: { values },
    transform: [
      { fold: dims.map(field), as: ['key', 'value'] },
      { filter: 'isValid(datum.value) && isFinite(datum.value)' },
      {
        joinaggregate: [
          { op: 'min', field: 'value', as: 'min' },
          { op: 'max', field: 'value', as: 'max' },
        ],
        groupby: ['key'],
      },
      { calculate: 'datum.max == datum.min ? 0.5 : (datum.value - datum.min) / (datum.max - datum.min)', as: 'norm' },
    ],
    mark: { type: 'line', opacity: 0.5, strokeWidth: 1.2 },
    encoding: {
      x: { field: 'key', type: 'nominal', sort: [...dims], title: null, axis: { labelAngle: 0 } },
      y: { field: 'norm', type: 'quantitative', axis: null },
      detail: { field: '_run', type: 'nominal' },
      color: { field: field(metric), type: 'quantitative', title: metric },
      tooltip: [
        { field: '_name', title: 'run' },
        { field: 'key', title: 'axis' },
        { field: 'value', title: 'value' },
      ],
    },
  };
}
