/**
 * The compact evaluation report in a cell output (`application/vnd.modelbook.evaluation+json`):
 * verdict, headline metrics with intervals, gates, key charts, warnings, and a button that asks
 * the extension to open the Evaluation panel with this evaluation.
 */
import type { EvaluationView } from '../../src/core/evaluation/contract';
import type { RenderedReport } from '../../src/protocol/evaluation';
import { collectCharts, gatesList, h, headlineMetrics, keyChartIds, metricsTable, summaryLine, verdict, warningsList } from '../shared/evaluationParts';
import { hostPoster, type RendererChannel } from './messaging';
import { renderVegaLite } from './vegaLite';

/** Draws the report into `element`; resolves with what was drawn and a finalizer for the charts. */
export async function renderEvaluation(view: EvaluationView, element: HTMLElement, channel: RendererChannel): Promise<{ report: RenderedReport; dispose(): void }> {
  const doc = element.ownerDocument;
  const post = hostPoster(channel);
  element.replaceChildren();
  const metrics = headlineMetrics(view);
  const open = h(doc, 'button', { class: 'open-panel', type: 'button' }, 'Open Evaluation panel');
  if (!post) {
    open.setAttribute('disabled', '');
    open.title = 'Run the command "Modelbook: Open Evaluation Panel" instead (this output has no channel to the extension).';
  }
  open.addEventListener('click', () => post?.('openEvaluation', { view }));
  const charts = collectCharts(view).filter((c) => keyChartIds(view).includes(c.id));
  const chartBoxes = charts.map((c) => h(doc, 'div', { class: 'chart', 'data-chart': c.id }));
  const root = h(
    doc,
    'div',
    { class: 'modelbook-evaluation' },
    style(doc),
    h(doc, 'div', { class: 'header' }, h(doc, 'strong', {}, `Evaluation: ${view.name}`), verdict(doc, view), open),
    h(doc, 'div', { class: 'muted' }, summaryLine(view)),
    metricsTable(doc, metrics),
  );
  if (view.gates.length) root.append(gatesList(doc, view.gates));
  root.append(h(doc, 'div', { class: 'charts' }, ...chartBoxes));
  if (view.warnings.length) root.append(warningsList(doc, view.warnings));
  element.append(root);
  const results = await Promise.all(charts.map((c, i) => renderVegaLite(c.spec, chartBoxes[i], { actions: false })));
  const report: RenderedReport = { name: view.name, task: view.task, metrics: metrics.map((m) => m.label), charts: charts.map((c) => c.id) };
  post?.('rendered', report);
  return { report, dispose: () => results.forEach((r) => r.finalize()) };
}

function style(doc: Document): HTMLStyleElement {
  const s = doc.createElement('style');
  s.textContent = `
.modelbook-evaluation { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); }
.modelbook-evaluation .header { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.modelbook-evaluation .muted { color: var(--vscode-descriptionForeground); }
.modelbook-evaluation .pass { color: var(--vscode-testing-iconPassed, #388a34); }
.modelbook-evaluation .fail { color: var(--vscode-testing-iconFailed, #e51400); }
.modelbook-evaluation .warn { color: var(--vscode-editorWarning-foreground, #bf8803); }
.modelbook-evaluation table { border-collapse: collapse; margin: 6px 0; }
.modelbook-evaluation th, .modelbook-evaluation td { padding: 2px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); text-align: left; white-space: nowrap; }
.modelbook-evaluation .num { text-align: right; font-variant-numeric: tabular-nums; }
.modelbook-evaluation ul { margin: 4px 0; padding-left: 18px; }
.modelbook-evaluation .charts { display: flex; flex-wrap: wrap; gap: 12px; }
.modelbook-evaluation .charts > .chart { max-width: 100%; overflow-x: auto; }
.modelbook-evaluation button.open-panel { background: var(--vscode-button-background, #0e639c); color: var(--vscode-button-foreground, #fff); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 12px; border-radius: 2px; cursor: pointer; }
.modelbook-evaluation button.open-panel:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
.modelbook-evaluation button.open-panel:disabled { opacity: 0.5; cursor: default; }`;
  return s;
}
