import type { EvaluationView } from '../../src/core/evaluation/contract';
import { buildConfusionSpec } from '../../src/core/evaluation/charts/confusionSpec';
import { buildThresholdSpec } from '../../src/core/evaluation/charts/thresholdSpec';
import { renderEvaluationMarkdown } from '../../src/core/evaluation/view/reportMarkdown';
import type { EvaluationFromWebview, RenderedReport } from '../../src/protocol/evaluation';
import { collectCharts, gatesList, h, summaryLine, verdict, warningsList } from '../shared/evaluationParts';
import { chartsSection, type DrawnCharts } from './chartsSection';
import { metricsSection } from './metricsSection';
import { slicesSection } from './slicesSection';
import { thresholdControl, type AtThreshold } from './thresholdControl';
import { formatNumber } from '../../src/core/text/number';

export interface PanelDeps {
  save(request: EvaluationFromWebview['saveFile']): void;
  /** The threshold the user last chose for this evaluation (kept across reloads). */
  threshold?: number;
  onThreshold(t: number): void;
}

/**
 * Draws the whole Evaluation panel for one view: summary and verdict, metrics (with the
 * baseline), gates, the live threshold picker, every chart with exports, slices and fairness,
 * warnings. Resolves with what was drawn.
 */
export async function renderPanel(root: HTMLElement, view: EvaluationView, deps: PanelDeps): Promise<{ report: RenderedReport; dispose(): void }> {
  const doc = root.ownerDocument;
  const charts = collectCharts(view);
  const safeName = view.name.replace(/[^\w.-]+/g, '_') || 'evaluation';
  let drawn: DrawnCharts | undefined;
  const onExport = async (format: 'svg' | 'png' | 'markdown', id: string) => {
    const content = format === 'markdown' ? renderEvaluationMarkdown(view) : await drawn!.exportChart(id, format);
    deps.save({ format, suggestedName: format === 'markdown' ? `${safeName}.evaluation.md` : `${safeName}.${id}.${format}`, content });
  };
  const exportReport = doc.createElement('vscode-button');
  exportReport.id = 'export-markdown';
  exportReport.textContent = 'Export report (Markdown)';
  exportReport.addEventListener('click', () => void onExport('markdown', 'report'));
  const header = h(
    doc,
    'header',
    {},
    h(doc, 'h1', {}, `Evaluation: ${view.name}`),
    h(doc, 'div', { class: 'toolbar' }, verdict(doc, view), h(doc, 'span', { class: 'muted' }, summaryLine(view)), exportReport),
  );
  const chartPart = chartsSection(doc, charts, (f, id) => void onExport(f, id));
  let pendingConfusion: AtThreshold | undefined;
  let redrawing = false;
  // The slider fires faster than Vega redraws: keep only the latest threshold to draw.
  const redrawConfusion = async () => {
    if (redrawing || !drawn) return;
    redrawing = true;
    while (pendingConfusion) {
      const m = pendingConfusion;
      pendingConfusion = undefined;
      const labels = view.confusion!.labels;
      const matrix = [
        [m.tn, m.fp],
        [m.fn, m.tp],
      ];
      const t = formatNumber(m.threshold);
      await Promise.all([
        drawn.redraw('confusion', buildConfusionSpec({ labels, matrix }, { title: `Confusion matrix at threshold ${t}` })),
        view.thresholdTable ? drawn.redraw('thresholds', buildThresholdSpec(view.thresholdTable, { threshold: m.threshold })) : undefined,
      ]);
    }
    redrawing = false;
  };
  const initial = deps.threshold ?? view.threshold ?? 0.5;
  let first = true;
  const threshold = thresholdControl(doc, view, initial, (m) => {
    if (!first) deps.onThreshold(m.threshold);
    if (view.confusion && (!first || m.threshold !== view.threshold)) {
      pendingConfusion = m;
      void redrawConfusion();
    }
  });
  first = false;
  const sections: (HTMLElement | undefined)[] = [
    header,
    metricsSection(doc, view),
    view.gates.length ? h(doc, 'section', { id: 'gates' }, h(doc, 'h2', {}, 'Gates'), gatesList(doc, view.gates)) : undefined,
    threshold,
    chartPart.element,
    slicesSection(doc, view),
    view.warnings.length ? h(doc, 'section', { id: 'warnings' }, h(doc, 'h2', {}, 'Warnings'), warningsList(doc, view.warnings)) : undefined,
  ];
  root.replaceChildren(...sections.filter((s): s is HTMLElement => s !== undefined));
  drawn = await chartPart.draw();
  if (pendingConfusion) await redrawConfusion();
  return { report: { name: view.name, task: view.task, metrics: view.metrics.map((m) => m.label), charts: charts.map((c) => c.id) }, dispose: () => drawn?.finalize() };
}
