import { fromBigInts } from '../../args/columns';
import { table as makeTable } from 'arquero';
import { isColumnTable } from '../../features/tableInput';
import { isMatrix } from '../../linalg/matrix';
import type { Features, Target } from '../../models/contract';
import type { TrialDataset } from './trial';
import { validationMessage } from '../messages';

let counter = 0;

/**
 * Packs features and target into a TrialDataset (columns as plain or typed arrays).
 *
 * @example
 * const ds = toTrialDataset(xTable, yValues);
 */
export function toTrialDataset(x: Features, target: Target): TrialDataset {
  const y = fromBigInts('toTrialDataset', 'y', target);
  const id = `ds${++counter}-${Date.now().toString(36)}`;
  if (isColumnTable(x)) {
    const names = x.columnNames();
    return { id, rows: x.numRows(), features: { kind: 'table', names, columns: names.map((n) => x.array(n) as ArrayLike<unknown>) }, y: Array.from(y as ArrayLike<unknown>) };
  }
  if (isMatrix(x)) return { id, rows: x.rows, features: { kind: 'matrix', cols: x.cols, data: x.data }, y: Array.from(y as ArrayLike<unknown>) };
  if (Array.isArray(x)) {
    const cols = x.length ? (x[0] as number[]).length : 0;
    const data = new Float64Array(x.length * cols);
    (x as number[][]).forEach((r, i) => data.set(r, i * cols));
    return { id, rows: x.length, features: { kind: 'matrix', cols, data }, y: Array.from(y as ArrayLike<unknown>) };
  }
  throw new TypeError(validationMessage.notData('toTrialDataset', 'x'));
}

/** Features and target ready for fitting (an arquero table or a Matrix). */
export interface TrialData {
  id: string;
  x: Features;
  y: Target;
}

/**
 * Unpacks a TrialDataset (e.g. after it crossed a process boundary).
 *
 * @example
 * const data = loadTrialDataset(ds); // { id, x, y }
 */
export function loadTrialDataset(ds: TrialDataset): TrialData {
  if (!ds || typeof ds.id !== 'string' || !ds.features) throw new TypeError(validationMessage.notTrialDataset);
  const f = ds.features;
  const x: Features = f.kind === 'table' ? makeTable(Object.fromEntries(f.names.map((n, j) => [n, f.columns[j]])), f.names) : { rows: ds.rows, cols: f.cols, data: f.data };
  return { id: ds.id, x, y: ds.y as Target };
}
