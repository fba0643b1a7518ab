import type { Matrix } from '../models/contract';
import { linalgMessage } from './messages';

export type { Matrix };

/**
 * A zero-filled `rows × cols` Matrix (row-major Float64Array), or one wrapping `data`.
 *
 * @example
 * const m = createMatrix(2, 3);            // 2 rows, 3 columns of zeros
 * createMatrix(1, 2, new Float64Array([1, 2]));
 */
export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(linalgMessage.badShape('createMatrix', rows, cols));
  }
  if (data && data.length !== rows * cols) throw new RangeError(linalgMessage.valueCount('createMatrix', 'data', data.length, rows, cols));
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

/**
 * True for a `{ rows, cols, data: Float64Array }` Matrix.
 *
 * @example
 * isMatrix({ rows: 1, cols: 1, data: new Float64Array(1) }) // true
 */
export function isMatrix(v: unknown): v is Matrix {
  const m = v as Partial<Matrix> | null;
  return typeof m === 'object' && m !== null && m.data instanceof Float64Array && typeof m.rows === 'number' && typeof m.cols === 'number';
}

/**
 * The Matrix of an array of equal-length numeric rows.
 *
 * @example
 * matrixFromRows([[1, 2], [3, 4]]) // { rows: 2, cols: 2, data: Float64Array [1, 2, 3, 4] }
 */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  if (!Array.isArray(rows)) throw new TypeError(linalgMessage.notRows('matrixFromRows'));
  const cols = rows.length ? rows[0].length : 0;
  const out = createMatrix(rows.length, cols);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r || r.length !== cols) throw new RangeError(linalgMessage.raggedRow('matrixFromRows', i, r?.length ?? 0, cols));
    for (let j = 0; j < cols; j++) out.data[i * cols + j] = r[j];
  }
  return out;
}

/**
 * The rows of `m` at `indices`, in that order (a copy).
 *
 * @example
 * takeRows(m, [0, 2]) // rows 0 and 2 of m
 */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const out = createMatrix(indices.length, m.cols);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(i >= 0 && i < m.rows)) throw new RangeError(linalgMessage.rowOutOfRange('takeRows', i, m.rows));
    out.data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), k * m.cols);
  }
  return out;
}

/**
 * Elements of a plain array or typed array at `indices`, in that order.
 *
 * @example
 * takeValues(['a', 'b', 'c'], [2, 0]) // ['c', 'a']
 */
export function takeValues<T>(values: ArrayLike<T>, indices: ArrayLike<number>): T[] {
  const out = new Array<T>(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = values[indices[k]];
  return out;
}
