import type { TableView } from '../../src/core/display/table';
import { formatNumber } from '../../src/core/text/number';

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * A paged table for `application/vnd.modelbook.table+json`: header with column types, page
 * size choice, previous/next. Pages over the rows the kernel sent (at most the first 1,000).
 */
export function renderTable(view: TableView, element: HTMLElement): void {
  const doc = element.ownerDocument;
  element.replaceChildren();
  const root = doc.createElement('div');
  root.className = 'modelbook-table';
  const table = doc.createElement('table');
  const thead = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  headRow.append(th(doc, '', 'index'));
  for (const c of view.columns) {
    const cell = th(doc, c.name, c.type === 'number' ? 'num' : '');
    cell.title = `${c.name} (${c.type})`;
    headRow.append(cell);
  }
  thead.append(headRow);
  const tbody = doc.createElement('tbody');
  table.append(thead, tbody);
  const footer = doc.createElement('div');
  footer.className = 'modelbook-table-footer';
  const info = doc.createElement('span');
  info.className = 'modelbook-table-info';
  const prev = button(doc, '‹ Prev', 'prev');
  const next = button(doc, 'Next ›', 'next');
  const size = doc.createElement('select');
  size.setAttribute('aria-label', 'Rows per page');
  for (const n of PAGE_SIZES) size.append(new Option(`${n} rows`, String(n)));
  footer.append(prev, next, size, info);
  // Wide tables scroll sideways inside the output (a half-width editor would clip them).
  const scroll = doc.createElement('div');
  scroll.className = 'modelbook-table-scroll';
  scroll.append(table);
  root.append(style(doc), scroll, footer);
  element.append(root);

  let page = 0;
  let pageSize = PAGE_SIZES[0];
  const pages = () => Math.max(1, Math.ceil(view.rows.length / pageSize));
  const draw = () => {
    const start = page * pageSize;
    const rows = view.rows.slice(start, start + pageSize);
    tbody.replaceChildren(...rows.map((r, i) => row(doc, start + i, r, view)));
    const end = start + rows.length;
    const shipped = view.rows.length < view.totalRows ? ` (first ${view.rows.length} loaded)` : '';
    info.textContent = view.totalRows === 0 ? '0 rows' : `rows ${start + 1}–${end} of ${view.totalRows}${shipped} · ${view.columns.length} columns`;
    prev.disabled = page === 0;
    next.disabled = page >= pages() - 1;
  };
  prev.addEventListener('click', () => {
    page = Math.max(0, page - 1);
    draw();
  });
  next.addEventListener('click', () => {
    page = Math.min(pages() - 1, page + 1);
    draw();
  });
  size.addEventListener('change', () => {
    pageSize = Number(size.value);
    page = 0;
    draw();
  });
  draw();
}

function row(doc: Document, index: number, values: unknown[], view: TableView): HTMLTableRowElement {
  const tr = doc.createElement('tr');
  tr.append(td(doc, String(index), 'index'));
  values.forEach((v, i) => {
    const cell = td(doc, format(v), view.columns[i]?.type === 'number' ? 'num' : v === null ? 'null' : '');
    // Long text is cut with an ellipsis at 24em: the tooltip shows all of it.
    if (typeof v === 'string' || (typeof v === 'object' && v !== null)) cell.title = cell.textContent ?? '';
    tr.append(cell);
  });
  return tr;
}

function format(v: unknown): string {
  if (v === null) return 'null';
  // Data values, not counts: no thousands separators (a year stays 2024, an id 1234567).
  if (typeof v === 'number') return formatNumber(v, { digits: 6, grouping: false });
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function th(doc: Document, text: string, cls: string): HTMLTableCellElement {
  const el = doc.createElement('th');
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

function td(doc: Document, text: string, cls: string): HTMLTableCellElement {
  const el = doc.createElement('td');
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

function button(doc: Document, text: string, name: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.textContent = text;
  b.dataset.action = name;
  return b;
}

function style(doc: Document): HTMLStyleElement {
  const s = doc.createElement('style');
  s.textContent = `
.modelbook-table { font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 12px); color: var(--vscode-foreground); }
.modelbook-table-scroll { overflow-x: auto; max-width: 100%; }
.modelbook-table table { border-collapse: collapse; }
.modelbook-table th, .modelbook-table td { padding: 2px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); text-align: left; white-space: nowrap; max-width: 24em; overflow: hidden; text-overflow: ellipsis; }
.modelbook-table th { font-weight: 600; }
.modelbook-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.modelbook-table .index { color: var(--vscode-descriptionForeground); text-align: right; }
.modelbook-table .null { color: var(--vscode-descriptionForeground); font-style: italic; }
.modelbook-table-footer { display: flex; gap: 8px; align-items: center; margin-top: 4px; }
.modelbook-table-footer button, .modelbook-table-footer select { background: var(--vscode-button-secondaryBackground, #eee); color: var(--vscode-button-secondaryForeground, inherit); border: 1px solid var(--vscode-button-border, transparent); padding: 1px 8px; }
.modelbook-table-footer button:disabled { opacity: 0.5; }
.modelbook-table-info { color: var(--vscode-descriptionForeground); }`;
  return s;
}
