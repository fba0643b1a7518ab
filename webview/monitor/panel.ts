/**
 * The Monitoring panel for one report: status and summary, rules, the drift table (a row selects
 * the feature whose reference-vs-current distribution is drawn beside it), prediction drift,
 * data quality, performance and notes. Every section is a labelled region; the table's rows take
 * focus and answer Enter, Space and the arrow keys.
 */
import type { FeatureReport, MonitorReport } from '../../src/core/monitor/contract';
import type { RenderedMonitor } from '../../src/protocol/monitor';
import { formatNumber } from '../../src/core/text/number';
import { h } from '../shared/evaluationParts';
import { driftTable, formatP, monitorStyle, performanceTable, qualityList, rankFeatures, rulesList, sourceLine, statusLine } from '../shared/monitorParts';
import { renderVegaLite, type DrawnChart } from '../renderer/vegaLite';
import { distributionSpec } from './distributionSpec';

export interface PanelDeps {
  /** The feature selected last time (kept across reloads). */
  selected?: string;
  /** The user selected a feature. */
  onSelect(name: string): void;
}

/** Wide enough to read 20 bins, narrow enough to sit beside the drift table in a 1280-pixel window. */
const CHART_WIDTH = 340;

function section(doc: Document, id: string, title: string, ...children: (Node | string)[]): HTMLElement {
  return h(doc, 'section', { id, 'aria-labelledby': `${id}-title` }, h(doc, 'h2', { id: `${id}-title` }, title), ...children);
}

/** The statistics under a chart: every one the report has for the column. */
function statsLine(doc: Document, f: FeatureReport): HTMLElement {
  const d = f.drift;
  if (!d) return h(doc, 'p', { class: 'muted stats' }, f.skipped ?? 'No drift result.');
  const s = d.statistics;
  const parts = [
    `${d.method} effect ${formatNumber(d.effect)} (threshold ${formatNumber(d.threshold)}) → ${d.drifted ? 'drifted' : 'stable'}`,
    `PSI ${formatNumber(s.psi)} (${s.psiBand})`,
    `Jensen–Shannon ${formatNumber(s.jensenShannon)}`,
  ];
  if (s.ks) parts.push(`KS D ${formatNumber(s.ks.d)} [${formatNumber(s.ks.ci.lower)}, ${formatNumber(s.ks.ci.upper)}], p ${formatP(s.ks.pValue)}`);
  if (s.chi2) parts.push(`χ² ${formatNumber(s.chi2.statistic)} (df ${s.chi2.df}), p ${formatP(s.chi2.pValue)}`);
  if (s.wasserstein) parts.push(`Wasserstein ${formatNumber(s.wasserstein.distance)}${s.wasserstein.normalized === null ? '' : ` (${formatNumber(s.wasserstein.normalized)} sd)`}`);
  parts.push(`${formatNumber(f.referenceCount)} reference / ${formatNumber(f.currentCount)} current values`);
  return h(doc, 'p', { class: 'muted stats' }, parts.join(' · '), h(doc, 'br'), h(doc, 'span', {}, `Method: ${d.methodReason}.`));
}

const chartLabel = (f: FeatureReport) => `Distribution of ${f.name}: reference and current shares on the same ${f.chart?.kind === 'categories' ? 'categories' : 'bins'}`;

/** Draws the panel; resolves once the selected feature's and the prediction's charts are drawn. */
export async function renderPanel(root: HTMLElement, report: MonitorReport, deps: PanelDeps): Promise<{ report: RenderedMonitor; dispose(): void }> {
  const doc = root.ownerDocument;
  const features = rankFeatures(report);
  const withChart = features.filter((f) => f.chart);
  let selected = features.find((f) => f.name === deps.selected && f.chart) ?? withChart[0];

  const table = driftTable(doc, features, report.prediction);
  table.setAttribute('aria-label', 'Feature drift, worst first: select a row to see its distribution');
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-feature]')];
  const featureChart = h(doc, 'div', { class: 'chart-body', role: 'img', tabindex: '0' });
  const featureStats = h(doc, 'div', {});
  const chartCard = h(doc, 'div', { class: 'chart feature-chart', 'aria-live': 'polite' }, featureChart, featureStats);
  const drawn = new Map<string, DrawnChart>();
  let draws = Promise.resolve();

  const drawFeature = async (f: FeatureReport | undefined): Promise<void> => {
    drawn.get('feature')?.finalize();
    drawn.delete('feature');
    if (!f?.chart) {
      featureChart.replaceChildren(h(doc, 'p', { class: 'muted' }, 'No feature has a distribution to draw.'));
      featureStats.replaceChildren();
      return;
    }
    featureChart.dataset.chart = `feature-${f.name}`;
    featureChart.setAttribute('aria-label', chartLabel(f));
    featureStats.replaceChildren(statsLine(doc, f));
    drawn.set('feature', await renderVegaLite(distributionSpec(f.name, f.chart, CHART_WIDTH), featureChart, { actions: false }));
  };

  const select = (name: string, focus: boolean) => {
    const f = features.find((x) => x.name === name);
    if (!f) return;
    selected = f;
    for (const r of rows) {
      const on = r.dataset.feature === name;
      r.setAttribute('aria-selected', String(on));
      r.tabIndex = on ? 0 : -1;
      if (on && focus) r.focus();
    }
    deps.onSelect(name);
    draws = draws.then(() => drawFeature(f));
  };

  rows.forEach((r, i) => {
    r.classList.add('selectable');
    r.setAttribute('aria-selected', String(r.dataset.feature === selected?.name));
    r.tabIndex = r.dataset.feature === selected?.name || (!selected && i === 0) ? 0 : -1;
    r.addEventListener('click', () => select(r.dataset.feature!, false));
    r.addEventListener('keydown', (e) => {
      const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      if (move) {
        const next = rows[Math.max(0, Math.min(rows.length - 1, i + move))];
        select(next.dataset.feature!, true);
        e.preventDefault();
      } else if (e.key === 'Enter' || e.key === ' ') {
        select(r.dataset.feature!, true);
        e.preventDefault();
      }
    });
  });

  const sections: HTMLElement[] = [
    monitorStyle(doc),
    h(doc, 'header', {}, h(doc, 'h1', {}, `Monitoring: ${report.current.source}`), statusLine(doc, report), sourceLine(doc, report)),
    section(doc, 'rules', 'Rules', rulesList(doc, report.rules)),
    section(doc, 'drift', 'Feature drift', h(doc, 'div', { class: 'drift-layout' }, h(doc, 'div', { class: 'table-scroll' }, table), chartCard)),
  ];
  const predictionChart = h(doc, 'div', { class: 'chart-body', role: 'img', tabindex: '0', 'data-chart': 'prediction' });
  const prediction = report.prediction;
  if (prediction) {
    predictionChart.setAttribute('aria-label', chartLabel(prediction));
    sections.push(section(doc, 'prediction', `Prediction drift: ${prediction.name}`, h(doc, 'div', { class: 'chart' }, predictionChart, statsLine(doc, prediction))));
  }
  sections.push(section(doc, 'quality', 'Data quality', qualityList(doc, report)));
  if (report.performance)
    sections.push(
      section(
        doc,
        'performance',
        'Performance',
        h(
          doc,
          'p',
          { class: 'muted' },
          `${report.performance.task}, ${formatNumber(report.performance.rows)} labelled rows (labels: ${report.performance.labels}); ✗ worse: the current interval lies wholly on the worse side of the reference.`,
        ),
        h(doc, 'div', { class: 'table-scroll' }, performanceTable(doc, report.performance)),
      ),
    );
  if (report.notes.length) sections.push(section(doc, 'notes', 'Notes', h(doc, 'ul', {}, ...report.notes.map((n) => h(doc, 'li', {}, n)))));
  for (const s of sections) if (s.tagName === 'SECTION') s.tabIndex = -1;
  const container = h(doc, 'div', { class: 'modelbook-monitor panel' }, ...sections);
  root.replaceChildren(container);

  const [featureDrawn, predictionDrawn] = await Promise.all([
    drawFeature(selected).then(() => !!selected?.chart),
    prediction?.chart
      ? renderVegaLite(distributionSpec(`${prediction.name} (prediction)`, prediction.chart, CHART_WIDTH), predictionChart, { actions: false }).then((c) => {
          drawn.set('prediction', c);
          return true;
        })
      : false,
  ]);
  // What is on screen, read back from the page: the table's rows and the charts that hold drawn marks.
  const charts = [...(featureDrawn && selected ? [`feature-${selected.name}`] : []), ...(predictionDrawn ? ['prediction'] : [])].filter((id) =>
    container.querySelector(`[data-chart="${id}"] svg .role-mark`),
  );
  return {
    report: { status: report.summary.status, features: rows.map((r) => r.dataset.feature!), charts, ...(selected ? { selected: selected.name } : {}) },
    dispose: () => drawn.forEach((c) => c.finalize()),
  };
}
