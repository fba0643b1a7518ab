/**
 * The Experiments panel: a virtually scrolled table of every run (user-chosen columns, sort by
 * header, filter by expression and tag, group by notebook or name), side-by-side comparison of
 * selected runs with their histories overlaid, a metric-vs-parameter and a parallel-coordinates
 * chart, CSV export and "open cell". Filtering and sorting run here, on the rows the host sent
 * once (the host then sends only changed rows).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { collectColumns, defaultColumns, type RunColumn } from '../../src/core/runs/columns';
import type { RunComparison } from '../../src/core/runs/compare';
import type { JsonValue, RunProblem } from '../../src/core/runs/contract';
import { parsePath, type PathSegment } from '../../src/core/runs/filter/parse';
import { readPath } from '../../src/core/runs/filter/readPath';
import { formatNumber } from '../../src/core/runs/format';
import { groupRuns } from '../../src/core/runs/group';
import { nestChildRuns } from '../../src/core/runs/nest';
import { queryRuns } from '../../src/core/runs/query';
import type { RunSummary } from '../../src/core/runs/summary';
import type { ExperimentsFromWebview, ExperimentsToWebview, PanelFocus, PanelRun } from '../../src/protocol/experiments';
import { createMessenger } from '../shared/messaging';
import { buildHistorySpec, buildParallelSpec, buildScatterSpec, runLabels } from './charts';
import { STYLE } from './style';

const ROW_H = 24;
const OVERSCAN = 8;
const MAX_COMPARE = 8;

interface UiState {
  filter: string;
  tag: string;
  group: 'none' | 'notebook' | 'name';
  sort: string[];
  columns: string[] | null;
  selected: string[];
  historyMetric?: string;
  chartX?: string;
  chartY?: string;
}

type Item = { group: string; count: number } | { run: PanelRun };

const messenger = createMessenger<ExperimentsFromWebview, ExperimentsToWebview, UiState>();
const state: UiState = { filter: '', tag: '', group: 'none', sort: ['-startedAt'], columns: null, selected: [], ...messenger.state() };
const runs = new Map<string, PanelRun>();
let problems: RunProblem[] = [];
let allColumns: RunColumn[] = [];
let items: Item[] = [];
let shown: PanelRun[] = [];
let paths: { key: string; segments: PathSegment[]; kind: string; label: string }[] = [];
let comparison: RunComparison | undefined;
let compareRequest = 0;

const root = document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
const styleEl = document.createElement('style');
styleEl.textContent = STYLE;
document.head.appendChild(styleEl);

root.innerHTML = `
<div class="toolbar">
  <vscode-textfield id="filter" placeholder='Filter, e.g. metrics.auc > 0.8 && params.lr <= 0.01' title="A filter expression over the run's fields (name, kind, status, notebook, params.*, metrics.*, tags, …)"></vscode-textfield>
  <vscode-single-select id="tag" title="Only runs with this tag"><vscode-option value="">all tags</vscode-option></vscode-single-select>
  <vscode-single-select id="group" title="Group rows"><vscode-option value="none">no grouping</vscode-option><vscode-option value="notebook">group by notebook</vscode-option><vscode-option value="name">group by name</vscode-option></vscode-single-select>
  <vscode-button id="export" secondary title="Save the matching runs with the shown columns as CSV">Export CSV</vscode-button>
</div>
<div id="filter-error" role="alert"></div>
<div class="toolbar"><span class="summary" id="summary"></span><span class="notice" id="notice" role="status"></span></div>
<details id="columns-box"><summary>Columns</summary><div class="columns-list" id="columns-list"></div></details>
<div id="problems" class="warn"></div>
<div class="viewport" id="viewport" role="grid" aria-label="Runs"><div class="hrow" id="header" role="row"></div><div class="spacer" id="spacer"></div></div>
<section id="compare" hidden>
  <h2>Compare <span class="muted" id="compare-count"></span> <vscode-button id="clear" secondary>Clear selection</vscode-button> <vscode-checkbox id="only-diff">only differences</vscode-checkbox></h2>
  <div id="compare-error" class="fail"></div>
  <div class="toolbar" id="history-bar"><label for="history-metric">history</label><vscode-single-select id="history-metric"></vscode-single-select></div>
  <div class="muted" id="history-none" hidden>These runs recorded no metric history (per-epoch values) to plot.</div>
  <div class="chart-box" id="history-chart"></div>
  <table class="grid" id="compare-table"></table>
</section>
<details id="charts"><summary>Charts: metric vs parameter, parallel coordinates</summary>
  <div class="toolbar"><label>x</label><vscode-single-select id="chart-x"></vscode-single-select><label>y</label><vscode-single-select id="chart-y"></vscode-single-select><span class="muted" id="charts-note"></span></div>
  <div class="charts"><div class="chart chart-box" id="scatter-chart"></div><div class="chart chart-box" id="parallel-chart"></div></div>
</details>`;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const viewport = $('viewport');
const spacer = $('spacer');
const header = $('header');
const filterField = $<HTMLElement & { value: string; invalid: boolean }>('filter');
const tagSelect = $<HTMLElement & { value: string }>('tag');
const groupSelect = $<HTMLElement & { value: string }>('group');

function save(): void {
  messenger.saveState(state);
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function cellText(v: unknown, kind: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return kind === 'date' ? new Date(v).toISOString() : formatNumber(v);
  if (typeof v === 'string') return kind === 'date' ? v.replace('T', ' ').slice(0, 19) : v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

// ---- the pipeline: filter → tag → sort → group -------------------------------------------------

function setColumns(): void {
  const list = [...runs.values()] as unknown as RunSummary[];
  allColumns = collectColumns(list);
  const keys = state.columns ?? defaultColumns(list);
  const known = new Map(allColumns.map((c) => [c.key, c]));
  paths = keys.flatMap((key) => {
    try {
      const c = known.get(key);
      return [{ key, segments: parsePath(key).segments, kind: c?.kind ?? 'string', label: c?.label ?? key }];
    } catch {
      return [];
    }
  });
  const template = ['28px', ...paths.map((p) => (p.key === 'name' ? '220px' : p.key === 'notebook' ? '200px' : p.kind === 'date' ? 'calc(19ch + 20px)' : '110px')), '90px'].join(' ');
  viewport.style.setProperty('--cols', template);
  renderHeader();
  renderColumnPicker();
}

function recompute(): void {
  const t0 = performance.now();
  const list = [...runs.values()] as unknown as RunSummary[];
  let rows: RunSummary[];
  try {
    rows = queryRuns(list, { filter: state.filter, sort: [...state.sort, '-id'] }).rows;
    $('filter-error').textContent = '';
    filterField.invalid = false;
  } catch (e) {
    $('filter-error').textContent = (e as Error).message;
    filterField.invalid = true;
    rows = queryRuns(list, { sort: [...state.sort, '-id'] }).rows;
  }
  if (state.tag) rows = rows.filter((r) => r.tags.includes(state.tag));
  // Folds and trials under their cross-validation or search, not under whatever started before them.
  shown = nestChildRuns(rows as unknown as PanelRun[]);
  if (state.group === 'none') items = shown.map((run) => ({ run }));
  else {
    const byId = new Map(shown.map((r) => [r.id, r]));
    items = groupRuns(shown, state.group).flatMap((g) => [{ group: g.key || '(none)', count: g.count }, ...g.runIds.map((id) => ({ run: byId.get(id)! }))]);
  }
  spacer.style.height = `${items.length * ROW_H}px`;
  lastMs = Math.round(performance.now() - t0);
  renderSummary();
  renderWindow(true);
  if ($<HTMLDetailsElement>('charts').open) scheduleCharts();
}

let lastMs = 0;
function renderSummary(): void {
  const count = shown.length === runs.size ? `${runs.size} runs` : `${shown.length} of ${runs.size} runs`;
  $('summary').textContent = `${count}${state.selected.length ? ` · ${state.selected.length} selected` : ''} (${lastMs} ms)`;
}

// ---- the virtual table ----------------------------------------------------------------------------

function renderHeader(): void {
  const [first] = state.sort;
  const sortKey = first?.replace(/^-/, '');
  const arrow = (key: string) => (key === sortKey ? (first!.startsWith('-') ? ' ▼' : ' ▲') : '');
  header.innerHTML =
    `<div class="hcell" role="columnheader" title="select runs to compare">✓</div>` +
    paths.map((p) => `<div class="hcell${p.kind === 'number' ? ' num' : ''}" role="columnheader" tabindex="0" data-key="${esc(p.key)}" title="${esc(p.key)} — click to sort" aria-sort="${p.key === sortKey ? (first!.startsWith('-') ? 'descending' : 'ascending') : 'none'}">${esc(p.label)}${arrow(p.key)}</div>`).join('') +
    `<div class="hcell" role="columnheader"></div>`;
}

let lastWindow = '';
/** Whether the host's runs arrived (nothing is drawn or reported before). */
let loaded = false;
function renderWindow(force = false): void {
  if (!loaded) return;
  const top = viewport.scrollTop;
  const height = viewport.clientHeight || 400;
  const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / ROW_H) + OVERSCAN);
  const key = `${first}:${last}`;
  if (!force && key === lastWindow) return;
  lastWindow = key;
  const selected = new Set(state.selected);
  const html: string[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i];
    if ('group' in item) {
      html.push(`<div class="row group" role="row" style="top:${i * ROW_H}px">${esc(item.group)} <span class="muted">(${item.count})</span></div>`);
      continue;
    }
    const r = item.run;
    const cells = paths.map((p) => {
      const v = readPath(r, p.segments);
      const cls = `cell${p.kind === 'number' ? ' num' : ''}${p.key === 'name' ? ' name' : ''}${p.key === 'status' ? ` s-${esc(String(v))}` : ''}`;
      const text = cellText(v, p.kind);
      return `<div class="${cls}" role="gridcell" title="${esc(text)}">${esc(text)}</div>`;
    });
    const on = selected.has(r.id);
    html.push(
      `<div class="row${on ? ' selected' : ''}${r.parentId ? ' child' : ''}" role="row" aria-selected="${on}" data-id="${esc(r.id)}" style="top:${i * ROW_H}px">` +
        `<div class="cell sel"><input type="checkbox" data-action="select" aria-label="select ${esc(r.name)}"${on ? ' checked' : ''}></div>${cells.join('')}` +
        `<div class="cell">${r.cellId && r.notebook ? `<a class="action" data-action="open-cell" title="Open the cell that made this run">open cell</a>` : ''}</div></div>`,
    );
  }
  spacer.innerHTML = html.join('');
  reportRendered();
}

let reportTimer: ReturnType<typeof setTimeout> | undefined;
function reportRendered(): void {
  if (reportTimer) clearTimeout(reportTimer);
  reportTimer = setTimeout(() => {
    const rowIds = [...spacer.querySelectorAll<HTMLElement>('.row[data-id]')].map((e) => e.dataset.id!);
    messenger.post('rendered', { rowIds, matched: shown.length, total: runs.size });
  }, 30);
}

let scrollFrame = 0;
viewport.addEventListener('scroll', () => {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    renderWindow();
  });
});
new ResizeObserver(() => renderWindow()).observe(viewport);

header.addEventListener('click', (e) => {
  const key = (e.target as HTMLElement).closest<HTMLElement>('.hcell')?.dataset.key;
  if (!key) return;
  const current = state.sort[0];
  const kind = paths.find((p) => p.key === key)?.kind;
  // First click: numbers and dates largest first, text A→Z; a second click reverses.
  const next = current === key ? `-${key}` : current === `-${key}` ? key : kind === 'number' || kind === 'date' ? `-${key}` : key;
  state.sort = [next];
  save();
  const hadFocus = document.activeElement?.closest('#header') !== null && document.activeElement !== null;
  renderHeader();
  if (hadFocus) header.querySelector<HTMLElement>(`.hcell[data-key="${CSS.escape(key)}"]`)?.focus();
  recompute();
});

header.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).dataset.key) {
    e.preventDefault();
    (e.target as HTMLElement).click();
  }
});

spacer.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const id = target.closest<HTMLElement>('.row[data-id]')?.dataset.id;
  if (!id) return;
  const action = target.dataset.action;
  if (action === 'open-cell') {
    messenger.post('openCell', { id });
    return;
  }
  if (action === 'select' || e.ctrlKey || e.metaKey || target.classList.contains('sel')) toggleSelected(id);
  else {
    state.selected = [id];
    selectionChanged();
  }
});

function toggleSelected(id: string): void {
  state.selected = state.selected.includes(id) ? state.selected.filter((s) => s !== id) : [...state.selected, id].slice(-MAX_COMPARE);
  selectionChanged();
}

function selectionChanged(): void {
  save();
  renderWindow(true);
  renderSummary();
  requestCompare();
}

// ---- toolbar -------------------------------------------------------------------------------------

let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterField.addEventListener('input', () => {
  if (filterTimer) clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    state.filter = filterField.value;
    save();
    viewport.scrollTop = 0;
    recompute();
  }, 120);
});
tagSelect.addEventListener('change', () => {
  state.tag = tagSelect.value;
  save();
  recompute();
});
groupSelect.addEventListener('change', () => {
  state.group = groupSelect.value as UiState['group'];
  save();
  recompute();
});
$('export').addEventListener('click', () => messenger.post('exportCsv', { ids: shown.map((r) => r.id), columns: paths.map((p) => p.key) }));
$('clear').addEventListener('click', () => {
  state.selected = [];
  selectionChanged();
});
$('only-diff').addEventListener('change', () => renderComparison());
$('history-metric').addEventListener('change', () => {
  state.historyMetric = ($('history-metric') as HTMLElement & { value: string }).value;
  save();
  void renderHistory();
});

function renderColumnPicker(): void {
  const on = new Set(paths.map((p) => p.key));
  $('columns-list').innerHTML = allColumns.map((c) => `<vscode-checkbox data-key="${esc(c.key)}" label="${esc(c.key)}"${on.has(c.key) ? ' checked' : ''}></vscode-checkbox>`).join('');
}
$('columns-list').addEventListener('change', (e) => {
  const box = e.target as HTMLElement & { checked: boolean };
  const key = box.dataset.key;
  if (!key) return;
  const keys = paths.map((p) => p.key);
  state.columns = box.checked ? [...keys, key] : keys.filter((k) => k !== key);
  save();
  setColumns();
  renderWindow(true);
});

function renderTags(): void {
  const tags = [...new Set([...runs.values()].flatMap((r) => r.tags))].sort();
  const current = state.tag;
  tagSelect.innerHTML = `<vscode-option value="">all tags</vscode-option>` + tags.map((t) => `<vscode-option value="${esc(t)}"${t === current ? ' selected' : ''}>${esc(t)}</vscode-option>`).join('');
}

function renderProblems(): void {
  const el = $('problems');
  el.innerHTML = problems.length
    ? `<details><summary>${problems.length} file${problems.length === 1 ? ' is' : 's are'} in .modelbook/runs but not readable run records (skipped)</summary><ul>${problems.map((p) => `<li><code>${esc(p.path)}</code>: ${esc(p.reason)}</li>`).join('')}</ul></details>`
    : '';
}

// ---- compare ------------------------------------------------------------------------------------

let compareTimer: ReturnType<typeof setTimeout> | undefined;
function requestCompare(): void {
  if (compareTimer) clearTimeout(compareTimer);
  const ids = state.selected.filter((id) => runs.has(id));
  if (ids.length === 0) {
    comparison = undefined;
    $('compare').hidden = true;
    return;
  }
  compareTimer = setTimeout(() => messenger.post('compare', { requestId: ++compareRequest, ids }), 60);
}

function renderComparison(): void {
  const section = $('compare');
  if (!comparison) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  $('compare-count').textContent = `${comparison.runs.length} run${comparison.runs.length === 1 ? '' : 's'}`;
  const only = ($('only-diff') as HTMLElement & { checked: boolean }).checked;
  const labels = runLabels(comparison);
  const head = `<tr><th></th>${labels.map((l, i) => `<th title="${esc(comparison!.runs[i].id)}">${esc(l)}</th>`).join('')}</tr>`;
  const value = (v: JsonValue) => esc(v === null ? '–' : typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : JSON.stringify(v));
  const section_ = (title: string, rows: { key: string; differs: boolean; cells: string[] }[]) => {
    const kept = only ? rows.filter((r) => r.differs) : rows;
    if (!kept.length) return '';
    return `<tr><th class="section" colspan="${labels.length + 1}">${esc(title)}</th></tr>` + kept.map((r) => `<tr class="${r.differs ? 'differs' : ''}" data-key="${esc(r.key)}"><td>${esc(r.key)}</td>${r.cells.join('')}</tr>`).join('');
  };
  const c = comparison;
  const metricRows = c.metrics.map((m) => ({
    key: `${m.key}${m.better === 'higher' ? ' ↑' : m.better === 'lower' ? ' ↓' : ''}`,
    differs: m.differs,
    cells: m.values.map((v, i) => `<td class="num${m.best === i && m.differs ? ' best' : ''}">${value(v)}${i > 0 && m.deltas[i] !== null && m.deltas[i] !== 0 ? `<span class="delta">${m.deltas[i]! > 0 ? '+' : ''}${formatNumber(m.deltas[i])}</span>` : ''}</td>`),
  }));
  const plain = (rows: { key: string; values: JsonValue[]; differs: boolean }[]) => rows.map((r) => ({ key: r.key, differs: r.differs, cells: r.values.map((v) => `<td>${value(v)}</td>`) }));
  $('compare-table').innerHTML = head + section_('metrics', metricRows) + section_('params', plain(c.params)) + section_('data', plain(c.data)) + section_('model', plain(c.model)) + section_('context', plain(c.context));
  const metrics = c.history.series.map((s) => s.metric);
  const select = $('history-metric') as HTMLElement & { value: string };
  const pick = state.historyMetric && metrics.includes(state.historyMetric) ? state.historyMetric : metrics.includes('loss') ? 'loss' : metrics[0];
  select.innerHTML = metrics.map((m) => `<vscode-option value="${esc(m)}"${m === pick ? ' selected' : ''}>${esc(m)}</vscode-option>`).join('');
  // An empty select offers nothing: say why there is no history chart instead.
  $('history-bar').hidden = metrics.length === 0;
  $('history-none').hidden = metrics.length > 0;
  void renderHistory(pick);
}

const finalizers = new Map<string, () => void>();
const drawing = new Map<string, number>();
/** Draws a chart into a box; a later draw into the same box wins even if an earlier one finishes last. */
async function draw(id: string, spec: Record<string, unknown> | undefined): Promise<void> {
  const generation = (drawing.get(id) ?? 0) + 1;
  drawing.set(id, generation);
  finalizers.get(id)?.();
  finalizers.delete(id);
  if (!spec) {
    $(id).innerHTML = '';
    return;
  }
  // Each draw renders into its own element (attached, so 'container' widths measure), and the
  // older charts go once it is done; a draw overtaken by a newer one removes itself.
  const el = $(id).appendChild(document.createElement('div'));
  try {
    const { renderVegaLite } = await import('../renderer/vegaLite');
    if (drawing.get(id) !== generation) return el.remove();
    const result = await renderVegaLite(spec, el);
    if (drawing.get(id) !== generation) {
      result.finalize();
      return el.remove();
    }
    for (const old of [...$(id).children]) if (old !== el) old.remove();
    finalizers.set(id, () => result.finalize());
  } catch (e) {
    if (drawing.get(id) === generation) $(id).textContent = `Could not draw the chart: ${(e as Error).message}`;
  }
}

async function renderHistory(metric = state.historyMetric): Promise<void> {
  if (!comparison || !metric || !comparison.history.series.some((s) => s.metric === metric)) return draw('history-chart', undefined);
  return draw('history-chart', buildHistorySpec(comparison, metric));
}

// ---- charts over the matching runs --------------------------------------------------------------

const SCATTER_MAX = 2000;
const PARALLEL_MAX = 300;
let chartTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleCharts(): void {
  if (chartTimer) clearTimeout(chartTimer);
  chartTimer = setTimeout(() => void renderCharts(), 150);
}
$('charts').addEventListener('toggle', () => {
  if ($<HTMLDetailsElement>('charts').open) scheduleCharts();
});
for (const id of ['chart-x', 'chart-y']) {
  $(id).addEventListener('change', () => {
    state.chartX = ($('chart-x') as HTMLElement & { value: string }).value;
    state.chartY = ($('chart-y') as HTMLElement & { value: string }).value;
    save();
    scheduleCharts();
  });
}

async function renderCharts(): Promise<void> {
  const params = allColumns.filter((c) => c.key.startsWith('params'));
  const metrics = allColumns.filter((c) => c.key.startsWith('metrics'));
  const x = params.find((c) => c.key === state.chartX) ?? params[0];
  const y = metrics.find((c) => c.key === state.chartY) ?? metrics[0];
  const options = (cols: RunColumn[], pick: RunColumn | undefined) => cols.map((c) => `<vscode-option value="${esc(c.key)}"${c === pick ? ' selected' : ''}>${esc(c.label)}</vscode-option>`).join('');
  $('chart-x').innerHTML = options(params, x);
  $('chart-y').innerHTML = options(metrics, y);
  if (!x || !y) {
    $('charts-note').textContent = 'The matching runs have no parameters or no metrics to chart.';
    await draw('scatter-chart', undefined);
    await draw('parallel-chart', undefined);
    return;
  }
  const xs = parsePath(x.key).segments;
  const ys = parsePath(y.key).segments;
  const points = shown.slice(0, SCATTER_MAX).map((r) => ({ id: r.id, name: r.name, x: readPath(r, xs), y: readPath(r, ys) }));
  const numericParams = params.filter((c) => c.kind === 'number').slice(0, 7);
  const dimPaths = numericParams.map((c) => ({ label: c.label, segments: parsePath(c.key).segments }));
  const lines = shown.slice(0, PARALLEL_MAX).map((r) => {
    const row: Record<string, unknown> = { _name: r.name, [y.label]: readPath(r, ys) };
    for (const d of dimPaths) row[d.label] = readPath(r, d.segments);
    return row;
  });
  $('charts-note').textContent = `${Math.min(shown.length, SCATTER_MAX)} runs in the scatter, ${Math.min(shown.length, PARALLEL_MAX)} in the parallel coordinates (the first of the current order)`;
  await draw('scatter-chart', buildScatterSpec(points, x.label, y.label));
  await draw('parallel-chart', numericParams.length ? buildParallelSpec(lines, [...dimPaths.map((d) => d.label), y.label], y.label) : undefined);
}

// ---- messages from the host ---------------------------------------------------------------------

function applyFocus(focus: PanelFocus | undefined): void {
  if (!focus) return;
  if (focus.filter !== undefined) {
    state.filter = focus.filter;
    filterField.value = focus.filter;
  }
  if (focus.select) state.selected = focus.select;
  save();
}

messenger.start((msg) => {
  switch (msg.type) {
    case 'setRuns': {
      loaded = true;
      runs.clear();
      for (const r of msg.payload.runs) runs.set(r.id, r);
      problems = msg.payload.problems;
      applyFocus(msg.payload.focus);
      filterField.value = state.filter;
      groupSelect.value = state.group;
      setColumns();
      renderTags();
      renderProblems();
      recompute();
      requestCompare();
      return;
    }
    case 'updateRuns': {
      const before = runs.size;
      for (const id of msg.payload.remove) runs.delete(id);
      for (const r of msg.payload.upsert) runs.set(r.id, r);
      problems = msg.payload.problems;
      // New metrics or parameters bring new columns; the default set follows the runs.
      if (runs.size !== before || state.columns === null) setColumns();
      renderTags();
      renderProblems();
      recompute();
      const touched = new Set([...msg.payload.remove, ...msg.payload.upsert.map((r) => r.id)]);
      if (state.selected.some((id) => touched.has(id))) requestCompare();
      return;
    }
    case 'focus':
      applyFocus(msg.payload);
      recompute();
      requestCompare();
      return;
    case 'comparison': {
      if (msg.payload.requestId !== compareRequest) return;
      $('compare-error').textContent = msg.payload.error ?? '';
      comparison = msg.payload.comparison;
      if (msg.payload.error) $('compare').hidden = false;
      renderComparison();
      return;
    }
    case 'notice': {
      const el = $('notice');
      el.textContent = msg.payload.text;
      el.className = `notice ${msg.payload.kind}`;
      return;
    }
  }
});
