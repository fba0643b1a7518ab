import type { ColumnTable } from 'arquero';
import type { Features, Matrix } from '../models/contract';
import { readOnlyColumn } from '../data/columns';
import { createMatrix, isMatrix, matrixFromRows } from './matrix';
import { linalgMessage } from './messages';

/** A numeric design matrix with the names of its columns. */
export interface NamedMatrix {
  matrix: Matrix;
  /** One name per column: the table's column names, or x0, x1, … for a Matrix or number[][]. */
  names: string[];
}

/**
 * Turns estimator input (an arquero table of numeric columns, a Matrix or rows of numbers) into a
 * row-major Matrix with column names. Booleans become 0/1; strings, dates and missing values are
 * refused with an error that says which column and what to do (encode or impute in a Pipeline).
 * `caller` names the function in error messages.
 *
 * @example
 * toMatrix(aq.table({ a: [1, 2], b: [true, false] })).names // ['a', 'b']
 */
export function toMatrix(x: Features, caller = 'toMatrix'): NamedMatrix {
  if (isMatrix(x)) {
    assertFinite(x.data, x.cols, (j) => `x${j}`, caller);
    return { matrix: x, names: Array.from({ length: x.cols }, (_, j) => `x${j}`) };
  }
  if (Array.isArray(x)) {
    const matrix = matrixFromRows(x as number[][]);
    assertFinite(matrix.data, matrix.cols, (j) => `x${j}`, caller);
    return { matrix, names: Array.from({ length: matrix.cols }, (_, j) => `x${j}`) };
  }
  if (isTable(x)) return tableToMatrix(x, caller);
  throw new TypeError(linalgMessage.notFeatures(caller));
}

function isTable(x: unknown): x is ColumnTable {
  const t = x as Partial<ColumnTable> | null;
  return typeof t === 'object' && t !== null && typeof t.columnNames === 'function' && typeof t.array === 'function' && typeof t.numRows === 'function';
}

function tableToMatrix(table: ColumnTable, caller: string): NamedMatrix {
  const names = table.columnNames();
  const n = table.numRows();
  const d = names.length;
  const matrix = createMatrix(n, d);
  const out = matrix.data;
  for (let j = 0; j < d; j++) {
    const values = readOnlyColumn(table, names[j]);
    if (values instanceof Float64Array) {
      // What the pipeline's steps give: a loop of one element type, no per-value type test.
      for (let i = 0; i < n; i++) {
        const num = values[i];
        if (!Number.isFinite(num)) throw new RangeError(linalgMessage.notFinite(caller, names[j], i, true));
        out[i * d + j] = num;
      }
      continue;
    }
    for (let i = 0; i < n; i++) {
      const v = values[i];
      let num: number;
      if (typeof v === 'number') num = v;
      else if (typeof v === 'boolean') num = v ? 1 : 0;
      else if (v === null || v === undefined) num = NaN;
      else throw new TypeError(linalgMessage.columnNotNumeric(caller, names[j], i, v));
      if (!Number.isFinite(num)) throw new RangeError(linalgMessage.notFinite(caller, names[j], i, true));
      out[i * d + j] = num;
    }
  }
  return { matrix, names };
}

/**
 * Throws, naming the column and row, when any value is NaN or ±Infinity (what a missing value
 * becomes in a numeric column). One cheap pass when all values are finite.
 *
 * @example
 * assertFinite(Float64Array.of(1, NaN), 1, (j) => `x${j}`, 'fit') // RangeError: fit: column "x0" has a missing or infinite value at row 1; …
 */
export function assertFinite(data: Float32Array | Float64Array, cols: number, name: (j: number) => string, caller: string): void {
  // x·0 is 0 for finite x and NaN for NaN/±Infinity: one cheap pass, then a slow one only to report.
  let probe = 0;
  for (let k = 0; k < data.length; k++) probe += data[k] * 0;
  if (probe === 0) return;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const j = cols ? k % cols : 0;
      throw new RangeError(linalgMessage.notFinite(caller, name(j), cols ? Math.floor(k / cols) : 0, false));
    }
  }
}
