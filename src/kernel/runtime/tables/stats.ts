/**
 * The kernel's answer to `tableStats`: count, missing, distinct, min/max, mean and the most frequent
 * values of one column, over the whole table (before the viewer's filter). Kept per value and column.
 */
import { types } from 'node:util';
import type { ColumnStats } from '../../../core/kernel/variables';
import { variablesMessage } from '../../../core/kernel/messages';
import { valueAt } from '../inspect';
import { cellValue } from './page';
import { sourceOf } from './source';

const TOP = 10;
/** Distinct values counted up to this many; beyond it `distinct` and `top` are left out (memory). */
const MAX_DISTINCT = 2_000_000;
const kept = new WeakMap<object, Map<string, ColumnStats>>();

/**
 * @example
 * tableStats(['titanic'], 'age') // { stats: { column: 'age', type: 'number', count: 1309, missing: 263, min: 0.1667, max: 80, mean: 29.88, distinct: 98, top: [...] } }
 */
export function tableStats(path: readonly string[], column: string): { stats?: ColumnStats; error?: string } {
  const at = valueAt(path);
  if (!at.ok) return { error: at.reason === 'getter' ? variablesMessage.getterNotRead(path) : variablesMessage.noValueAt(path) };
  const found = sourceOf(path, at.value);
  if (!found.ok) return { error: found.error };
  const source = found.source;
  const i = source.columns.findIndex((c) => c.name === column);
  if (i < 0)
    return {
      error: variablesMessage.unknownColumn(
        column,
        source.columns.map((c) => c.name),
      ),
    };
  let byColumn = kept.get(source.value);
  if (!byColumn) kept.set(source.value, (byColumn = new Map()));
  let stats = byColumn.get(column);
  if (!stats) {
    const base = source.baseIndex();
    const read = source.reader(i);
    stats = collectStats(column, source.columns[i].type, base ? base.length : source.rows, (k) => read(base ? base[k] : k));
    byColumn.set(column, stats);
  }
  return { stats };
}

function collectStats(column: string, type: string, n: number, valueAt: (k: number) => unknown): ColumnStats {
  let missing = 0;
  let sum = 0;
  let numbers = 0;
  let min: number | string | undefined;
  let max: number | string | undefined;
  let counts: Map<unknown, number> | undefined = new Map();
  for (let k = 0; k < n; k++) {
    let v = valueAt(k);
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
      missing++;
      continue;
    }
    if (typeof v === 'number') {
      sum += v;
      numbers++;
    } else if (typeof v !== 'string') v = cellValue(v);
    if (typeof v === 'number' || typeof v === 'string') {
      if (min === undefined || v < min) min = v;
      if (max === undefined || v > max) max = v;
    }
    if (counts) {
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (counts.size > MAX_DISTINCT) counts = undefined;
    }
  }
  const stats: ColumnStats = { column, type, count: n, missing };
  if (counts) {
    stats.distinct = counts.size;
    stats.top = topOf(counts);
  }
  if (min !== undefined && max !== undefined) Object.assign(stats, { min: cellValue(min), max: cellValue(max) });
  if (numbers > 0 && numbers === n - missing && Number.isFinite(sum / numbers)) stats.mean = sum / numbers;
  return stats;
}

/** The most frequent values, most frequent first (ties in first-seen order); values as text. */
function topOf(counts: Map<unknown, number>): { value: string; count: number }[] {
  const top: [unknown, number][] = [];
  for (const e of counts) {
    if (top.length < TOP || e[1] > top[top.length - 1][1]) {
      let at = top.length;
      while (at > 0 && top[at - 1][1] < e[1]) at--;
      top.splice(at, 0, e);
      if (top.length > TOP) top.pop();
    }
  }
  return top.map(([v, count]) => ({ value: String(typeof v === 'string' ? cellValue(v) : types.isDate(v) ? cellValue(v) : String(v)), count }));
}
