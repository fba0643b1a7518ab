/**
 * Pieces of a model card shared by the cell's compact card and the Model Card panel: numbers that
 * link to the run they came from, prose, "missing" lines, the metrics, gates and fairness tables, and the
 * styles (scoped under `.modelbook-card`). Prose is people's Markdown shown as text (never as HTML).
 */
import { CARD_FAIRNESS_METRICS, type CardFairness, type CardGate, type CardMetric, type CardSource, type ModelCard, type Sourced } from '../../src/core/card/contract';
import { FAIRNESS_HEADS, NOT_MEASURED } from '../../src/core/card/renderCommon';
import { metricLabel } from '../../src/core/report/cardCharts';
import { formatNumber } from '../../src/core/text/number';
import { h } from './evaluationParts';

/** What a view does when a number is clicked (undefined: no channel to the extension). */
export type OpenRun = ((source: CardSource) => void) | undefined;

/** Readable names of the prose fields a card lists as missing ('section.field'). */
const MISSING_LABELS: Record<string, string> = {
  'intendedUse.primary': 'intended use',
  'caveatsAndRecommendations.limitations': 'limitations',
  'ethicalConsiderations.prose': 'ethical considerations',
};

/** 'intendedUse.primary' → 'intended use'; unknown fields as written. */
export const missingLabel = (field: string): string =>
  MISSING_LABELS[field] ??
  field
    .replace(/^[^.]*\./, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();

/**
 * A number from a record as a button: shows the value, says its run and field, and opens the run
 * when clicked (the view's one click handler reads `data-run` and `data-field`).
 */
export function sourcedNumber(doc: Document, s: Sourced<number | null>, text = formatNumber(s.value)): HTMLElement {
  return h(doc, 'button', { type: 'button', class: 'run-link', 'data-run': s.source.runId, 'data-field': s.source.field, title: `From run ${s.source.runId}, ${s.source.field}: open the run` }, text);
}

/** Makes every `.run-link` under `root` open its run (one listener); without a channel the links are plain text. */
export function wireRunLinks(root: HTMLElement, openRun: OpenRun): void {
  if (!openRun) {
    for (const b of root.querySelectorAll<HTMLButtonElement>('button.run-link')) {
      b.disabled = true;
      b.title = `From run ${b.dataset.run}, ${b.dataset.field}`;
    }
    return;
  }
  root.addEventListener('click', (e) => {
    const b = (e.target as Element | null)?.closest<HTMLElement>('button.run-link');
    if (b?.dataset.run && b.dataset.field) openRun({ runId: b.dataset.run, field: b.dataset.field });
  });
}

/** People's Markdown as text: one paragraph per blank-line block, list lines kept as lines. */
export function prose(doc: Document, text: string, placeholder = 'Not written.'): HTMLElement {
  if (!text.trim()) return h(doc, 'p', { class: 'muted empty' }, placeholder);
  const blocks = text.split(/\n\s*\n/).map((b) => h(doc, 'p', {}, b.trim()));
  return h(doc, 'div', { class: 'prose' }, ...blocks);
}

/** A visible "Missing: …" line for required prose not written (nothing when complete). */
export function missingLine(doc: Document, fields: string[]): HTMLElement | undefined {
  if (!fields.length) return undefined;
  return h(doc, 'p', { class: 'missing', 'data-missing': fields.join(' ') }, `Missing: ${fields.map(missingLabel).join(', ')} — write it in the modelCard() cell.`);
}

/** An interval as `[low, high]` with both ends linked. */
function intervalCell(doc: Document, m: CardMetric): HTMLElement {
  const td = h(doc, 'td', { class: 'num muted' });
  if (!m.interval) td.append('—');
  else td.append('[', sourcedNumber(doc, m.interval.low), ', ', sourcedNumber(doc, m.interval.high), ']');
  return td;
}

/** Metrics with their intervals, every number a link to its run. */
export function cardMetricsTable(doc: Document, metrics: CardMetric[]): HTMLTableElement {
  const level = metrics.find((m) => m.interval)?.interval?.level;
  const head = h(
    doc,
    'tr',
    {},
    h(doc, 'th', { scope: 'col' }, 'Metric'),
    h(doc, 'th', { class: 'num', scope: 'col' }, 'Value'),
    h(doc, 'th', { class: 'num', scope: 'col' }, level ? `${Math.round(level * 100)}% CI` : 'CI'),
  );
  const rows = metrics.map((m) => h(doc, 'tr', { 'data-metric': m.name }, h(doc, 'td', {}, metricLabel(m.name)), h(doc, 'td', { class: 'num' }, sourcedNumber(doc, m.value)), intervalCell(doc, m)));
  return h(doc, 'table', { class: 'grid metrics' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows));
}

/** Gates: ✓/✗, the rule, the value (linked). */
export function cardGatesList(doc: Document, gates: CardGate[]): HTMLElement {
  if (!gates.length) return h(doc, 'p', { class: 'muted' }, 'No gates were set on the evaluation.');
  const items = gates.map((g) => {
    const li = h(
      doc,
      'li',
      { class: g.passed.value ? 'gate pass' : 'gate fail', 'data-passed': String(g.passed.value) },
      h(doc, 'span', { class: 'gate-mark' }, g.passed.value ? '✓ pass ' : '✗ fail '),
      h(doc, 'code', {}, g.name),
    );
    if (g.value) li.append(h(doc, 'span', { class: 'muted' }, ' — value '), sourcedNumber(doc, g.value));
    return li;
  });
  return h(doc, 'ul', { class: 'gates' }, ...items);
}

/**
 * Fairness per sensitive attribute: one row each, its group count and four metrics linked to the run
 * they were recomputed from, or, when not measured, the reason across the metric columns.
 */
export function cardFairnessTable(doc: Document, list: CardFairness[]): HTMLElement {
  const head = h(
    doc,
    'tr',
    {},
    h(doc, 'th', { scope: 'col' }, 'Attribute'),
    h(doc, 'th', { class: 'num', scope: 'col' }, 'Groups'),
    ...CARD_FAIRNESS_METRICS.map((m) => h(doc, 'th', { class: 'num', scope: 'col' }, FAIRNESS_HEADS[m])),
  );
  const rows = list.map((f) => {
    const name = h(doc, 'td', {}, f.attribute, ...(f.declared ? [h(doc, 'span', { class: 'muted' }, ' (declared)')] : []));
    const m = f.metrics;
    if (!m) {
      const reason = h(doc, 'td', { class: 'muted not-measured', colspan: String(CARD_FAIRNESS_METRICS.length + 1) }, f.reason ? NOT_MEASURED[f.reason] : 'not measured');
      return h(doc, 'tr', { 'data-attribute': f.attribute, 'data-measured': 'false' }, name, reason);
    }
    const cells = CARD_FAIRNESS_METRICS.map((k) => h(doc, 'td', { class: 'num', 'data-metric': k }, sourcedNumber(doc, m[k])));
    return h(doc, 'tr', { 'data-attribute': f.attribute, 'data-measured': 'true' }, name, h(doc, 'td', { class: 'num' }, formatNumber(f.groups)), ...cells);
  });
  return h(doc, 'table', { class: 'grid fairness' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows));
}

const HEADLINE = ['auc', 'accuracy', 'f1', 'precision', 'recall', 'balancedAccuracy', 'r2', 'rmse', 'mae'];

/** The few metrics a cell leads with (those the card has, in this order), else the first five. */
export function headlineCardMetrics(card: ModelCard): CardMetric[] {
  const all = card.sections.metrics.metrics;
  const picked = HEADLINE.map((n) => all.find((m) => m.name === n)).filter((m): m is CardMetric => m !== undefined);
  return (picked.length ? picked : all).slice(0, 5);
}

/** The styles of both views; colours only from VS Code's theme variables (with fallbacks). */
export function cardStyle(doc: Document): HTMLStyleElement {
  const s = doc.createElement('style');
  s.textContent = `
.modelbook-card { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); line-height: 1.45; }
.modelbook-card .muted { color: var(--vscode-descriptionForeground); }
.modelbook-card code { font-family: var(--vscode-editor-font-family, monospace); }
.modelbook-card table.grid { border-collapse: collapse; margin: 6px 0; }
.modelbook-card table.grid th, .modelbook-card table.grid td { padding: 3px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); text-align: left; vertical-align: top; }
.modelbook-card table.grid .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.modelbook-card .table-scroll { max-width: 100%; overflow-x: auto; }
.modelbook-card button.run-link { background: none; border: none; padding: 0; font: inherit; color: var(--vscode-textLink-foreground, #3794ff); cursor: pointer; text-decoration: underline dotted; text-underline-offset: 2px; }
.modelbook-card button.run-link:hover { color: var(--vscode-textLink-activeForeground, #3794ff); text-decoration: underline; }
.modelbook-card button.run-link:disabled { color: inherit; cursor: default; text-decoration: none; }
.modelbook-card .missing { color: var(--vscode-editorWarning-foreground, #bf8803); border-left: 3px solid currentColor; padding: 2px 8px; margin: 6px 0; }
.modelbook-card .missing-count { color: var(--vscode-editorWarning-foreground, #bf8803); font-weight: 600; }
.modelbook-card ul.gates { list-style: none; padding-left: 0; margin: 4px 0; }
.modelbook-card .gate.pass .gate-mark { color: var(--vscode-testing-iconPassed, #388a34); font-weight: 600; }
.modelbook-card .gate.fail .gate-mark { color: var(--vscode-errorForeground, #e51400); font-weight: 600; }
.modelbook-card .prose p { margin: 4px 0; white-space: pre-wrap; max-width: 80ch; }
.modelbook-card dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; }
.modelbook-card dl.facts dt { color: var(--vscode-descriptionForeground); }
.modelbook-card dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.modelbook-card .small-group { color: var(--vscode-editorWarning-foreground, #bf8803); }
.modelbook-card .older { color: var(--vscode-editorWarning-foreground, #bf8803); }
.modelbook-card .role { font-weight: 600; }
.modelbook-card .status-answered { color: var(--vscode-testing-iconPassed, #388a34); }
.modelbook-card .status-partial { color: var(--vscode-editorWarning-foreground, #bf8803); }
.modelbook-card .status-unanswered { color: var(--vscode-descriptionForeground); }
.modelbook-card button.open-panel { background: var(--vscode-button-background, #0e639c); color: var(--vscode-button-foreground, #fff); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 12px; border-radius: 2px; cursor: pointer; font: inherit; }
.modelbook-card button.open-panel:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
.modelbook-card button.open-panel:disabled { opacity: 0.5; cursor: default; }
.modelbook-card.compact .header { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
.modelbook-card.compact .part { margin-top: 8px; }
.modelbook-card.panel { max-width: 1200px; }
.modelbook-card.panel section { margin-bottom: 18px; }
.modelbook-card.panel section > h2 { border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); padding-bottom: 4px; }
.modelbook-card.panel h3 { font-size: 1em; margin: 12px 0 4px; color: var(--vscode-descriptionForeground); }
.modelbook-card.panel table.annex td, .modelbook-card.panel table.data td { white-space: normal; min-width: 6em; }
.modelbook-card.panel table.annex td:nth-child(2) { min-width: 24em; }
.modelbook-card.panel section:focus { outline: none; }
.modelbook-card.panel .charts { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.modelbook-card.panel .chart { border: 1px solid var(--vscode-editorWidget-border, #8884); border-radius: 4px; padding: 8px; max-width: 100%; box-sizing: border-box; overflow-x: auto; }
.modelbook-card.panel nav.toc { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 12px; }
.modelbook-card.panel nav.toc a { color: var(--vscode-textLink-foreground, #3794ff); text-decoration: none; }
.modelbook-card.panel nav.toc a.has-missing::after { content: ' !'; color: var(--vscode-editorWarning-foreground, #bf8803); font-weight: 600; }
.modelbook-card :focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: 1px; }`;
  return s;
}
