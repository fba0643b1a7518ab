/**
 * Pieces of an evaluation report shared by the cell's compact report and the Evaluation panel:
 * the chart list, headline metrics, gate results and warnings, as DOM built from the view.
 */
import type { EvaluationView, MetricView } from '../../src/core/evaluation/contract';
import { buildEvaluationCharts } from '../../src/core/evaluation/view/buildCharts';
import type { VegaLiteSpec } from '../../src/core/evaluation/charts/common';
import { formatCi } from '../../src/core/evaluation/format';
import type { GateResult } from '../../src/core/evaluation/gates/gateTypes';
import type { MetricWarning } from '../../src/core/evaluation/metrics/types';
import type { MetricName } from '../../src/core/evaluation/metrics/metricCatalog';
import { formatNumber } from '../../src/core/text/number';

export interface ChartEntry {
  id: string;
  title: string;
  spec: VegaLiteSpec;
}

/** Every chart of the view with a stable id, in reading order. */
export function collectCharts(view: EvaluationView): ChartEntry[] {
  const c = buildEvaluationCharts(view);
  const named: [string, string, VegaLiteSpec | undefined][] = [
    ['roc', 'ROC curve', c.roc],
    ['pr', 'Precision–recall curve', c.pr],
    ['calibration', 'Calibration', c.calibration],
    ['confusion', 'Confusion matrix', c.confusion],
    ['thresholds', 'Threshold sweep', c.thresholds],
    ['residuals', 'Residuals', c.residuals],
    ['residualHistogram', 'Residual histogram', c.residualHistogram],
  ];
  const out = named.filter((n): n is [string, string, VegaLiteSpec] => n[2] !== undefined).map(([id, title, spec]) => ({ id, title, spec }));
  c.slices.forEach((spec, i) => out.push({ id: `slice-${i}`, title: typeof spec.title === 'string' ? spec.title : `Slice ${i + 1}`, spec }));
  return out;
}

/** The charts the cell shows: ROC + PR (binary), one-vs-rest ROC + confusion (multiclass), residuals (regression). */
export function keyChartIds(view: EvaluationView): string[] {
  return view.task === 'binary' ? ['roc', 'pr'] : view.task === 'multiclass' ? ['roc', 'confusion'] : ['residuals'];
}

const HEADLINE: Record<EvaluationView['task'], MetricName[]> = {
  binary: ['auc', 'averagePrecision', 'f1', 'precision', 'recall', 'logLoss'],
  multiclass: ['accuracy', 'balancedAccuracy', 'f1', 'auc', 'logLoss'],
  regression: ['rmse', 'mae', 'r2', 'mape'],
};

/** The few metrics a cell report leads with (those the view has). */
export function headlineMetrics(view: EvaluationView): MetricView[] {
  return HEADLINE[view.task].map((n) => view.metrics.find((m) => m.name === n)).filter((m): m is MetricView => m !== undefined);
}

export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** A metrics table: name, value, interval. */
export function metricsTable(doc: Document, metrics: MetricView[]): HTMLTableElement {
  const level = metrics.find((m) => m.ci)?.ci?.level;
  const head = h(doc, 'tr', {}, h(doc, 'th', {}, 'Metric'), h(doc, 'th', { class: 'num' }, 'Value'), h(doc, 'th', { class: 'num' }, level ? `${Math.round(level * 100)}% CI` : 'CI'));
  const rows = metrics.map((m) =>
    h(doc, 'tr', { 'data-metric': m.name }, h(doc, 'td', {}, m.label), h(doc, 'td', { class: 'num' }, formatNumber(m.value)), h(doc, 'td', { class: 'num muted' }, formatCi(m.ci))),
  );
  return h(doc, 'table', { class: 'grid metrics' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows));
}

/** Gate results: ✓/✗, the gate, and why. */
export function gatesList(doc: Document, gates: GateResult[]): HTMLElement {
  const items = gates.map((g) =>
    h(
      doc,
      'li',
      { class: g.passed ? 'gate pass' : 'gate fail', 'data-passed': String(g.passed) },
      h(doc, 'span', { class: 'gate-mark' }, g.passed ? '✓ pass ' : '✗ fail '),
      h(doc, 'code', {}, g.gate),
      h(doc, 'span', { class: 'muted' }, ` — ${g.reason}`),
    ),
  );
  return h(doc, 'ul', { class: 'gates' }, ...items);
}

/** The verdict line: passed/failed gates, or none. */
export function verdict(doc: Document, view: EvaluationView): HTMLElement {
  const failed = view.gates.filter((g) => !g.passed).length;
  const text = view.gates.length === 0 ? 'no gates' : failed ? `FAILED: ${failed}/${view.gates.length} gates` : `PASSED: ${view.gates.length}/${view.gates.length} gates`;
  return h(doc, 'span', { class: `verdict ${view.gates.length === 0 ? 'muted' : failed ? 'fail' : 'pass'}` }, text);
}

export function warningsList(doc: Document, warnings: MetricWarning[]): HTMLElement {
  return h(doc, 'ul', { class: 'warnings' }, ...warnings.map((w) => h(doc, 'li', { class: 'warn' }, `⚠ ${w.message}`)));
}

/** One line about what was evaluated: task, rows, threshold, bootstrap. */
export function summaryLine(view: EvaluationView): string {
  const parts = [`${view.task}`, `${formatNumber(view.rows)} rows`];
  if (view.task === 'binary' && view.positiveLabel !== undefined) parts.push(`positive: ${String(view.positiveLabel)}`, `threshold ${formatNumber(view.threshold)}`);
  if (view.bootstrap) parts.push(`${view.bootstrap.resamples} bootstrap resamples`);
  if (view.baseline) parts.push(`baseline: ${view.baseline.name}`);
  return parts.join(' · ');
}
