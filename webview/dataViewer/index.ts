/**
 * The data viewer: one table-like value of a notebook's kernel in a virtualised grid. Rows come
 * from the host a page at a time (the kernel sorts and filters), so a million rows cost only the
 * pages in view. The toolbar holds the filter, the row count and the actions; the side pane the
 * statistics of the chosen column; a restarted kernel replaces the grid with a note that the value is gone.
 * The toolbar's controls are defined after the first rows are drawn (see controls.ts): the rows come first.
 */
import type { ColumnStats } from '../../src/core/kernel/variables';
import type { DataViewerFromWebview, DataViewerKernel, DataViewerToWebview, TableQuery } from '../../src/protocol/dataViewer';
import { formatNumber } from '../../src/core/text/number';
import { escapeHtml as esc } from '../../src/core/text/html';
import { createMessenger } from '../shared/messaging';
import { Grid } from './grid';
import { Pager } from './pager';
import { statsHtml } from './statsPane';
import { STYLE } from './style';

interface UiState {
  query: TableQuery;
  statsOpen: boolean;
}

const messenger = createMessenger<DataViewerFromWebview, DataViewerToWebview, UiState>();
const style = document.createElement('style');
style.textContent = STYLE;
document.head.appendChild(style);
const root = document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
root.innerHTML = `
<div class="toolbar">
  <vscode-textfield id="filter" placeholder="Filter: text a row contains, or an arquero expression such as d => d.age > 30 (Enter)" aria-label="Filter rows"></vscode-textfield>
  <span class="count" id="count" aria-live="polite"></span>
  <vscode-button id="stats-toggle" secondary title="Statistics of the selected column">Statistics</vscode-button>
  <vscode-button id="export" secondary title="Write every row, filtered and sorted as shown, to a CSV file">Export CSV</vscode-button>
</div>
<div class="status" id="status" role="status"></div>
<div class="gone" id="gone" hidden><div id="gone-text"></div><vscode-button id="reload">Reload</vscode-button></div>
<div class="main" id="main">
  <div class="scroller" id="grid" tabindex="0" aria-label="Table"></div>
  <aside class="stats-pane" id="stats" hidden aria-label="Column statistics"></aside>
</div>`;
let controls: Promise<unknown> | undefined;
/** Defines the toolbar's custom elements once, in a task of its own after the next paint. */
const loadControls = () => {
  controls ??= new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))).then(() => import('./controls'));
};
// Without rows to draw first (a slow kernel, the value is gone) the controls still come.
setTimeout(loadControls, 1000);
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const filterBox = $<HTMLInputElement>('filter');
const statsPane = $('stats');

const saved = messenger.state();
let statsOpen = saved?.statsOpen ?? false;
let variable = '';
let chosenColumn: string | undefined;
let statsIds = 0;
const statsCache = new Map<string, ColumnStats | string>();
let reportTimer: ReturnType<typeof setTimeout> | undefined;

const status = (text: string, kind: 'info' | 'error' = 'info') => {
  const el = $('status');
  el.textContent = text;
  el.className = `status${kind === 'error' ? ' error' : ''}`;
};

const pager = new Pager((requestId, offset, limit, query) => messenger.post('getPage', { requestId, offset, limit, query }), {
  loaded(page, first) {
    grid.setShape(page.columns, page.totalRows);
    $('count').textContent = `${formatNumber(page.totalRows)} ${page.totalRows === 1 ? 'row' : 'rows'} × ${formatNumber(page.columns.length)} columns`;
    if (first) {
      status(pager.current.filter ? `Filtered: ${pager.current.filter}` : '');
      if (!chosenColumn && page.columns[0]) choose(page.columns[0].name);
    }
    if (first || grid.shows(page.offset, page.rows.length)) grid.schedule();
  },
  failed(error) {
    status(error, 'error');
  },
});

const grid = new Grid($('grid'), pager, {
  sorted(sort) {
    setQuery({ ...pager.current, sort });
  },
  columnChosen: choose,
  drawn(view) {
    if (view.cells.length) loadControls();
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => messenger.post('rendered', { totalRows: pager.totalRows ?? 0, ...view }), 80);
  },
});

function setQuery(query: TableQuery): void {
  messenger.saveState({ query, statsOpen });
  grid.setSort(query.sort);
  // Until the first rows of the new order come back (a search through millions of numbers takes seconds).
  status(query.filter ? `Filtering: ${query.filter}…` : query.sort.length ? 'Sorting…' : '');
  pager.setQuery(query);
}

function choose(column: string): void {
  chosenColumn = column;
  if (statsOpen) showStats();
}

function showStats(): void {
  statsPane.hidden = !statsOpen;
  if (!statsOpen || !chosenColumn) return;
  const known = statsCache.get(chosenColumn);
  if (known === undefined) {
    statsPane.innerHTML = `<h3>${esc(chosenColumn)}</h3><div class="muted">Computing…</div>`;
    messenger.post('getStats', { requestId: ++statsIds, column: chosenColumn });
  } else statsPane.innerHTML = typeof known === 'string' ? `<h3>${esc(chosenColumn)}</h3><div class="status error">${esc(known)}</div>` : statsHtml(known);
}

function setKernel(k: DataViewerKernel): void {
  const gone = k.state === 'gone';
  if (gone) loadControls();
  $('gone').hidden = !gone;
  $('main').hidden = gone;
  $('gone-text').textContent = k.reason ?? '';
  if (gone) {
    statsCache.clear();
    $('count').textContent = '';
  }
}

let filterTimer: ReturnType<typeof setTimeout> | undefined;
const applyFilter = () => {
  clearTimeout(filterTimer);
  const filter = filterBox.value.trim();
  if (filter === pager.current.filter) return;
  grid.toTop();
  setQuery({ ...pager.current, filter });
};
filterBox.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') applyFilter();
});
// Plain text filters as you type (after a pause); an expression waits for Enter, as half an expression does not parse.
filterBox.addEventListener('input', () => {
  clearTimeout(filterTimer);
  if (!/=>|\bd\s*[.[]/.test(filterBox.value)) filterTimer = setTimeout(applyFilter, 400);
});
$('stats-toggle').addEventListener('click', () => {
  statsOpen = !statsOpen;
  messenger.saveState({ query: pager.current, statsOpen });
  showStats();
});
$('export').addEventListener('click', () => messenger.post('exportCsv', { query: pager.current }));
$('reload').addEventListener('click', () => {
  setKernel({ state: 'idle' });
  status('');
  pager.reload();
});
document.addEventListener('copy', (e) => {
  if (!grid.hasSelection || (document.activeElement && document.activeElement !== $('grid'))) return;
  e.preventDefault();
  const now = grid.selectionTsvNow();
  if (now !== undefined) return e.clipboardData?.setData('text/plain', now);
  // Rows beyond the cache: fetch them, then write the clipboard.
  void grid.selectionTsv().then((tsv) => (tsv === undefined ? undefined : navigator.clipboard.writeText(tsv)));
});

messenger.start((msg) => {
  switch (msg.type) {
    case 'setData': {
      variable = msg.payload.variable;
      document.title = variable;
      setKernel(msg.payload.kernel);
      const query = saved?.query ?? { sort: [], filter: '' };
      filterBox.value = query.filter;
      statsPane.hidden = !statsOpen;
      if (msg.payload.kernel.state !== 'gone') setQuery(query);
      return;
    }
    case 'kernel':
      return setKernel(msg.payload);
    case 'page':
      return pager.answer(msg.payload.requestId, msg.payload.page, msg.payload.error);
    case 'stats': {
      if (msg.payload.requestId !== statsIds && msg.payload.stats?.column !== chosenColumn) return;
      const column = msg.payload.stats?.column ?? chosenColumn;
      if (column) statsCache.set(column, msg.payload.stats ?? msg.payload.error ?? '');
      return showStats();
    }
    case 'notice':
      return status(msg.payload.text, msg.payload.kind);
    default: {
      const unknown: never = msg;
      return unknown;
    }
  }
});
