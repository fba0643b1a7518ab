import { fromBigInts } from '../../args/columns';
import { describe, isArrayLike } from '../metrics/validate';
import { evaluationMessage } from '../messages';

/** Rows split by the values of one or more columns (an intersection when several). */
export interface Grouping {
  /** 'sex', or 'sex × island' for an intersection. */
  name: string;
  columns: string[];
  /** Group labels, e.g. 'FEMALE' or 'FEMALE × Biscoe', sorted. */
  keys: string[];
  /** Each group's column values. */
  values: Record<string, string | number | boolean | null>[];
  /** Each row's group index. */
  codes: Int32Array;
  /** Rows per group. */
  sizes: number[];
}

export const MISSING_GROUP = '(missing)';

/**
 * Groups rows by the named columns; null/undefined/NaN values form a '(missing)' group.
 *
 * @example
 * collectGroups({ sex: ['F', 'M', 'F'] }, ['sex']).keys; // ['F', 'M']
 * collectGroups({ sex, island }, ['sex', 'island']).name; // 'sex × island'
 */
export function collectGroups(columns: Record<string, ArrayLike<unknown>>, names: string[], n?: number): Grouping {
  const fn = 'collectGroups';
  if (!Array.isArray(names) || names.length === 0) throw new TypeError(evaluationMessage.noGroupColumns(fn));
  const arrays = names.map((name) => {
    const col = columns[name];
    if (!isArrayLike(col)) throw new RangeError(evaluationMessage.noGroupColumn(fn, name, Object.keys(columns).join(', ') || 'none'));
    // An int64 column (BigInt64Array) groups like a number column.
    return fromBigInts(fn, name, col);
  });
  const rows = n ?? arrays[0].length;
  arrays.forEach((a, j) => {
    if (a.length !== rows) throw new RangeError(evaluationMessage.groupLengthDiffers(fn, names[j], a.length, rows));
  });
  const index = new Map<string, number>();
  const rawCodes = new Int32Array(rows);
  const firstValues: Record<string, string | number | boolean | null>[] = [];
  for (let i = 0; i < rows; i++) {
    const parts = arrays.map((a) => a[i]);
    const key = parts.map(label).join(' × ');
    let code = index.get(key);
    if (code === undefined) {
      code = index.size;
      index.set(key, code);
      firstValues.push(Object.fromEntries(names.map((name, j) => [name, jsonValue(parts[j], name)])));
    }
    rawCodes[i] = code;
  }
  // Sort groups by their values (numbers numerically), so reports and charts are stable.
  const keys = [...index.keys()];
  const order = keys.map((_, i) => i).sort((a, b) => compareValues(firstValues[a], firstValues[b], names));
  const remap = new Int32Array(keys.length);
  order.forEach((old, neu) => (remap[old] = neu));
  const codes = rawCodes.map((c) => remap[c]);
  const sizes = new Array<number>(keys.length).fill(0);
  for (let i = 0; i < rows; i++) sizes[codes[i]]++;
  return { name: names.join(' × '), columns: [...names], keys: order.map((i) => keys[i]), values: order.map((i) => firstValues[i]), codes, sizes };
}

/** Row indices of each group, ascending. */
export function groupRows(g: Grouping): Uint32Array[] {
  const out = g.sizes.map((s) => new Uint32Array(s));
  const fill = new Array<number>(g.sizes.length).fill(0);
  for (let i = 0; i < g.codes.length; i++) out[g.codes[i]][fill[g.codes[i]]++] = i;
  return out;
}

function label(v: unknown): string {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return MISSING_GROUP;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function jsonValue(v: unknown, column: string): string | number | boolean | null {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  throw new TypeError(evaluationMessage.badGroupValue(column, describe(v)));
}

function compareValues(a: Record<string, unknown>, b: Record<string, unknown>, names: string[]): number {
  for (const name of names) {
    const x = a[name];
    const y = b[name];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
