/**
 * The kernel's answer to `tablePage`: rows `offset…offset+limit` of a table-like value after its
 * filter and sort. The row order of each (path, sort, filter) is computed once and kept, so scrolling
 * a sorted 1M-row table reads rows without sorting again.
 */
import { types } from 'node:util';
import type { TablePageRequest } from '../../../protocol/kernel';
import { MAX_FILTER_LENGTH, MAX_PAGE_ROWS, filterKind, type TablePage } from '../../../core/kernel/variables';
import { variablesMessage } from '../../../core/kernel/messages';
import { valueAt } from '../inspect';
import { dateText, shortText, timeOf } from '../describe';
import { sourceOf, type ArqueroTable, type TableSource } from './source';
import { cellText } from '../../../core/dataViewer/cellText';

/** The arquero helpers sorting needs (`desc`), from the arquero cells import. */
export interface ArqueroHelpers {
  desc(column: string): unknown;
}

type Order = Uint32Array | undefined;

/** Row orders kept: the last few (path, sort, filter) asked for. */
const MAX_CACHED = 4;
const MAX_CELL_TEXT = 1000;
const orders = new Map<string, { value: object; order: Order }>();

/** Forgets every kept row order (a cell may have changed a value in place). */
export function clearTablePages(): void {
  orders.clear();
  epoch++;
}
/** Counts clearTablePages calls: a search that paused while a cell ran keeps no order computed before it. */
let epoch = 0;

/**
 * @example
 * await tablePage({ requestId: 1, path: ['titanic'], offset: 0, limit: 2, sort: [{ column: 'age', descending: true }] }, aq)
 * // { page: { columns: [{ name: 'name', type: 'string' }, …], totalRows: 1309, offset: 0, rows: [['Barkworth, Mr. Algernon Henry Wilson', 'yes', 'male', 80, '1st'], …] } }
 */
export async function tablePage(req: TablePageRequest, arquero: () => Promise<ArqueroHelpers>): Promise<{ page?: TablePage; error?: string }> {
  const bad = checkRequest(req);
  if (bad) return { error: variablesMessage.badPage(bad) };
  const at = valueAt(req.path);
  if (!at.ok) return { error: at.reason === 'getter' ? variablesMessage.getterNotRead(req.path) : variablesMessage.noValueAt(req.path) };
  const found = sourceOf(req.path, at.value);
  if (!found.ok) return { error: found.error };
  const source = found.source;
  const names = source.columns.map((c) => c.name);
  const shown = req.columns ?? names;
  const unknown = [...shown, ...(req.sort ?? []).map((s) => s.column)].find((c) => !names.includes(c));
  if (unknown !== undefined) return { error: variablesMessage.unknownColumn(unknown, names) };
  let order: Order;
  try {
    order = await orderOf(req, source, arquero);
  } catch (e) {
    return { error: e instanceof FilterError ? e.message : variablesMessage.filterInvalid(String((e as Error)?.message ?? e)) };
  }
  const total = order ? order.length : source.rows;
  const readers = shown.map((c) => source.reader(names.indexOf(c)));
  const rows: TablePage['rows'] = [];
  for (let i = req.offset; i < Math.min(total, req.offset + req.limit); i++) {
    const r = order ? order[i] : i;
    rows.push(readers.map((read) => cellValue(read(r))));
  }
  return { page: { columns: shown.map((c) => source.columns[names.indexOf(c)]), totalRows: total, offset: req.offset, rows } };
}

class FilterError extends Error {}

function checkRequest(req: TablePageRequest): string | undefined {
  const isStrings = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  if (!isStrings(req.path)) return 'path must be a list of names';
  if (req.columns !== undefined && !isStrings(req.columns)) return 'columns must be a list of names';
  if (req.sort !== undefined && !(Array.isArray(req.sort) && req.sort.every((s) => typeof s?.column === 'string' && typeof s.descending === 'boolean')))
    return 'sort must be a list of { column, descending }';
  if (req.filter !== undefined && typeof req.filter !== 'string') return 'filter must be text';
  if (!Number.isSafeInteger(req.offset) || req.offset < 0) return 'offset must be an integer ≥ 0';
  if (!Number.isSafeInteger(req.limit) || req.limit < 0 || req.limit > MAX_PAGE_ROWS) return `limit must be an integer from 0 to ${MAX_PAGE_ROWS}`;
  if (req.filter !== undefined && req.filter.length > MAX_FILTER_LENGTH) return variablesMessage.filterTooLong(MAX_FILTER_LENGTH);
  return undefined;
}

/** The rows after the filter in sort order (physical row numbers), from the cache when the value is the same. */
async function orderOf(req: TablePageRequest, source: TableSource, arquero: () => Promise<ArqueroHelpers>): Promise<Order> {
  const filter = req.filter?.trim() || undefined;
  const sort = req.sort ?? [];
  const startEpoch = epoch;
  const key = JSON.stringify([req.path, sort, filter]);
  const kept = orders.get(key);
  if (kept && kept.value === source.value) {
    orders.delete(key);
    orders.set(key, kept); // most recently used last
    return kept.order;
  }
  let order: Order;
  const search = filter !== undefined && filterKind(filter) === 'contains' ? filter : undefined;
  // Typing narrows a search ('0.1', then '0.12'): only the rows the shorter text kept can contain the longer.
  const narrowed = search === undefined ? undefined : narrowerOrder(req.path, sort, search, source.value);
  if (search !== undefined && narrowed) order = await containing(source, narrowed, search, req.path);
  else {
    if (source.table) order = missingLast(source, await arqueroOrder(source.table, sort, filter, arquero), sort);
    else {
      if (filter && filterKind(filter) === 'expression') throw new FilterError(variablesMessage.filterExpressionNeedsTable);
      order = sortRows(source, source.baseIndex(), sort);
    }
    if (search !== undefined) order = await containing(source, order, search, req.path);
  }
  if (epoch !== startEpoch) return order;
  orders.set(key, { value: source.value, order });
  while (orders.size > MAX_CACHED) orders.delete(orders.keys().next().value!);
  return order;
}

/**
 * A kept result of a text search, on the same value, path and sort, whose text is part of `filter`
 * (ignoring case): every row containing `filter` is among its rows, in the same order.
 */
function narrowerOrder(path: string[], sort: { column: string; descending: boolean }[], filter: string, value: object): Uint32Array | undefined {
  const needle = filter.toLowerCase();
  let best: Uint32Array | undefined;
  for (const [key, kept] of orders) {
    if (kept.value !== value || !(kept.order instanceof Uint32Array)) continue;
    const [p, s, f] = JSON.parse(key) as [string[], unknown, string | null];
    if (typeof f !== 'string' || filterKind(f) !== 'contains' || !needle.includes(f.toLowerCase())) continue;
    if (JSON.stringify(p) !== JSON.stringify(path) || JSON.stringify(s) !== JSON.stringify(sort)) continue;
    if (!best || kept.order.length < best.length) best = kept.order;
  }
  return best;
}

/** Filter with arquero's own expression parser (it refuses globals, closures and calls beyond its `op` functions), then its orderby. */
async function arqueroOrder(table: ArqueroTable, sort: { column: string; descending: boolean }[], filter: string | undefined, arquero: () => Promise<ArqueroHelpers>): Promise<Order> {
  let t = table;
  if (filter && filterKind(filter) === 'expression') t = t.filter(filter);
  if (sort.length) {
    const aq = await arquero();
    t = t.orderby(...sort.map((s) => (s.descending ? aq.desc(s.column) : s.column)));
  }
  return t.isFiltered() || t.isOrdered() ? t.indices() : undefined;
}

/**
 * Moves missing values (null, undefined, NaN) to the end of each ascending key, as pandas, Jupyter's
 * and VS Code's data viewers sort: arquero's orderby ranks them lowest, so they lead an ascending
 * key (within each group of equal earlier keys) and already trail a descending one. Rearranging its
 * order costs one pass per key; keying the sort on "is missing" instead made it ~15× slower (1M rows).
 */
function missingLast(source: TableSource, order: Order, sort: { column: string; descending: boolean }[]): Order {
  if (!order || sort.every((s) => s.descending)) return order;
  const names = source.columns.map((c) => c.name);
  const readers = sort.map((s) => source.reader(names.indexOf(s.column)));
  const rearrange = (lo: number, hi: number, level: number): void => {
    if (level >= sort.length || hi - lo < 2) return;
    const read = readers[level];
    if (!sort[level].descending) {
      let m = lo;
      while (m < hi && isMissing(read(order[m]))) m++;
      if (m > lo && m < hi) {
        const missing = order.slice(lo, m);
        order.copyWithin(lo, m, hi);
        order.set(missing, hi - missing.length);
      }
    }
    if (level + 1 === sort.length) return;
    let start = lo;
    for (let i = lo + 1; i <= hi; i++) {
      if (i < hi && sameKey(read(order[i]), read(order[start]))) continue;
      rearrange(start, i, level + 1);
      start = i;
    }
  };
  rearrange(0, order.length, 0);
  return order;
}

/** Equal as a sort key: the same value, both NaN, or dates at the same time. */
function sameKey(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  return types.isDate(a) && types.isDate(b) && timeOf(a as Date) === timeOf(b as Date);
}

/** Sorts rows of a source without arquero (records, matrices, tensors): missing values last. */
function sortRows(source: TableSource, base: Order, sort: { column: string; descending: boolean }[]): Order {
  if (!sort.length) return base;
  const idx = base ? Uint32Array.from(base) : Uint32Array.from({ length: source.rows }, (_, i) => i);
  const names = source.columns.map((c) => c.name);
  const keys = sort.map((s) => {
    const read = source.reader(names.indexOf(s.column));
    const values = new Array<unknown>(source.rows);
    for (const r of idx) values[r] = read(r);
    return { values, sign: s.descending ? -1 : 1 };
  });
  idx.sort((a, b) => {
    for (const k of keys) {
      const c = compareValues(k.values[a], k.values[b], k.sign);
      if (c) return c;
    }
    return a - b;
  });
  return idx;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || Number.isNaN(v);
}

function compareValues(x: unknown, y: unknown, sign: number): number {
  const mx = isMissing(x);
  const my = isMissing(y);
  if (mx || my) return mx && my ? 0 : mx ? 1 : -1;
  const a = types.isDate(x) ? timeOf(x as Date) : (x as number | string);
  const b = types.isDate(y) ? timeOf(y as Date) : (y as number | string);
  return a < b ? -sign : a > b ? sign : 0;
}

/** The latest text search started per value path: an older one still running stops at its next pause. */
const searches = new Map<string, number>();
let searchCount = 0;
/** How long a search runs before it lets other requests (pages, a cell to run, a newer search) in. */
const SEARCH_SLICE_MS = 25;

/**
 * The rows where some cell's text contains `text`, ignoring case. A search that has to turn numbers
 * into text can take seconds on a million rows × 50 columns, so it pauses every few milliseconds:
 * the kernel keeps answering (and running cells) meanwhile, and when the user has typed on, the
 * newer search of the same value supersedes this one, which stops.
 */
async function containing(source: TableSource, order: Order, text: string, path: string[]): Promise<Uint32Array> {
  const key = JSON.stringify(path);
  const id = ++searchCount;
  searches.set(key, id);
  const needle = text.toLowerCase();
  // Other text skips number columns (50M number-to-text conversions on 1M × 50 take ~8 s).
  const numeric = couldBeInNumberText(needle);
  const n = order ? order.length : source.rows;
  const readers = source.columns.flatMap((c, i) => (numeric || c.type !== 'number' ? [source.reader(i)] : []));
  const out = new Uint32Array(n);
  let kept = 0;
  let sliceStart = performance.now();
  try {
    for (let i = 0; i < n; i++) {
      if ((i & 4095) === 0 && performance.now() - sliceStart > SEARCH_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        if (searches.get(key) !== id) throw new FilterError(variablesMessage.searchSuperseded);
        sliceStart = performance.now();
      }
      const r = order ? order[i] : i;
      for (const read of readers) {
        if (lowerTextOf(read(r)).includes(needle)) {
          out[kept++] = r;
          break;
        }
      }
    }
  } finally {
    if (searches.get(key) === id) searches.delete(key);
  }
  return out.slice(0, kept);
}

/**
 * Whether lower-case `needle` can be part of a number's text as the viewer shows it: digits, sign,
 * point and exponent ('-1.5e+21'), or part of '-infinity' (NaN shows blank). 'tea' or 'fan' cannot,
 * so a search for them never converts a number column to text.
 *
 * @example
 * couldBeInNumberText('0.12') // true
 * couldBeInNumberText('fate') // false
 */
export function couldBeInNumberText(needle: string): boolean {
  return /^[-+0-9.e]*$/.test(needle) || '-infinity'.includes(needle);
}

/**
 * A cell's text as the viewer shows it (cellText of what the page carries: numbers to 7 significant
 * digits, NaN blank), in lower case: a search finds what the user sees, not digits hidden by rounding.
 */
function lowerTextOf(v: unknown): string {
  // A finite number's text is lower case already ('1.234568e+21'): most of a search through number columns is here.
  if (typeof v === 'number' && Number.isFinite(v)) return cellText(v);
  const shown = cellValue(v);
  return shown === null ? '' : cellText(shown).toLowerCase();
}

/** A cell as JSON carries it: missing and NaN as null (data loaders store a missing number as NaN), infinities and dates as text, objects as a short description. */
export function cellValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.isNaN(v) ? null : String(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v;
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'object' && types.isDate(v)) return dateText(v as Date);
  return shortText(v);
}
