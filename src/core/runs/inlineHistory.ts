import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import { metricDirection } from './compare';
import type { JsonValue, RunRecord } from './contract';
import { alignColumns, formatTime } from './format';
import { formatDuration, formatNumber } from '../text/number';
import { buildSparkline, textSparkline } from './sparkline';
import { runMessage } from './messages';
import { checkInteger } from '../args/checkInteger';
import { escapeHtml } from '../text/html';

/** The inline history table of a notebook's recent runs (JSON; it also renders itself in a cell). */
export interface RunHistoryView {
  title: string;
  /** The notebook whose runs these are (workspace-relative), when it is one notebook's history. */
  notebook?: string;
  columns: { key: string; label: string; kind: 'metric' | 'param'; better: 'higher' | 'lower' | null; best: string | null }[];
  /** The metric drawn as a sparkline, if any run has a history. */
  sparklineMetric: string | null;
  rows: {
    id: string;
    name: string;
    status: string;
    startedAt: string;
    durationMs: number | null;
    current: boolean;
    values: JsonValue[];
    /** The history of `sparklineMetric`, and its SVG sparkline. */
    history: (number | null)[];
    sparkline: string;
  }[];
  /** Runs there were before `limit` cut the list. */
  total: number;
}

export type RunHistory = RunHistoryView & Displayable;

export interface RunHistoryOptions {
  /** The run to highlight (e.g. the one the cell just made). */
  current?: string;
  /** Metric columns; default the 3 most common final metrics. */
  metrics?: string[];
  /** The history metric drawn as a sparkline; default 'loss' when present, else the first. */
  sparkline?: string;
  /** Newest runs shown. Default 10. */
  limit?: number;
  title?: string;
}

/**
 * The inline history of runs (usually one notebook's): newest first, key metrics with the best
 * value marked, the parameters that differ between the runs, a sparkline of each run's history,
 * and the current run highlighted. Show it in a cell as is: it renders as self-contained HTML
 * (and as a text table where HTML is not shown).
 *
 * @example
 * buildRunHistory(records, { current: run.id, metrics: ['auc', 'loss'] })
 */
export function buildRunHistory(records: readonly RunRecord[], options: RunHistoryOptions = {}): RunHistory {
  if (!Array.isArray(records)) throw new TypeError(runMessage.needs('buildRunHistory', 'an array of run records'));
  const limit = options.limit ?? 10;
  checkInteger('buildRunHistory', 'limit', limit, 1);
  const view = _buildView(records, { ...options, limit });
  return Object.assign(view, { [MIME_BUNDLE]: () => runHistoryBundle(view) });
}

function _buildView(records: readonly RunRecord[], options: RunHistoryOptions & { limit: number }): RunHistoryView {
  const sorted = [...records].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1));
  const shown = sorted.slice(0, options.limit);
  const metricNames =
    options.metrics ??
    mostCommon(
      shown.flatMap((r) => Object.keys(r.metrics)),
      3,
    );
  const params = varyingParams(shown).slice(0, 4);
  const historyMetrics = new Set(shown.flatMap((r) => Object.keys(r.history.metrics)));
  const spark = options.sparkline ?? (historyMetrics.has('loss') ? 'loss' : ([...historyMetrics].sort()[0] ?? null));
  const columns: RunHistoryView['columns'] = [
    ...metricNames.map((m) => ({ key: m, label: m, kind: 'metric' as const, better: metricDirection(m), best: bestId(shown, m) })),
    ...params.map((p) => ({ key: p, label: p, kind: 'param' as const, better: null, best: null })),
  ];
  return {
    title: options.title ?? 'Runs',
    columns,
    sparklineMetric: spark,
    rows: shown.map((r) => {
      const history = spark ? (r.history.metrics[spark] ?? []) : [];
      const end = Date.parse(r.endedAt ?? r.heartbeatAt) - Date.parse(r.startedAt);
      return {
        id: r.id,
        name: r.name,
        status: r.status,
        startedAt: r.startedAt,
        durationMs: Number.isFinite(end) ? end : null,
        current: r.id === options.current,
        values: columns.map((c) => (c.kind === 'metric' ? (r.metrics[c.key] ?? null) : (r.params[c.key] ?? null))),
        history,
        sparkline: history.length > 1 ? buildSparkline(history, { label: `${spark} over ${history.length} epochs` }) : '',
      };
    }),
    total: records.length,
  };
}

function mostCommon(names: string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const k of names) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k]) => k);
}

function varyingParams(records: readonly RunRecord[]): string[] {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r.params)))].sort();
  return keys.filter((k) => new Set(records.map((r) => JSON.stringify(r.params[k] ?? null))).size > 1);
}

function bestId(records: readonly RunRecord[], metric: string): string | null {
  const dir = metricDirection(metric);
  if (!dir) return null;
  const values = new Set(records.map((r) => r.metrics[metric]).filter((v) => typeof v === 'number'));
  // With one value (or a tie across all runs) no run is best.
  if (values.size < 2) return null;
  let best: RunRecord | undefined;
  for (const r of records) {
    const v = r.metrics[metric];
    if (typeof v !== 'number') continue;
    const b = best?.metrics[metric] as number | undefined;
    if (b === undefined || (dir === 'higher' ? v > b : v < b)) best = r;
  }
  return best?.id ?? null;
}

/**
 * The MIME bundle of an inline history: self-contained HTML (styles inline, VS Code theme colours
 * with fallbacks, no scripts) and a text table.
 *
 * @example
 * runHistoryBundle(view)['text/html'] // '<div class="mb-run-history">…'
 */
export function runHistoryBundle(view: RunHistoryView): MimeBundle {
  return { [MIME.runs]: toJson(view), [MIME.html]: historyHtml(view), [MIME.text]: historyText(view) };
}

const STYLE = `.mb-run-history{font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:12px;color:var(--vscode-editor-foreground,inherit)}
.mb-run-history .mb-scroll{overflow-x:auto;max-width:100%}
.mb-run-history table{border-collapse:collapse}
.mb-run-history caption{text-align:left;font-weight:600;padding:2px 6px}
.mb-run-history th,.mb-run-history td{padding:2px 8px;border-bottom:1px solid var(--vscode-editorWidget-border,rgba(128,128,128,.3));text-align:left;white-space:nowrap}
.mb-run-history td.num{text-align:right;font-variant-numeric:tabular-nums}
.mb-run-history tr.current td{background:var(--vscode-editor-selectionBackground,rgba(0,120,215,.18))}
.mb-run-history .best{font-weight:700}
.mb-run-history .status{font-size:11px;padding:0 4px;border-radius:3px}
.mb-run-history .s-finished{color:var(--vscode-testing-iconPassed,#388a34)}
.mb-run-history .s-failed{color:var(--vscode-testing-iconFailed,#c72e0f)}
.mb-run-history .s-interrupted{color:var(--vscode-editorWarning-foreground,#bf8803)}
.mb-run-history .s-running{color:var(--vscode-progressBar-background,#0e70c0)}
.mb-run-history .spark{color:var(--vscode-charts-blue,#1a85ff)}`;

/** The view as plain JSON (without the display hook a RunHistory carries). */
function toJson(view: RunHistoryView): JsonValue {
  const { title, notebook, columns, sparklineMetric, rows, total } = view;
  return JSON.parse(JSON.stringify({ title, ...(notebook !== undefined ? { notebook } : {}), columns, sparklineMetric, rows, total })) as JsonValue;
}

/**
 * The inline history as self-contained HTML (what `text/html` of its bundle holds).
 *
 * @example
 * element.innerHTML = runHistoryHtml(view)
 */
export function runHistoryHtml(view: RunHistoryView): string {
  return historyHtml(view);
}

function historyHtml(view: RunHistoryView): string {
  const head = [
    'run',
    'status',
    'started',
    'duration',
    ...view.columns.map((c) => c.label + (c.better === 'higher' ? ' ↑' : c.better === 'lower' ? ' ↓' : '')),
    view.sparklineMetric ? `${view.sparklineMetric} history` : '',
  ];
  const rows = view.rows.map((r) => {
    const cells = [
      `<td title="${escapeHtml(r.id)}">${escapeHtml(r.name)}${r.current ? ' ◀' : ''}</td>`,
      `<td><span class="status s-${escapeHtml(r.status)}">${escapeHtml(r.status)}</span></td>`,
      `<td>${escapeHtml(formatTime(r.startedAt))}</td>`,
      `<td class="num">${escapeHtml(formatDuration(r.durationMs))}</td>`,
      ...r.values.map((v, i) => `<td class="num${view.columns[i].best === r.id ? ' best' : ''}">${escapeHtml(cellText(v))}</td>`),
      view.sparklineMetric ? `<td class="spark">${r.sparkline}</td>` : '',
    ];
    return `<tr${r.current ? ' class="current"' : ''}>${cells.join('')}</tr>`;
  });
  const more = view.total > view.rows.length ? ` (newest ${view.rows.length} of ${view.total})` : '';
  return `<div class="mb-run-history"><style>${STYLE}</style><div class="mb-scroll"><table><caption>${escapeHtml(view.title)}${escapeHtml(more)}</caption><thead><tr>${head
    .filter(Boolean)
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></div>`;
}

function historyText(view: RunHistoryView): string {
  if (view.rows.length === 0) return `${view.title}: no runs yet`;
  const head = ['', 'run', 'status', 'started', ...view.columns.map((c) => c.label), view.sparklineMetric ?? ''];
  const body = view.rows.map((r) => [
    r.current ? '▶' : '',
    r.name,
    r.status,
    formatTime(r.startedAt),
    ...r.values.map((v, i) => cellText(v) + (view.columns[i].best === r.id ? '*' : '')),
    textSparkline(r.history, 12),
  ]);
  const more = view.total > view.rows.length ? ` (newest ${view.rows.length} of ${view.total})` : '';
  return `${view.title}${more}\n${alignColumns([head, ...body])}`;
}

function cellText(v: JsonValue): string {
  if (typeof v === 'number' || v === null) return formatNumber(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}
