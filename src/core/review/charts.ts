/**
 * The Model Diff's charts as Vega-Lite v5 specs, built from the diff alone: the metric forest plot,
 * slice deltas and the flip matrix. The panel draws them themed; the HTML report renders them as SVG.
 * Widths are numbers, never 'container': a flex box that shrinks to its content would size them to 0.
 */
import { frame, round, type ChartOptions, type VegaLiteSpec } from '../evaluation/charts/common';
import type { Flips, MetricDelta, SliceDelta } from './contract';
import { formatDelta, formatDeltaCi, metricLabel } from './format';
import { reviewMessage } from './messages';

/** Direction-aware colours: worse red, better green, no significant change grey. */
export const VERDICT_COLORS = { domain: ['worse', 'better', 'unchanged', 'unknown'], range: ['#d62728', '#2ca02c', '#8c8c8c', '#bdbdbd'] };

interface Row {
  label: string;
  delta: number | null;
  lo: number | null;
  hi: number | null;
  verdict: MetricDelta['verdict'];
  text: string;
  small?: string;
}

/** A forest plot of rows (point = delta, rule = interval) around a dashed zero line. */
function forest(rows: Row[], title: string, axisTitle: string, options: ChartOptions): VegaLiteSpec {
  const y = { field: 'label', type: 'nominal', title: null, sort: rows.map((r) => r.label), axis: { labelLimit: 260 } };
  const shown = VERDICT_COLORS.domain.filter((v) => rows.some((r) => r.verdict === v));
  const color = { field: 'verdict', type: 'nominal', title: 'Verdict', scale: VERDICT_COLORS, legend: { orient: 'bottom', values: shown } };
  const tooltip = [
    { field: 'label', title: 'Finding' },
    { field: 'text', title: 'Δ [95% CI]' },
    { field: 'verdict', title: 'Verdict' },
  ];
  return {
    ...frame(options, { title, width: 340, height: Math.max(80, 26 * rows.length) }),
    data: { values: rows },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4], opacity: 0.7 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: axisTitle }, x2: { field: 'hi' }, color, tooltip } },
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          y,
          x: { field: 'delta', type: 'quantitative' },
          color,
          shape: {
            field: 'small',
            type: 'nominal',
            title: 'Group',
            scale: { domain: ['large enough', 'small group'], range: ['circle', 'triangle-up'] },
            legend: rows.some((r) => r.small === 'small group') ? { orient: 'bottom' } : null,
          },
          tooltip,
        },
      },
    ],
    config: { axisY: { labelFontSize: 12 } },
  };
}

/**
 * Metric deltas (head − base) with their 95% intervals as a forest plot: a point per metric, the
 * interval as a bar, a dashed zero line, coloured by the direction-aware verdict (for a
 * lower-is-better metric such as log loss, a positive delta is worse).
 *
 * @example
 * display(buildMetricForestSpec(diff.pairs[0].metrics));
 */
export function buildMetricForestSpec(metrics: MetricDelta[], options: ChartOptions = {}): VegaLiteSpec {
  if (!Array.isArray(metrics)) throw new TypeError(reviewMessage.notList('buildMetricForestSpec', 'metrics'));
  const rows = metrics
    .filter((m) => m.delta !== null)
    .map((m) => ({
      label: `${metricLabel(m.name)} ${m.higherIsBetter ? '↑' : '↓'}`,
      delta: round(m.delta),
      lo: round(m.ci?.[0] ?? m.delta),
      hi: round(m.ci?.[1] ?? m.delta),
      verdict: m.verdict,
      text: `${formatDelta(m.delta)} ${formatDeltaCi(m.ci)}`,
    }));
  return forest(rows, 'Metric deltas (head − base)', 'Δ with 95% CI (↑ higher is better, ↓ lower is better)', options);
}

/**
 * One metric's delta per slice group as a forest plot, grouped by slicing; groups too small to
 * trust are drawn as triangles with '(small)' in their label.
 *
 * @param metric the metric to show (default: the first metric of the first group)
 * @example
 * display(buildSliceDeltaSpec(diff.pairs[0].slices, 'auc'));
 */
export function buildSliceDeltaSpec(slices: SliceDelta[], metric?: string, options: ChartOptions = {}): VegaLiteSpec {
  if (!Array.isArray(slices)) throw new TypeError(reviewMessage.notList('buildSliceDeltaSpec', 'slices'));
  const name = metric ?? slices[0]?.metrics[0]?.name;
  const rows = slices.flatMap((s) => {
    const m = s.metrics.find((x) => x.name === name);
    if (!m || m.delta === null) return [];
    return [
      {
        label: `${s.slice} = ${s.group} (n=${s.rowsHead})${s.smallGroup ? ' (small)' : ''}`,
        delta: round(m.delta),
        lo: round(m.ci?.[0] ?? m.delta),
        hi: round(m.ci?.[1] ?? m.delta),
        verdict: m.verdict,
        text: `${formatDelta(m.delta)} ${formatDeltaCi(m.ci)}`,
        small: s.smallGroup ? 'small group' : 'large enough',
      },
    ];
  });
  const label = name ? metricLabel(name) : 'metric';
  return forest(rows, `${label} delta by slice`, `Δ ${label} with 95% CI`, options);
}

/** Optional counts the flip matrix's diagonal needs; the diff's `Flips` gives the off-diagonal. */
export interface FlipAgreement {
  bothRight?: number;
  bothWrong?: number;
}

/**
 * The flip matrix: base right/wrong × head right/wrong, with counts. The off-diagonal cells are
 * the regressions (base right → head wrong, red) and fixes (base wrong → head right, green). The
 * diff records only how many rows kept their correctness, so the diagonal shows the split when
 * given and otherwise the rows that kept their correctness, once, across both cells.
 *
 * @example
 * display(buildFlipMatrixSpec(diff.pairs[0].flips!));
 */
export function buildFlipMatrixSpec(flips: Flips & FlipAgreement, options: ChartOptions = {}): VegaLiteSpec {
  if (!flips || typeof flips.rows !== 'number') throw new TypeError(reviewMessage.notFlips('buildFlipMatrixSpec'));
  const kept = Math.max(0, flips.rows - flips.fixes - flips.regressions);
  const split = flips.bothRight !== undefined && flips.bothWrong !== undefined;
  const cell = (base: string, head: string, kind: string, count: number | null, text: string) => ({ base, head, kind, count, text });
  const values = [
    cell('base right', 'head right', 'kept', split ? flips.bothRight! : null, split ? `${flips.bothRight!.toLocaleString('en-US')}` : 'kept'),
    cell('base right', 'head wrong', 'regression', flips.regressions, `${flips.regressions.toLocaleString('en-US')} regressions`),
    cell('base wrong', 'head right', 'fix', flips.fixes, `${flips.fixes.toLocaleString('en-US')} fixes`),
    cell('base wrong', 'head wrong', 'kept', split ? flips.bothWrong! : null, split ? `${flips.bothWrong!.toLocaleString('en-US')}` : 'kept'),
  ];
  const order = ['base right', 'base wrong'];
  const heads = ['head right', 'head wrong'];
  return {
    ...frame(options, { title: 'Prediction flips', width: 260, height: 180 }),
    title: {
      text: options.title ?? 'Prediction flips',
      subtitle: split ? `${flips.rows.toLocaleString('en-US')} rows both evaluated` : `${kept.toLocaleString('en-US')} of ${flips.rows.toLocaleString('en-US')} rows kept their correctness`,
    },
    data: { values },
    encoding: {
      x: { field: 'head', type: 'nominal', sort: heads, title: null, axis: { orient: 'top', labelAngle: 0 } },
      y: { field: 'base', type: 'nominal', sort: order, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#8884', strokeWidth: 1 },
        encoding: {
          color: { field: 'kind', type: 'nominal', legend: null, scale: { domain: ['regression', 'fix', 'kept'], range: ['#d62728', '#2ca02c', '#8c8c8c'] } },
          opacity: { condition: { test: "datum.kind === 'kept'", value: 0.25 }, value: 0.75 },
          tooltip: [{ field: 'base' }, { field: 'head' }, { field: 'text', title: 'Rows' }],
        },
      },
      // White on the coloured cells; the theme's text colour (config.text) on the faint ones.
      { mark: { type: 'text', fontSize: 13, fontWeight: 600 }, encoding: { text: { field: 'text' }, color: { condition: { test: "datum.kind !== 'kept'", value: 'white' } } } },
    ],
  };
}
