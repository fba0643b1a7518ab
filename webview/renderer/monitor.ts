/**
 * The compact monitoring report in a cell output (`application/vnd.modelbook.monitor+json`): status
 * and summary, fired rules, the drift table worst first, data-quality problems, performance changes,
 * and a button that asks the extension to open the Monitoring panel with this report.
 */
import type { MonitorReport } from '../../src/core/monitor/contract';
import type { RenderedMonitor } from '../../src/protocol/monitor';
import { h } from '../shared/evaluationParts';
import { driftTable, monitorStyle, performanceTable, qualityList, rankFeatures, rulesList, sourceLine, statusLine } from '../shared/monitorParts';
import { formatNumber } from '../../src/core/text/number';
import { hostPoster, type RendererChannel } from './messaging';

/** The most metrics a cell shows (worse ones first); the panel shows them all. */
const CELL_METRICS = 6;

/** Draws the report into `element` and says so to the extension. */
export function renderMonitor(report: MonitorReport, element: HTMLElement, channel: RendererChannel): RenderedMonitor {
  const doc = element.ownerDocument;
  const post = hostPoster(channel);
  const open = h(doc, 'button', { class: 'open-panel', type: 'button' }, 'Open Monitoring panel');
  if (!post) {
    open.setAttribute('disabled', '');
    open.title = 'Run the command "Modelbook: Open Monitoring Report…" instead (this output has no channel to the extension).';
  }
  open.addEventListener('click', () => post?.('openMonitoring', { report }));
  const features = rankFeatures(report);
  const fired = report.rules.filter((x) => x.fired);
  const root = h(
    doc,
    'div',
    { class: 'modelbook-monitor compact' },
    monitorStyle(doc),
    h(doc, 'div', { class: 'header' }, h(doc, 'strong', {}, 'Monitoring'), statusLine(doc, report), open),
    sourceLine(doc, report),
  );
  if (fired.length) root.append(h(doc, 'div', { class: 'part', 'data-part': 'rules' }, h(doc, 'strong', {}, 'Fired rules'), rulesList(doc, report.rules, { firedOnly: true })));
  root.append(h(doc, 'div', { class: 'part table-scroll', 'data-part': 'drift' }, h(doc, 'strong', {}, 'Drift, worst first'), driftTable(doc, features, report.prediction)));
  root.append(h(doc, 'div', { class: 'part', 'data-part': 'quality' }, h(doc, 'strong', {}, 'Data quality'), qualityList(doc, report)));
  if (report.performance) {
    const more = report.performance.metrics.length - CELL_METRICS;
    root.append(
      h(
        doc,
        'div',
        { class: 'part table-scroll', 'data-part': 'performance' },
        h(doc, 'strong', {}, `Performance on ${formatNumber(report.performance.rows)} labelled rows`),
        performanceTable(doc, report.performance, CELL_METRICS),
        ...(more > 0 ? [h(doc, 'div', { class: 'muted' }, `${more} more metrics in the Monitoring panel.`)] : []),
      ),
    );
  }
  if (report.notes.length) root.append(h(doc, 'ul', { class: 'notes muted' }, ...report.notes.map((n) => h(doc, 'li', {}, n))));
  element.replaceChildren(root);
  // What is on screen, read back from the drawn rows (tests in a real VS Code see it through the extension).
  const shown = [...root.querySelectorAll<HTMLElement>('tr[data-feature]')].map((r) => r.dataset.feature!);
  const rendered: RenderedMonitor = { status: (root.querySelector<HTMLElement>('.status')?.dataset.status ?? report.summary.status) as RenderedMonitor['status'], features: shown, charts: [] };
  post?.('monitorRendered', rendered);
  return rendered;
}
