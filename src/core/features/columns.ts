import { table as makeTable, type ColumnTable } from 'arquero';
import { readOnlyColumn } from '../data/columns';
import type { ColumnKind, ColumnSelection, ColumnSelector } from './contract';
import { featuresMessage } from './messages';

/** A column's values as the steps see them (in row order, often the table's own array: never written to). */
export type Values = ArrayLike<unknown>;

/**
 * null, undefined and NaN count as missing (pandas' and scikit-learn's notion).
 *
 * @example
 * [null, undefined, NaN, 0].map(isMissing) // [true, true, true, false]
 */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * The kind of the non-missing values of a column: 'number', 'string', 'boolean', 'date', or
 * 'empty' (all missing) / 'mixed'.
 *
 * @example
 * kindOf([1, null, 2]) // 'number'
 */
export function kindOf(values: Values): ColumnKind | 'empty' | 'mixed' {
  let kind: ColumnKind | 'empty' = 'empty';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    const k: ColumnKind | undefined = typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : v instanceof Date ? 'date' : undefined;
    if (!k) return 'mixed';
    if (kind === 'empty') kind = k;
    else if (kind !== k) return 'mixed';
  }
  return kind;
}

/**
 * Picks columns by kind (booleans and numbers are different kinds).
 *
 * @example
 * new StandardScaler({ columns: numericColumns({ exclude: ['id'] }) })
 */
export function numericColumns(options: { exclude?: readonly string[] } = {}): ColumnSelector {
  return { dtype: 'number', exclude: options.exclude ?? [] };
}

/**
 * Picks text and boolean columns (what one-hot and ordinal encoders take).
 *
 * @example
 * new OneHotEncoder({ columns: categoricalColumns() })
 */
export function categoricalColumns(options: { exclude?: readonly string[] } = {}): ColumnSelector {
  return { dtype: ['string', 'boolean'], exclude: options.exclude ?? [] };
}

/**
 * Picks columns whose names match a regular expression.
 *
 * @example
 * new SelectColumns({ columns: matchColumns(/^bill_/) })
 */
export function matchColumns(pattern: RegExp | string, options: { exclude?: readonly string[] } = {}): ColumnSelector {
  return { pattern: typeof pattern === 'string' ? pattern : pattern.source, exclude: options.exclude ?? [] };
}

/**
 * The column names a selection means for this table, in table order for rules and in the given
 * order for name lists. Unknown names are an error naming the table's columns.
 *
 * @example
 * resolveColumns(aq.table({ a: [1], s: ['x'] }), numericColumns(), 'StandardScaler.fit') // ['a']
 */
export function resolveColumns(table: ColumnTable, selection: ColumnSelection, caller: string): string[] {
  const names = table.columnNames();
  if (Array.isArray(selection)) {
    const missing = selection.filter((c) => !names.includes(c));
    if (missing.length) throw new RangeError(featuresMessage.noColumns(caller, missing, names));
    return [...selection];
  }
  const rule = selection as ColumnSelector;
  if (typeof rule !== 'object' || rule === null) throw new TypeError(featuresMessage.badColumnsRule(caller));
  const kinds = rule.dtype === undefined ? undefined : Array.isArray(rule.dtype) ? rule.dtype : [rule.dtype];
  const re = rule.pattern === undefined ? undefined : new RegExp(rule.pattern);
  const exclude = new Set(rule.exclude ?? []);
  return names.filter((name) => {
    if (exclude.has(name)) return false;
    if (re && !re.test(name)) return false;
    if (kinds) {
      const k = kindOf(readColumn(table, name));
      if (!kinds.includes(k as ColumnKind)) return false;
    }
    return true;
  });
}

/**
 * A column's values in row order (respecting arquero filters and ordering), read-only: the
 * table's own array when it can be (see `readOnlyColumn`), so a step copies before it writes.
 *
 * @example
 * readColumn(table.filter((d) => d.a > 1), 'a') // only the filtered rows
 */
export function readColumn(table: ColumnTable, name: string): Values {
  return readOnlyColumn(table, name);
}

/** One output column of a step. */
export interface OutputColumn {
  name: string;
  values: ArrayLike<unknown>;
}

/**
 * A new table where each column in `replacements` is replaced, in place, by its output columns
 * (one or more, or none to drop it); other columns are kept as they are.
 *
 * @example
 * replaceColumns(t, new Map([['c', [{ name: 'c_x', values: [1, 0] }, { name: 'c_y', values: [0, 1] }]]]), 'OneHotEncoder')
 */
export function replaceColumns(table: ColumnTable, replacements: Map<string, OutputColumn[]>, caller: string): ColumnTable {
  const data: Record<string, ArrayLike<unknown>> = {};
  const order: string[] = [];
  const add = (name: string, values: ArrayLike<unknown>) => {
    if (name in data) throw new RangeError(featuresMessage.outputColumnExists(caller, name));
    data[name] = values;
    order.push(name);
  };
  for (const name of table.columnNames()) {
    const outputs = replacements.get(name);
    if (outputs) for (const o of outputs) add(o.name, o.values);
    else add(name, readColumn(table, name));
  }
  return makeTable(data, order);
}

/**
 * Requires the fitted columns in a table passed to transform.
 *
 * @example
 * requireColumns(test, ['age'], 'StandardScaler.transform') // throws when test has no 'age'
 */
export function requireColumns(table: ColumnTable, columns: readonly string[], caller: string): void {
  const names = new Set(table.columnNames());
  const missing = columns.filter((c) => !names.has(c));
  if (missing.length) throw new RangeError(featuresMessage.lacksFittedColumns(caller, missing, 'the step'));
}
