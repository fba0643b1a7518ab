import type { ColumnTable } from 'arquero';
import type { Features, Matrix } from '../models/contract';
import { assertFinite } from '../linalg/toMatrix';
import { trainingMessage } from './messages';

/** Features as the training engines take them: float32, row-major, with column names. */
export interface FeatureMatrix {
  rows: number;
  cols: number;
  /** Element (i, j) is `data[i * cols + j]`. */
  data: Float32Array;
  /** The table's column names, or x0, x1, … for a Matrix or number[][]. */
  names: string[];
}

/**
 * Turns estimator input (an arquero table of numeric columns, a Matrix or rows of numbers) into a
 * float32 row-major matrix. Booleans become 0/1; strings, dates and missing values are refused
 * with an error naming the column and the fix. `caller` names the method in error messages.
 *
 * @param x the features
 * @param caller e.g. 'MLPClassifier.fit'; default 'collectFeatures'
 * @example
 * collectFeatures(aq.table({ a: [1, 2], b: [true, false] })).data // Float32Array [1, 1, 2, 0]
 */
export function collectFeatures(x: Features, caller = 'collectFeatures'): FeatureMatrix {
  if (isMatrix(x)) return fromMatrix(x, caller);
  if (Array.isArray(x)) return fromRows(x as unknown[], caller);
  if (isColumnTable(x)) return fromTable(x, caller);
  throw new TypeError(trainingMessage.notFeatures(caller));
}

/**
 * Whether x is a Matrix ({ rows, cols, data } with a typed array).
 *
 * @example
 * isMatrix({ rows: 1, cols: 2, data: Float64Array.of(1, 2) }) // true
 */
export function isMatrix(x: unknown): x is Matrix {
  const m = x as Partial<Matrix> | null;
  return typeof m === 'object' && m !== null && typeof m.rows === 'number' && typeof m.cols === 'number' && ArrayBuffer.isView(m.data);
}

function isColumnTable(x: unknown): x is ColumnTable {
  const t = x as Partial<ColumnTable> | null;
  return typeof t === 'object' && t !== null && typeof t.columnNames === 'function' && typeof t.array === 'function' && typeof t.numRows === 'function';
}

const defaultNames = (cols: number) => Array.from({ length: cols }, (_, j) => `x${j}`);

function fromMatrix(m: Matrix, caller: string): FeatureMatrix {
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0) throw new RangeError(trainingMessage.matrixBadShape(caller, m.rows, m.cols));
  if (m.data.length !== m.rows * m.cols) throw new RangeError(trainingMessage.matrixBadData(caller, m.rows, m.cols, m.data.length));
  const data = new Float32Array(m.data as ArrayLike<number>);
  const names = defaultNames(m.cols);
  assertFinite(data, m.cols, (j) => names[j], caller);
  return { rows: m.rows, cols: m.cols, data, names };
}

function fromRows(rows: unknown[], caller: string): FeatureMatrix {
  const n = rows.length;
  const first = rows[0];
  const cols = n ? (Array.isArray(first) || ArrayBuffer.isView(first) ? (first as ArrayLike<unknown>).length : -1) : 0;
  if (cols < 0) throw new TypeError(trainingMessage.rowsNotArrays(caller, typeof first));
  const data = new Float32Array(n * cols);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as ArrayLike<unknown>;
    if (!row || row.length !== cols) throw new RangeError(trainingMessage.rowsUneven(caller, cols, i, row?.length ?? 'none'));
    for (let j = 0; j < cols; j++) data[i * cols + j] = toNumber(row[j], () => `x${j}`, i, caller);
  }
  const names = defaultNames(cols);
  assertFinite(data, cols, (j) => names[j], caller);
  return { rows: n, cols, data, names };
}

function fromTable(table: ColumnTable, caller: string): FeatureMatrix {
  const names = table.columnNames();
  const n = table.numRows();
  const cols = names.length;
  const data = new Float32Array(n * cols);
  for (let j = 0; j < cols; j++) {
    const values = table.array(names[j]) as ArrayLike<unknown>;
    if (ArrayBuffer.isView(values)) {
      for (let i = 0; i < n; i++) data[i * cols + j] = values[i] as number;
    } else {
      for (let i = 0; i < n; i++) data[i * cols + j] = toNumber(values[i], () => names[j], i, caller);
    }
  }
  assertFinite(data, cols, (j) => names[j], caller);
  return { rows: n, cols, data, names };
}

function toNumber(v: unknown, column: () => string, row: number, caller: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return NaN;
  const what = v instanceof Date ? 'dates' : `${typeof v} values`;
  throw new TypeError(trainingMessage.columnNotNumeric(caller, column(), what, row, v));
}
