/**
 * The rows the grid has: pages of `PAGE_ROWS` fetched from the host on demand, a small cache
 * (least recently used pages leave first), at most two requests in flight, and only the pages
 * still wanted when a slot frees (a fast scroll to the end does not fetch everything it passed).
 */
import type { TablePage } from '../../src/core/kernel/variables';
import type { TableQuery } from '../../src/protocol/dataViewer';

export const PAGE_ROWS = 250;
const CACHE_PAGES = 40;
const IN_FLIGHT = 2;

type Row = TablePage['rows'][number];

export interface PagerEvents {
  /** A page arrived (redraw); `first` says it was the first page of the current query. */
  loaded(page: TablePage, first: boolean): void;
  /** The kernel refused a page (a bad filter, the value is gone). */
  failed(error: string): void;
}

export class Pager {
  private query: TableQuery = { sort: [], filter: '' };
  private generation = 0;
  private ids = 0;
  private readonly pages = new Map<number, Row[]>();
  private readonly pending = new Map<number, { index: number; generation: number }>();
  private wanted: number[] = [];
  private gotFirst = false;
  /** Nothing is asked before the first query (the host has not said what is viewed, or that the value is there). */
  private started = false;
  columns: TablePage['columns'] = [];
  totalRows: number | undefined;

  constructor(
    private readonly send: (requestId: number, offset: number, limit: number, query: TableQuery) => void,
    private readonly on: PagerEvents,
  ) {}

  get current(): TableQuery {
    return this.query;
  }

  /** A new sort or filter: the cache is dropped and rows are asked for again (the count stays until the first answer). */
  setQuery(query: TableQuery): void {
    this.query = query;
    this.started = true;
    this.generation++;
    this.pages.clear();
    this.pending.clear();
    this.gotFirst = false;
    this.want(0, 1);
  }

  /** Drops everything and asks again for the same query (after the kernel came back). */
  reload(): void {
    this.setQuery(this.query);
  }

  /** The row at `index` if its page is here. */
  row(index: number): Row | undefined {
    const page = this.pages.get(Math.floor(index / PAGE_ROWS));
    return page?.[index % PAGE_ROWS];
  }

  /** Rows `first … first + count` are on screen: fetch their pages, then one page either side. */
  want(first: number, count: number): void {
    const from = Math.floor(first / PAGE_ROWS);
    const to = Math.floor((first + Math.max(0, count - 1)) / PAGE_ROWS);
    const last = this.totalRows === undefined ? to : Math.max(0, Math.ceil(this.totalRows / PAGE_ROWS) - 1);
    const needed: number[] = [];
    for (let i = from; i <= to; i++) needed.push(i);
    if (to + 1 <= last) needed.push(to + 1);
    if (from - 1 >= 0) needed.push(from - 1);
    for (const i of needed) this.touch(i);
    this.wanted = needed.filter((i) => !this.pages.has(i));
    this.pump();
  }

  /** The pages covering rows `first … last` (inclusive), fetched if needed: what a copy needs. */
  async rows(first: number, last: number): Promise<Row[]> {
    const out: Row[] = [];
    for (let i = first; i <= last; i++) {
      let r = this.row(i);
      if (!r) {
        await new Promise<void>((resolve) => {
          const index = Math.floor(i / PAGE_ROWS);
          const check = () => (this.pages.has(index) ? resolve() : setTimeout(check, 20));
          this.wanted = [index, ...this.wanted.filter((w) => w !== index)];
          this.pump();
          check();
        });
        r = this.row(i);
      }
      if (r) out.push(r);
    }
    return out;
  }

  /** The host's answer to one of our requests (an old query's answer is dropped). */
  answer(requestId: number, page: TablePage | undefined, error: string | undefined): void {
    const req = this.pending.get(requestId);
    if (!req) return;
    this.pending.delete(requestId);
    if (req.generation === this.generation) {
      if (error || !page) this.on.failed(error ?? '');
      else {
        this.columns = page.columns;
        this.totalRows = page.totalRows;
        this.pages.set(req.index, page.rows);
        this.evict();
        const first = !this.gotFirst;
        this.gotFirst = true;
        this.on.loaded(page, first);
      }
    }
    this.pump();
  }

  private pump(): void {
    while (this.started && this.pending.size < IN_FLIGHT && this.wanted.length) {
      const index = this.wanted.shift()!;
      if (this.pages.has(index) || [...this.pending.values()].some((p) => p.index === index && p.generation === this.generation)) continue;
      if (this.totalRows !== undefined && index * PAGE_ROWS >= this.totalRows && index > 0) continue;
      const requestId = ++this.ids;
      this.pending.set(requestId, { index, generation: this.generation });
      this.send(requestId, index * PAGE_ROWS, PAGE_ROWS, this.query);
    }
  }

  /** Map order is use order: a page read again moves to the back. */
  private touch(index: number): void {
    const page = this.pages.get(index);
    if (page) {
      this.pages.delete(index);
      this.pages.set(index, page);
    }
  }

  private evict(): void {
    while (this.pages.size > CACHE_PAGES) this.pages.delete(this.pages.keys().next().value!);
  }
}
