/**
 * A fake data viewer host: a 1,000,000 × 50 table held in memory (typed columns, as an arquero
 * table of numbers would hold them; text columns as codes into a small dictionary), answering
 * `getPage` and `getStats` as the kernel would (sort by any columns, text-contains filter).
 */
import { argsortAscending } from '../../src/core/linalg/argsort';
import { createRng } from '../../src/core/linalg/random';
import type { ColumnStats, TablePage } from '../../src/core/kernel/variables';
import type { TableQuery } from '../../src/protocol/dataViewer';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima'];

type Column = { name: string; type: 'number' | 'string'; values: Float64Array | Int32Array | Uint8Array };

export class FakeTable {
  readonly columns: Column[] = [];
  private orderKey = '';
  private order: Uint32Array | undefined;

  constructor(readonly rows: number) {
    const rng = createRng(42);
    const rand = () => rng.nextFloat();
    this.columns.push({ name: 'id', type: 'number', values: Int32Array.from({ length: rows }, (_, i) => i) });
    for (let c = 1; c < 50; c++) {
      if (c % 10 === 5) this.columns.push({ name: `label_${c}`, type: 'string', values: Uint8Array.from({ length: rows }, () => Math.floor(rand() * WORDS.length)) });
      else if (c % 10 === 3) this.columns.push({ name: `count_${c}`, type: 'number', values: Int32Array.from({ length: rows }, () => Math.floor(rand() * 1000)) });
      else this.columns.push({ name: `x${c}`, type: 'number', values: Float64Array.from({ length: rows }, () => (rand() < 0.01 ? NaN : Math.round(rand() * 1e6) / 1e3)) });
    }
  }

  value(row: number, c: number): string | number | null {
    const col = this.columns[c]!;
    const v = col.values[row]!;
    if (col.type === 'string') return WORDS[v]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Row indices in the query's order (only single-column sort and text filters: what the tests ask). */
  private indices(query: TableQuery): Uint32Array | undefined {
    const key = JSON.stringify(query);
    if (key === this.orderKey) return this.order;
    let order: Uint32Array | undefined;
    const [first] = query.sort;
    if (first) {
      const col = this.columns.find((c) => c.name === first.column)!;
      const values = col.type === 'string' ? Float64Array.from(col.values, (v) => v) : Float64Array.from(col.values, (v) => (Number.isNaN(v) ? Infinity : v));
      order = argsortAscending(values);
      if (first.descending) order.reverse();
    }
    if (query.filter) {
      const words = new Set(WORDS.map((w, i) => (w.includes(query.filter.toLowerCase()) ? i : -1)).filter((i) => i >= 0));
      const base = order ?? Uint32Array.from({ length: this.rows }, (_, i) => i);
      const textCols = this.columns.filter((c) => c.type === 'string');
      order = base.filter((r) => textCols.some((c) => words.has(c.values[r]!)));
    }
    this.orderKey = key;
    this.order = order;
    return order;
  }

  page(offset: number, limit: number, query: TableQuery): TablePage {
    const order = this.indices(query);
    const total = order ? order.length : this.rows;
    const rows: TablePage['rows'] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      const r = order ? order[i]! : i;
      rows.push(this.columns.map((_, c) => this.value(r, c)));
    }
    return { columns: this.columns.map((c) => ({ name: c.name, type: c.type })), totalRows: total, offset, rows };
  }

  stats(column: string): ColumnStats {
    const col = this.columns.find((c) => c.name === column)!;
    let missing = 0;
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of col.values) {
      if (Number.isNaN(v)) missing++;
      else {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
    }
    if (col.type === 'string') {
      const counts = new Array<number>(WORDS.length).fill(0);
      for (const v of col.values) counts[v]!++;
      const top = counts.map((count, i) => ({ value: WORDS[i]!, count })).sort((a, b) => b.count - a.count);
      return { column, type: 'string', count: this.rows, missing: 0, distinct: WORDS.length, min: WORDS[0], max: WORDS[WORDS.length - 1], top: top.slice(0, 10) };
    }
    return { column, type: 'number', count: this.rows, missing, min, max, mean: sum / (this.rows - missing) };
  }
}
