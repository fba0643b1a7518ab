import type { ColumnTable } from 'arquero';
import type { Features, Matrix } from '../../models/contract';
import { describe } from '../metrics/validate';
import { evaluationMessage } from '../messages';

/** Column access to any contract `Features` (arquero table, Matrix or rows), and copies with one column replaced. */
export interface FeatureFrame {
  names: string[];
  rows: number;
  column(j: number): ArrayLike<unknown>;
  /** A Features value of the same kind with column j replaced (the original is untouched). */
  withColumn(j: number, values: ArrayLike<unknown>): Features;
}

function isTable(v: unknown): v is ColumnTable {
  const t = v as Partial<ColumnTable> | null;
  return typeof t === 'object' && t !== null && typeof t.columnNames === 'function' && typeof t.array === 'function' && typeof t.assign === 'function';
}

function isMatrix(v: unknown): v is Matrix {
  const m = v as Partial<Matrix> | null;
  return typeof m === 'object' && m !== null && m.data instanceof Float64Array && typeof m.rows === 'number' && typeof m.cols === 'number';
}

/**
 * A FeatureFrame over features. Matrix and row columns are named by `names`, else 'x0', 'x1', …
 */
export function _featureFrame(fn: string, x: Features, names?: string[]): FeatureFrame {
  if (isTable(x)) {
    const table = x.isFiltered() || x.isOrdered() ? x.reify() : x;
    const cols = table.columnNames();
    return {
      names: cols,
      rows: table.numRows(),
      column: (j) => table.array(cols[j]) as ArrayLike<unknown>,
      withColumn: (j, values) => table.assign({ [cols[j]]: Array.from(values) }),
    };
  }
  if (isMatrix(x)) {
    const labels = names ?? Array.from({ length: x.cols }, (_, j) => `x${j}`);
    if (labels.length !== x.cols) throw new RangeError(evaluationMessage.featureNamesLength(fn, labels.length, x.cols));
    return {
      names: labels,
      rows: x.rows,
      column: (j) => Float64Array.from({ length: x.rows }, (_, i) => x.data[i * x.cols + j]),
      withColumn: (j, values) => {
        const data = Float64Array.from(x.data);
        for (let i = 0; i < x.rows; i++) data[i * x.cols + j] = values[i] as number;
        return { rows: x.rows, cols: x.cols, data };
      },
    };
  }
  if (Array.isArray(x) && (x.length === 0 || Array.isArray(x[0]))) {
    const rows = x as number[][];
    const cols = rows[0]?.length ?? 0;
    const labels = names ?? Array.from({ length: cols }, (_, j) => `x${j}`);
    return {
      names: labels,
      rows: rows.length,
      column: (j) => rows.map((r) => r[j]),
      withColumn: (j, values) =>
        rows.map((r, i) => {
          const copy = r.slice();
          copy[j] = values[i] as number;
          return copy;
        }),
    };
  }
  throw new TypeError(evaluationMessage.badFeatures(fn, describe(x)));
}

/** The index of a feature given by name or position. */
export function _featureIndex(fn: string, frame: FeatureFrame, feature: string | number): number {
  const j = typeof feature === 'number' ? feature : frame.names.indexOf(feature);
  if (!Number.isInteger(j) || j < 0 || j >= frame.names.length) throw new RangeError(evaluationMessage.noFeature(fn, JSON.stringify(feature), frame.names.join(', ')));
  return j;
}
