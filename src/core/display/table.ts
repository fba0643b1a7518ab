import { escapeHtml } from '../text/html';
import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import { formatNumber } from '../text/number';

/** What the table renderer receives (`application/vnd.modelbook.table+json`). */
export interface TableView {
  columns: { name: string; type: ColumnKind }[];
  /** The first rows (at most `maxRows`), JSON-safe values. */
  rows: unknown[][];
  totalRows: number;
}

export type ColumnKind = 'number' | 'string' | 'boolean' | 'date' | 'other';

/** The part of an arquero table the display needs. */
export interface TableLike {
  numRows(): number;
  columnNames(): string[];
  get(name: string, row: number): unknown;
}

export function isTableLike(v: unknown): v is TableLike {
  const t = v as Partial<TableLike> | null;
  return typeof t === 'object' && t !== null && typeof t.numRows === 'function' && typeof t.columnNames === 'function' && typeof t.get === 'function';
}

/**
 * A paged-table output for an arquero table (first `maxRows` rows), plus an HTML table of the
 * first rows (GitHub, Jupyter and nbviewer show that from the saved notebook) and a plain-text preview.
 *
 * @example
 * tableBundle(aq.table({ a: [1, 2] }))[MIME.table] // { columns: [{ name: 'a', type: 'number' }], rows: [[1], [2]], totalRows: 2 }
 */
export function tableBundle(table: TableLike, maxRows = 1000): MimeBundle {
  const names = table.columnNames();
  const total = table.numRows();
  const n = Math.min(total, maxRows);
  const rows: unknown[][] = [];
  for (let r = 0; r < n; r++) rows.push(names.map((c) => jsonSafe(table.get(c, r))));
  const columns = names.map((name, i) => ({ name, type: columnKind(table, name, total, rows, i) }));
  const view: TableView = { columns, rows, totalRows: total };
  return { [MIME.table]: view, [MIME.html]: tableHtml(view), [MIME.text]: tableText(view) };
}

function columnKind(table: TableLike, name: string, total: number, rows: unknown[][], index: number): ColumnKind {
  for (let r = 0; r < Math.min(total, 100); r++) {
    const v = table.get(name, r);
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    if (typeof v === 'number' || typeof v === 'bigint') return 'number';
    if (typeof v === 'string') return 'string';
    if (typeof v === 'boolean') return 'boolean';
    if (v instanceof Date) return 'date';
    return 'other';
  }
  return rows.length > 0 && typeof rows[0][index] === 'number' ? 'number' : 'other';
}

/** A value the renderer can show and JSON can carry: dates as ISO text, NaN as null. */
export function jsonSafe(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.parse(JSON.stringify(v));
    } catch {
      return String(v);
    }
  }
  return v;
}

/** The first rows as aligned text, for `text/plain` (notebook viewers without the renderer). */
export function tableText(view: TableView, maxRows = 10): string {
  const head = view.columns.map((c) => c.name);
  const body = view.rows.slice(0, maxRows).map((r) => r.map(cellText));
  const widths = head.map((h, i) => Math.min(24, Math.max(h.length, ...body.map((r) => r[i].length))));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => clip(c, widths[i]).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const lines = [fmt(head), ...body.map(fmt)];
  const more = view.totalRows - Math.min(view.rows.length, maxRows);
  lines.push(`${view.totalRows} rows × ${view.columns.length} columns${more > 0 ? ` (${more} more rows not shown)` : ''}`);
  return lines.join('\n');
}

/** Caps that keep the HTML copy small in the saved file; the paged table is the full view. */
const HTML_LIMITS = { rows: 20, columns: 40, chars: 200 };

/**
 * The first rows as an escaped HTML table, for notebook viewers without the renderer (GitHub,
 * Jupyter, nbviewer): at most 20 rows and 40 columns, long text cut, and a line saying what is left out.
 *
 * @example
 * tableHtml({ columns: [{ name: 'a', type: 'number' }], rows: [[1], [2]], totalRows: 5 })
 * // '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table><p>… 3 more rows (5 rows × 1 column)</p>'
 */
export function tableHtml(view: TableView, limits: Partial<typeof HTML_LIMITS> = {}): string {
  const { rows: maxRows, columns: maxColumns, chars } = { ...HTML_LIMITS, ...limits };
  const columns = view.columns.slice(0, maxColumns);
  // Plain markup as pandas writes it: viewers sanitize styles away and align cells their own way.
  const cell = (tag: 'th' | 'td', text: string) => `<${tag}>${escapeHtml(clip(text, chars))}</${tag}>`;
  const head = `<tr>${columns.map((c) => cell('th', c.name)).join('')}</tr>`;
  const body = view.rows.slice(0, maxRows).map((r) => `<tr>${columns.map((_, i) => cell('td', cellText(r[i] ?? null))).join('')}</tr>`);
  const moreRows = view.totalRows - Math.min(view.rows.length, maxRows);
  const moreColumns = view.columns.length - columns.length;
  const left = [moreRows > 0 ? `${moreRows} more row${moreRows === 1 ? '' : 's'}` : '', moreColumns > 0 ? `${moreColumns} more column${moreColumns === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  const size = `${view.totalRows} row${view.totalRows === 1 ? '' : 's'} × ${view.columns.length} column${view.columns.length === 1 ? '' : 's'}`;
  return `<table><thead>${head}</thead><tbody>${body.join('')}</tbody></table><p>${left ? `… ${left} (${size})` : size}</p>`;
}

function cellText(v: unknown): string {
  if (v === null) return 'null';
  // Data values, not counts: no thousands separators (a year stays 2024, an id 1234567).
  if (typeof v === 'number') return formatNumber(v, { digits: 6, grouping: false });
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function clip(s: string, w: number): string {
  return s.length > w ? s.slice(0, w - 1) + '…' : s;
}
