import { fromBigInts } from '../args/columns';
import type { ColumnTable } from 'arquero';
import { isColumnTable, rowsAt } from '../features/tableInput';
import { isMatrix, takeRows, takeValues } from '../linalg/matrix';
import type { Features, Target } from '../models/contract';
import type { CvOption, Fold } from './contract';
import { KFold } from './kFold';
import { StratifiedKFold } from './stratifiedKFold';
import { validationMessage } from './messages';

/** Features and target of a cross-validation or search, label column removed. */
export interface CvData {
  x: Features;
  y: Target;
  rows: number;
  groups?: ArrayLike<unknown>;
}

/**
 * Separates features from the label: `label` names a column of the table `data`, or is the
 * target itself; `groups` likewise (a column name, or one group id per row).
 *
 * @example
 * const { x, y } = prepareCvData(penguins, 'species', undefined, 'crossValidate');
 */
export function prepareCvData(data: Features, label: string | Target, groups: string | ArrayLike<unknown> | undefined, caller: string): CvData {
  const rows = isColumnTable(data) ? data.numRows() : isMatrix(data) ? data.rows : Array.isArray(data) ? data.length : -1;
  if (rows < 0) throw new TypeError(validationMessage.notData(caller, 'data'));
  let x: Features = data;
  let y: Target;
  const column = (name: string, what: string) => {
    if (!isColumnTable(data)) throw new TypeError(validationMessage.columnNeedsTable(caller, what, name));
    if (!data.columnNames().includes(name)) throw new RangeError(validationMessage.noColumn(caller, what, name, data.columnNames()));
    return data.array(name) as ArrayLike<unknown>;
  };
  if (typeof label === 'string') {
    y = fromBigInts(caller, label, column(label, 'label') as Target);
    x = (data as ColumnTable).select((data as ColumnTable).columnNames().filter((c) => c !== label && c !== groups)).reify();
  } else {
    if (!label || label.length !== rows) throw new RangeError(validationMessage.badLabel(caller, rows, label?.length));
    y = fromBigInts(caller, 'y', label);
    if (typeof groups === 'string' && isColumnTable(data)) x = data.select(data.columnNames().filter((c) => c !== groups)).reify();
  }
  const g = typeof groups === 'string' ? column(groups, 'groups') : groups;
  if (g && g.length !== rows) throw new RangeError(validationMessage.lengthMismatch(caller, 'groups', g.length, 'values', rows));
  return { x, y, rows, groups: g };
}

/**
 * The rows of features at `indices`.
 *
 * @example
 * takeFeatures(table, fold.train)
 */
export function takeFeatures(x: Features, indices: Int32Array): Features {
  if (isColumnTable(x)) return rowsAt(x, indices);
  if (isMatrix(x)) return takeRows(x, indices);
  return takeValues(x as number[][], indices);
}

/**
 * The target values at `indices`.
 *
 * @example
 * takeTarget(y, fold.test)
 */
export function takeTarget(y: Target, indices: Int32Array): Target {
  return takeValues(y as ArrayLike<string | number | boolean>, indices);
}

/**
 * The folds a `cv` option means: a number k gives StratifiedKFold(k) for classifiers and
 * KFold(k) otherwise (as sklearn's check_cv); a splitter is asked; folds pass through.
 *
 * @example
 * resolveFolds(5, 'classifier', data, 'crossValidate') // StratifiedKFold(5) folds
 */
export function resolveFolds(cv: CvOption, kind: string, data: CvData, caller: string): Fold[] {
  if (typeof cv === 'number') {
    const splitter = kind === 'classifier' ? new StratifiedKFold({ nSplits: cv }) : new KFold({ nSplits: cv });
    return splitter.split(data.rows, { y: data.y });
  }
  if (Array.isArray(cv)) {
    cv.forEach((f, i) => {
      if (!(f?.train && f?.test)) throw new TypeError(validationMessage.foldNeedsIndices(caller, i));
    });
    return (cv as Fold[]).map((f) => ({ train: Int32Array.from(f.train), test: Int32Array.from(f.test) }));
  }
  const splitter = cv as { split?: unknown };
  if (typeof splitter?.split !== 'function') throw new TypeError(validationMessage.badCv(caller));
  return (cv as Exclude<CvOption, number | readonly Fold[]>).split(data.rows, { y: data.y, groups: data.groups });
}

/**
 * A short content hash of the folds, so paired comparisons can check both runs used the same ones.
 *
 * @example
 * foldSignature(folds) // '9c1e…'
 */
export function foldSignature(folds: readonly Fold[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (const f of folds) {
    for (const part of [f.train, f.test]) {
      for (let i = 0; i < part.length; i++) {
        h1 = Math.imul(h1 ^ part[i], 0x01000193);
        h2 = Math.imul(h2 ^ part[i], 0x5bd1e995);
      }
      h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
