/**
 * Pieces of a monitoring report shared by the cell's compact report and the Monitoring panel: the
 * status line, rules, the drift table (worst first), data-quality problems and performance, as DOM
 * built from the MonitorReport, plus their styles (scoped under `.modelbook-monitor`).
 */
import type { FeatureReport, MetricComparison, MonitorReport, RuleResult } from '../../src/core/monitor/contract';
import { summaryLine } from '../../src/core/monitor/report/renderText';
import { formatNumber, formatShare } from '../../src/core/text/number';
import { h } from './evaluationParts';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v));
const share = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatShare(v));
/** A p-value as people read it: '< 0.0001' below that, else four significant digits. */
export const formatP = (p: number): string => (p < 1e-4 ? '< 0.0001' : formatNumber(p));
const pValue = (p: number | null) => (p === null ? '—' : formatP(p));

/** How far past its threshold a feature's drift is (effect / threshold); skipped features rank last. */
function severity(f: FeatureReport): number {
  return f.drift ? f.drift.effect / (f.drift.threshold || 1) : -1;
}

/**
 * The features worst first: drifted before stable, then by effect relative to its threshold.
 *
 * @example
 * rankFeatures(report).map((f) => f.name); // ['delay', 'origin', 'distance', …]
 */
export function rankFeatures(r: MonitorReport): FeatureReport[] {
  return [...r.features].sort((a, b) => Number(b.drift?.drifted ?? false) - Number(a.drift?.drifted ?? false) || severity(b) - severity(a) || a.name.localeCompare(b.name));
}

const STATUS_TEXT: Record<MonitorReport['summary']['status'], string> = { ok: '✓ OK', warning: '! WARNING', critical: '✗ CRITICAL' };

/** The status badge and the summary sentence (features drifted, predictions, invalid rows, rules fired). */
export function statusLine(doc: Document, r: MonitorReport): HTMLElement {
  const sentence = summaryLine(r).replace(/^[^:]*:\s*/, '');
  return h(
    doc,
    'div',
    { class: 'status-line' },
    h(doc, 'span', { class: `status tone-${r.summary.status}`, 'data-status': r.summary.status }, STATUS_TEXT[r.summary.status]),
    h(doc, 'span', {}, sentence),
  );
}

/** Where the numbers come from: reference and current sources with their rows, and when. */
export function sourceLine(doc: Document, r: MonitorReport): HTMLElement {
  const when = r.createdAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  return h(
    doc,
    'div',
    { class: 'muted source' },
    `reference ${r.reference.source} (${formatNumber(r.reference.rows)} rows) ↔ current ${r.current.source} (${formatNumber(r.current.rows)} rows) · ${when}`,
  );
}

/** Rules as a list: fired ones first (critical before warning), each with its value and bound. */
export function rulesList(doc: Document, rules: RuleResult[], options: { firedOnly?: boolean } = {}): HTMLElement {
  const rank = (x: RuleResult) => (x.fired ? (x.severity === 'critical' ? 0 : 1) : 2);
  const shown = [...rules].filter((x) => !options.firedOnly || x.fired).sort((a, b) => rank(a) - rank(b));
  const items = shown.map((x) =>
    h(
      doc,
      'li',
      { class: `rule ${x.fired ? `fired tone-${x.severity}` : 'quiet'}`, 'data-rule': x.rule, 'data-fired': String(x.fired), 'data-severity': x.severity },
      h(doc, 'span', { class: `severity tone-${x.fired ? x.severity : 'none'}` }, x.fired ? (x.severity === 'critical' ? '✗ critical' : '! warning') : `· ${x.severity}`),
      h(doc, 'code', {}, x.rule),
      h(doc, 'span', { class: 'muted' }, ` — value ${num(x.value)}${x.bound === null ? '' : `, bound ${num(x.bound)}`}${x.note ? ` (${x.note})` : ''}${x.fired ? ': fired' : ''}`),
    ),
  );
  if (!items.length) items.push(h(doc, 'li', { class: 'muted' }, options.firedOnly ? 'No rule fired.' : 'No rules.'));
  return h(doc, 'ul', { class: 'rules' }, ...items);
}

/** One drift table row's cells: feature, type, method, effect vs threshold, PSI and band, p-value, drifted. */
function driftCells(doc: Document, f: FeatureReport): HTMLElement[] {
  const d = f.drift;
  if (!d) return [h(doc, 'td', {}, f.name), h(doc, 'td', { class: 'muted' }, f.type), h(doc, 'td', { class: 'muted', colspan: '5' }, f.skipped ?? 'no drift result')];
  const ratio = Math.min(1, d.effect / (2 * (d.threshold || 1)));
  const bar = h(doc, 'span', { class: `effect-bar${d.drifted ? ' over' : ''}`, 'aria-hidden': 'true' }, h(doc, 'span', { style: `width: ${(ratio * 100).toFixed(1)}%` }));
  const band = d.statistics.psiBand;
  return [
    h(doc, 'td', {}, f.name),
    h(doc, 'td', { class: 'muted' }, f.type),
    h(doc, 'td', { title: d.methodReason }, d.method),
    h(doc, 'td', { class: 'num', 'data-col': 'effect' }, `${num(d.effect)} / ${num(d.threshold)} `, bar),
    h(doc, 'td', { class: 'num', 'data-col': 'psi' }, `${num(d.statistics.psi)} `, h(doc, 'span', { class: `band band-${band}` }, band)),
    h(doc, 'td', { class: 'num', 'data-col': 'p' }, pValue(d.pValue)),
    h(doc, 'td', { 'data-col': 'drifted', class: d.drifted ? 'tone-critical' : 'muted' }, d.drifted ? '✗ drifted' : 'stable'),
  ];
}

/** The drift table, worst first; rows carry `data-feature`. */
export function driftTable(doc: Document, features: FeatureReport[], prediction: FeatureReport | null = null): HTMLTableElement {
  const heads = ['Feature', 'Type', 'Method', 'Effect / threshold', 'PSI (band)', 'p-value', 'Drift'];
  const head = h(doc, 'tr', {}, ...heads.map((t, i) => h(doc, 'th', { class: i >= 3 && i <= 5 ? 'num' : '', scope: 'col' }, t)));
  const rows = features.map((f) => h(doc, 'tr', { 'data-feature': f.name, class: f.drift?.drifted ? 'drifted' : '' }, ...driftCells(doc, f)));
  if (prediction)
    rows.push(
      h(
        doc,
        'tr',
        { 'data-prediction': prediction.name, class: `prediction${prediction.drift?.drifted ? ' drifted' : ''}` },
        ...driftCells(doc, { ...prediction, name: `${prediction.name} (prediction)` }),
      ),
    );
  return h(doc, 'table', { class: 'grid drift' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows));
}

/** Every data-quality problem of the current batch as sentences (empty: none). */
export function qualityProblems(r: MonitorReport): { feature?: string; kind: string; text: string }[] {
  const out: { feature?: string; kind: string; text: string }[] = [];
  const q = r.quality;
  if (q.invalidRows)
    out.push({
      kind: 'invalid',
      text: `${formatNumber(q.invalidRows)} of ${formatNumber(q.rows)} rows (${share(q.invalidShare)}) fail the ${q.source === 'schema' ? 'input schema' : 'reference profile'}`,
    });
  if (q.missingColumns.length) out.push({ kind: 'missingColumns', text: `Columns absent from the current batch: ${q.missingColumns.join(', ')}` });
  for (const f of rankFeatures(r)) {
    const fq = f.quality;
    if (fq.missingCurrent > fq.missingReference) out.push({ feature: f.name, kind: 'missing', text: `${f.name}: ${share(fq.missingCurrent)} missing (reference ${share(fq.missingReference)})` });
    if (fq.outOfRange) out.push({ feature: f.name, kind: 'outOfRange', text: `${f.name}: ${share(fq.outOfRange)} of values outside the training range` });
    if (fq.newCategoryRows) {
      const listed = fq.newCategories
        .slice(0, 5)
        .map((c) => `${c.value} (${formatNumber(c.count)})`)
        .join(', ');
      const more = fq.newCategories.length > 5 ? `, and ${fq.newCategories.length - 5} more listed` : '';
      out.push({ feature: f.name, kind: 'newCategories', text: `${f.name}: ${formatNumber(fq.newCategoryRows)} rows with categories unseen in training: ${listed}${more}` });
    }
  }
  return out;
}

export function qualityList(doc: Document, r: MonitorReport): HTMLElement {
  const problems = qualityProblems(r);
  if (!problems.length) return h(doc, 'p', { class: 'muted quality-none' }, `No data-quality problems in ${formatNumber(r.quality.rows)} rows.`);
  return h(doc, 'ul', { class: 'quality' }, ...problems.map((p) => h(doc, 'li', { 'data-problem': p.kind, ...(p.feature ? { 'data-feature': p.feature } : {}) }, p.text)));
}

/** The metrics whose change matters most first: worse ones, then by size of the change. */
function rankMetrics(metrics: MetricComparison[]): MetricComparison[] {
  return [...metrics].sort((a, b) => Number(b.worse) - Number(a.worse) || Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
}

/** Performance against the reference: metric, reference, current with its interval, change. */
export function performanceTable(doc: Document, perf: NonNullable<MonitorReport['performance']>, limit = Infinity): HTMLTableElement {
  const metrics = rankMetrics(perf.metrics).slice(0, limit);
  const level = metrics.find((m) => m.currentCi)?.currentCi?.level;
  const head = h(
    doc,
    'tr',
    {},
    ...['Metric', 'Reference', 'Current', level ? `${Math.round(level * 100)}% CI` : 'CI', 'Change'].map((t, i) => h(doc, 'th', { class: i ? 'num' : '', scope: 'col' }, t)),
  );
  const rows = metrics.map((m) => {
    const ci = m.currentCi ? `[${num(m.currentCi.lower)}, ${num(m.currentCi.upper)}]` : '—';
    const delta = m.delta === null ? '—' : `${m.delta > 0 ? '+' : ''}${formatNumber(m.delta)}`;
    return h(
      doc,
      'tr',
      { 'data-metric': m.name, 'data-worse': String(m.worse) },
      h(doc, 'td', {}, m.label),
      h(doc, 'td', { class: 'num' }, num(m.reference)),
      h(doc, 'td', { class: 'num' }, num(m.current)),
      h(doc, 'td', { class: 'num muted' }, ci),
      h(doc, 'td', { class: `num ${m.worse ? 'tone-critical' : ''}` }, m.worse ? `${delta} ✗ worse` : delta),
    );
  });
  return h(doc, 'table', { class: 'grid performance' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows));
}

/** The styles of both views; colours only from VS Code's theme variables (with fallbacks). */
export function monitorStyle(doc: Document): HTMLStyleElement {
  const s = doc.createElement('style');
  s.textContent = `
.modelbook-monitor { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); }
.modelbook-monitor .muted { color: var(--vscode-descriptionForeground); }
.modelbook-monitor .status-line { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.modelbook-monitor .status { font-weight: 600; padding: 1px 8px; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; }
.modelbook-monitor .tone-ok { color: var(--vscode-testing-iconPassed, #388a34); }
.modelbook-monitor .tone-warning { color: var(--vscode-editorWarning-foreground, #bf8803); }
.modelbook-monitor .tone-critical { color: var(--vscode-errorForeground, #e51400); }
.modelbook-monitor .tone-none { color: var(--vscode-descriptionForeground); }
.modelbook-monitor ul { margin: 4px 0; padding-left: 18px; }
.modelbook-monitor ul.rules { list-style: none; padding-left: 0; }
.modelbook-monitor ul.rules li { margin: 2px 0; }
.modelbook-monitor .severity { display: inline-block; min-width: 6.5em; font-weight: 600; }
.modelbook-monitor li.quiet .severity { font-weight: normal; }
.modelbook-monitor code { font-family: var(--vscode-editor-font-family, monospace); }
.modelbook-monitor table.grid { border-collapse: collapse; margin: 6px 0; }
.modelbook-monitor table.grid th, .modelbook-monitor table.grid td { padding: 3px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); text-align: left; white-space: nowrap; }
.modelbook-monitor table.grid .num { text-align: right; font-variant-numeric: tabular-nums; }
.modelbook-monitor .table-scroll { max-width: 100%; overflow-x: auto; }
.modelbook-monitor .effect-bar { display: inline-block; width: 48px; height: 6px; vertical-align: middle; background: var(--vscode-editorWidget-border, #8884); border-radius: 3px; overflow: hidden; position: relative; }
.modelbook-monitor .effect-bar > span { display: block; height: 100%; background: var(--vscode-charts-blue, #3794ff); }
.modelbook-monitor .effect-bar.over > span { background: var(--vscode-charts-red, #f14c4c); }
.modelbook-monitor .effect-bar::after { content: ''; position: absolute; left: 50%; top: 0; bottom: 0; border-left: 1px solid var(--vscode-foreground); }
.modelbook-monitor .band { font-size: 0.85em; padding: 0 4px; border-radius: 2px; border: 1px solid var(--vscode-editorWidget-border, #8884); }
.modelbook-monitor .band-moderate { color: var(--vscode-editorWarning-foreground, #bf8803); border-color: currentColor; }
.modelbook-monitor .band-major { color: var(--vscode-errorForeground, #e51400); border-color: currentColor; }
.modelbook-monitor button.open-panel { background: var(--vscode-button-background, #0e639c); color: var(--vscode-button-foreground, #fff); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 12px; border-radius: 2px; cursor: pointer; font: inherit; }
.modelbook-monitor button.open-panel:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
.modelbook-monitor button.open-panel:disabled { opacity: 0.5; cursor: default; }
.modelbook-monitor.compact .header { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.modelbook-monitor.compact .part { margin-top: 8px; }
.modelbook-monitor.panel .drift-layout { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.modelbook-monitor.panel .chart { border: 1px solid var(--vscode-editorWidget-border, #8884); border-radius: 4px; padding: 8px; width: fit-content; max-width: 100%; box-sizing: border-box; overflow-x: auto; }
.modelbook-monitor.panel .stats { margin: 6px 0 0; max-width: 420px; line-height: 1.5; }
.modelbook-monitor.panel tr.selectable { cursor: pointer; }
.modelbook-monitor.panel tr.selectable:hover { background: var(--vscode-list-hoverBackground, #8882); }
.modelbook-monitor.panel tr[aria-selected="true"] { background: var(--vscode-list-inactiveSelectionBackground, #8884); color: var(--vscode-list-inactiveSelectionForeground, inherit); }
.modelbook-monitor.panel tr[aria-selected="true"] td:first-child { box-shadow: inset 3px 0 0 var(--vscode-focusBorder, #007fd4); }
.modelbook-monitor.panel section:focus { outline: none; }
.modelbook-monitor :focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: -1px; }`;
  return s;
}
