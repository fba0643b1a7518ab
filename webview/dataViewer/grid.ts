/**
 * The virtualised grid: only the rows and columns in view are in the DOM (a million rows × 50
 * columns draw ~40 × ~12 cells), the scrollbar spans every row through core's scaled scroll, the
 * header (names, types, sort order) and the row numbers stay in place. Click a header to sort
 * (shift-click adds a column), select cells with the mouse or shift+arrows, copy them as TSV.
 */
import type { TablePage } from '../../src/core/kernel/variables';
import type { TableQuery } from '../../src/protocol/dataViewer';
import { firstRowAt, scrollTopFor, trackHeight } from '../../src/core/dataViewer/scroll';
import { cellText } from '../../src/core/dataViewer/cellText';
import { nextSort } from './sort';
import type { Pager } from './pager';

export const ROW_H = 22;
const HEAD_H = 40;
const NUM_W = 76;

type Column = TablePage['columns'][number];
interface Cell {
  r: number;
  c: number;
}

export interface GridEvents {
  sorted(sort: TableQuery['sort']): void;
  /** The selected column changed (the statistics pane follows it). */
  columnChosen(column: string): void;
  /** What is on screen now (rows, columns, cell texts). */
  drawn(view: { firstRow: number; columns: string[]; cells: string[][] }): void;
}

const isNumeric = (type: string) => /^(number|int|float|integer|bigint|u?int\d+|float\d+)$/i.test(type);

function widthOf(col: Column): number {
  const base = isNumeric(col.type) ? 110 : col.type === 'boolean' ? 80 : /date/i.test(col.type) ? 180 : 160;
  return Math.min(320, Math.max(base, col.name.length * 8 + 36));
}

/** A pooled node and the values last written to it: a write happens only when a value changed. */
interface Slot {
  el: HTMLElement;
  last?: Record<string, unknown>;
}
interface RowSlot extends Slot {
  rn: HTMLElement;
  cells: Slot[];
}
interface HeaderSlot extends Slot {
  name: HTMLElement;
  arrow: HTMLElement;
  type: HTMLElement;
}

/** Calls `write(value)` when `value` differs from what `slot` last had under `key`. */
function set<V>(slot: Slot, key: string, value: V, write: (value: V) => void): void {
  const last = (slot.last ??= {});
  if (last[key] === value && key in last) return;
  last[key] = value;
  write(value);
}

function newCell(): Slot {
  const el = document.createElement('div');
  el.setAttribute('role', 'gridcell');
  return { el };
}

export class Grid {
  private readonly canvas: HTMLElement;
  private readonly sizer: HTMLElement;
  /** The header row and the body rows: a fixed set of nodes, reused as the view scrolls (only changed text and positions are written). */
  private readonly head: { el: HTMLElement; cells: HeaderSlot[] };
  private readonly rows: RowSlot[] = [];
  private columns: Column[] = [];
  private lefts: number[] = [];
  private widths: number[] = [];
  private total = 0;
  private sort: TableQuery['sort'] = [];
  private anchor: Cell | undefined;
  private focus: Cell | undefined;
  private frame = 0;
  private dragging = false;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly pager: Pager,
    private readonly on: GridEvents,
  ) {
    scroller.innerHTML = '<div class="sizer"><div class="canvas" role="grid"></div></div>';
    this.sizer = scroller.querySelector('.sizer')!;
    this.canvas = scroller.querySelector('.canvas')!;
    const head = this.canvas.appendChild(document.createElement('div'));
    head.className = 'head';
    head.setAttribute('role', 'row');
    head.style.height = `${HEAD_H}px`;
    head.innerHTML = `<div class="hcell rn" style="width:${NUM_W}px"></div>`;
    this.head = { el: head, cells: [] };
    scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.layout()).observe(scroller);
    this.canvas.addEventListener('mousedown', (e) => this.mouseDown(e));
    this.canvas.addEventListener('mousemove', (e) => {
      if (this.dragging) this.extendTo(e);
    });
    window.addEventListener('mouseup', () => (this.dragging = false));
    scroller.addEventListener('keydown', (e) => this.key(e));
  }

  /** Columns and row count from a page (the first page of a query, or any page that changes them). */
  setShape(columns: Column[], total: number): void {
    const changed = columns.length !== this.columns.length || columns.some((c, i) => c.name !== this.columns[i]?.name || c.type !== this.columns[i]?.type);
    if (changed) {
      this.columns = columns;
      this.widths = columns.map(widthOf);
      let x = NUM_W;
      this.lefts = this.widths.map((w) => ((x += w), x - w));
    }
    if (changed || total !== this.total) {
      this.total = total;
      this.clampSelection();
      this.layout();
    }
  }

  setSort(sort: TableQuery['sort']): void {
    this.sort = sort;
    this.schedule();
  }

  /** Scrolls back to the first row (a new filter). */
  toTop(): void {
    this.scroller.scrollTop = 0;
  }

  /** The selected block as TSV rows (fetching pages that are not here), or undefined without a selection. */
  async selectionTsv(): Promise<string | undefined> {
    const box = this.box();
    if (!box) return undefined;
    const rows = await this.pager.rows(box.r0, box.r1);
    return rows
      .map((row) =>
        row
          .slice(box.c0, box.c1 + 1)
          .map((v) => cellText(v).replace(/[\t\r\n]/g, ' '))
          .join('\t'),
      )
      .join('\n');
  }

  /** The selected block's TSV when every row of it is loaded (a copy event must answer at once). */
  selectionTsvNow(): string | undefined {
    const box = this.box();
    if (!box) return undefined;
    const lines: string[] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row = this.pager.row(r);
      if (!row) return undefined;
      lines.push(
        row
          .slice(box.c0, box.c1 + 1)
          .map((v) => cellText(v).replace(/[\t\r\n]/g, ' '))
          .join('\t'),
      );
    }
    return lines.join('\n');
  }

  /** Whether any of rows `first … first + count` is on screen (a prefetched page is not: no redraw). */
  shows(first: number, count: number): boolean {
    const top = Math.floor(this.firstRow());
    const rows = Math.ceil(this.viewHeight() / ROW_H) + 1;
    return first < top + rows && first + count > top;
  }

  get hasSelection(): boolean {
    return this.anchor !== undefined;
  }

  /** Redraw on the next frame (a page arrived, the sort changed, the user scrolled). */
  schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.draw()));
  }

  private layout(): void {
    const width = this.lefts.length ? this.lefts[this.lefts.length - 1]! + this.widths[this.widths.length - 1]! : NUM_W;
    this.sizer.style.width = `${width}px`;
    this.sizer.style.height = `${HEAD_H + trackHeight(this.total, ROW_H)}px`;
    this.canvas.style.width = `${this.scroller.clientWidth}px`;
    this.canvas.style.height = `${this.scroller.clientHeight}px`;
    this.schedule();
  }

  private viewHeight(): number {
    return Math.max(0, this.scroller.clientHeight - HEAD_H);
  }

  private firstRow(): number {
    return firstRowAt(this.scroller.scrollTop, this.viewHeight(), this.total, ROW_H);
  }

  private visibleColumns(): number[] {
    const left = this.scroller.scrollLeft + NUM_W;
    const right = this.scroller.scrollLeft + this.scroller.clientWidth;
    const out: number[] = [];
    for (let c = 0; c < this.columns.length; c++) if (this.lefts[c]! + this.widths[c]! > left && this.lefts[c]! < right) out.push(c);
    return out;
  }

  private draw(): void {
    // Reads first (scroll position, sizes), then only writes: one layout per frame.
    const first = this.firstRow();
    const top = Math.floor(first);
    const offset = (first - top) * ROW_H;
    const count = Math.max(0, Math.min(this.total - top, Math.ceil(this.viewHeight() / ROW_H) + 1));
    this.pager.want(top, Math.max(1, count));
    const cols = this.visibleColumns();
    const sx = this.scroller.scrollLeft;
    const box = this.box();
    this.fit(this.head.cells, cols.length, this.head.el, () => this.newHeaderCell());
    cols.forEach((c, j) => this.drawHeaderCell(this.head.cells[j]!, c, sx));
    const texts: string[][] = [];
    this.fit(this.rows, count, this.canvas, () => this.newRow());
    for (let i = 0; i < count; i++) {
      const r = top + i;
      const row = this.pager.row(r);
      const slot = this.rows[i]!;
      set(slot, 'y', HEAD_H + i * ROW_H - offset, (y) => (slot.el.style.transform = `translateY(${y}px)`));
      set(slot, 'r', r, () => {
        slot.el.className = r % 2 ? 'row odd' : 'row';
        slot.rn.dataset.r = String(r);
        slot.rn.textContent = String(r + 1);
      });
      this.fit(slot.cells, cols.length, slot.el, () => newCell());
      const line: string[] = [];
      for (let j = 0; j < cols.length; j++) {
        const c = cols[j]!;
        const cell = slot.cells[j]!;
        const v = row?.[c];
        const text = row ? cellText(v) : '';
        line.push(text);
        let cls = isNumeric(this.columns[c]!.type) ? 'cell num' : 'cell';
        if (!row) cls += ' loading';
        else if (v === null) cls += ' missing';
        if (box && r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1) cls += ' sel';
        if (this.focus?.r === r && this.focus.c === c) cls += ' focus';
        set(cell, 'cls', cls, () => (cell.el.className = cls));
        set(cell, 'r', r, () => (cell.el.dataset.r = String(r)));
        set(cell, 'c', c, () => (cell.el.dataset.c = String(c)));
        set(cell, 'x', this.lefts[c]! - sx, (x) => (cell.el.style.left = `${x}px`));
        set(cell, 'w', this.widths[c]!, (w) => (cell.el.style.width = `${w}px`));
        const shown = row ? (v === null ? 'null' : text) : '…';
        set(cell, 'text', shown, () => (cell.el.textContent = shown));
      }
      if (row) texts.push(line);
    }
    this.on.drawn({ firstRow: top, columns: cols.map((c) => this.columns[c]!.name), cells: texts });
  }

  /** Attaches or detaches pooled nodes so that exactly `n` of `pool` are in `parent` (nodes are made once and reused). */
  private fit<T extends { el: HTMLElement }>(pool: T[], n: number, parent: HTMLElement, make: () => T): void {
    while (pool.length < n) pool.push(make());
    for (let i = 0; i < pool.length; i++) {
      const attached = pool[i]!.el.parentNode === parent;
      if (i < n && !attached) parent.appendChild(pool[i]!.el);
      else if (i >= n && attached) pool[i]!.el.remove();
    }
  }

  private newRow(): RowSlot {
    const el = document.createElement('div');
    el.setAttribute('role', 'row');
    const rn = el.appendChild(document.createElement('div'));
    rn.className = 'rn';
    rn.style.width = `${NUM_W}px`;
    return { el, rn, cells: [] };
  }

  private newHeaderCell(): HeaderSlot {
    const el = document.createElement('div');
    el.setAttribute('role', 'columnheader');
    const name = el.appendChild(document.createElement('span'));
    name.className = 'name';
    const arrow = el.appendChild(document.createElement('span'));
    arrow.className = 'arrow';
    const type = el.appendChild(document.createElement('span'));
    type.className = 'type';
    return { el, name, arrow, type };
  }

  private drawHeaderCell(slot: HeaderSlot, c: number, sx: number): void {
    const col = this.columns[c]!;
    const at = this.sort.findIndex((s) => s.column === col.name);
    const s = this.sort[at];
    const arrow = s ? `${s.descending ? '▼' : '▲'}${this.sort.length > 1 ? at + 1 : ''}` : '';
    const cls = `hcell${isNumeric(col.type) ? ' num' : ''}${this.focus?.c === c ? ' chosen' : ''}`;
    set(slot, 'cls', cls, () => (slot.el.className = cls));
    set(slot, 'aria', s ? (s.descending ? 'descending' : 'ascending') : 'none', (aria) => slot.el.setAttribute('aria-sort', aria));
    set(slot, 'arrowText', arrow, () => (slot.arrow.textContent = arrow));
    set(slot, 'x', this.lefts[c]! - sx, (x) => (slot.el.style.left = `${x}px`));
    set(slot, 'w', this.widths[c]!, (w) => (slot.el.style.width = `${w}px`));
    set(slot, 'col', col, () => {
      slot.el.dataset.col = String(c);
      slot.el.title = `${col.name} (${col.type}): click to sort, shift-click to add to the sort`;
      slot.name.textContent = col.name;
      slot.type.textContent = col.type;
    });
  }

  private cellAt(e: MouseEvent): Cell | undefined {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!el) return undefined;
    const r = Number(el.dataset.r);
    return { r, c: el.dataset.c === undefined ? -1 : Number(el.dataset.c) };
  }

  private mouseDown(e: MouseEvent): void {
    const head = (e.target as HTMLElement).closest<HTMLElement>('.hcell[data-col]');
    if (head) {
      const name = this.columns[Number(head.dataset.col)]!.name;
      this.sort = nextSort(this.sort, name, e.shiftKey);
      this.on.sorted(this.sort);
      this.on.columnChosen(name);
      return;
    }
    const cell = this.cellAt(e);
    if (!cell) return;
    e.preventDefault();
    this.scroller.focus({ preventScroll: true });
    if (cell.c === -1) {
      // A row number selects its whole row.
      this.anchor = { r: e.shiftKey && this.anchor ? this.anchor.r : cell.r, c: 0 };
      this.focus = { r: cell.r, c: this.columns.length - 1 };
    } else {
      if (!e.shiftKey || !this.anchor) this.anchor = cell;
      this.focus = cell;
      this.dragging = true;
      this.on.columnChosen(this.columns[cell.c]!.name);
    }
    this.schedule();
  }

  private extendTo(e: MouseEvent): void {
    const cell = this.cellAt(e);
    if (!cell || cell.c < 0 || (cell.r === this.focus?.r && cell.c === this.focus.c)) return;
    this.focus = cell;
    this.schedule();
  }

  private key(e: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], PageUp: [-20, 0], PageDown: [20, 0] };
    if ((e.ctrlKey || e.metaKey) && e.key === 'a') {
      e.preventDefault();
      this.anchor = { r: 0, c: 0 };
      this.focus = { r: this.total - 1, c: this.columns.length - 1 };
      return this.schedule();
    }
    const move = moves[e.key];
    if (!move || !this.total || !this.columns.length) return;
    e.preventDefault();
    const from = this.focus ?? { r: Math.floor(this.firstRow()), c: 0 };
    const to = { r: Math.min(this.total - 1, Math.max(0, from.r + move[0])), c: Math.min(this.columns.length - 1, Math.max(0, from.c + move[1])) };
    if (!e.shiftKey || !this.anchor) this.anchor = to;
    this.focus = to;
    this.reveal(to);
    this.on.columnChosen(this.columns[to.c]!.name);
    this.schedule();
  }

  /** Scrolls so that `cell` is in view. */
  private reveal(cell: Cell): void {
    const rows = Math.floor(this.viewHeight() / ROW_H);
    const first = this.firstRow();
    if (cell.r < first) this.scroller.scrollTop = scrollTopFor(cell.r, this.viewHeight(), this.total, ROW_H);
    else if (cell.r >= first + rows) this.scroller.scrollTop = Math.ceil(scrollTopFor(cell.r - rows + 1, this.viewHeight(), this.total, ROW_H));
    const left = this.lefts[cell.c]! - NUM_W;
    const right = this.lefts[cell.c]! + this.widths[cell.c]!;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (right > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = right - this.scroller.clientWidth;
  }

  private box(): { r0: number; r1: number; c0: number; c1: number } | undefined {
    if (!this.anchor || !this.focus) return undefined;
    return { r0: Math.min(this.anchor.r, this.focus.r), r1: Math.max(this.anchor.r, this.focus.r), c0: Math.min(this.anchor.c, this.focus.c), c1: Math.max(this.anchor.c, this.focus.c) };
  }

  private clampSelection(): void {
    if (this.anchor && (this.anchor.r >= this.total || this.anchor.c >= this.columns.length)) this.anchor = this.focus = undefined;
  }
}
