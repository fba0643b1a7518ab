import type { Fold } from './contract';
import { checkInteger } from '../args/checkInteger';
import { validationMessage } from './messages';

/**
 * A fold from a per-row test mask: both index lists ascending, as scikit-learn yields them.
 *
 * @example
 * foldFromMask((i) => i < 2, 5) // { train: [2, 3, 4], test: [0, 1] }
 */
export function foldFromMask(isTest: (i: number) => boolean, rows: number): Fold {
  let nTest = 0;
  for (let i = 0; i < rows; i++) if (isTest(i)) nTest++;
  const train = new Int32Array(rows - nTest);
  const test = new Int32Array(nTest);
  let a = 0;
  let b = 0;
  for (let i = 0; i < rows; i++) {
    if (isTest(i)) test[b++] = i;
    else train[a++] = i;
  }
  return { train, test };
}

/**
 * Validates a splitter's n_splits.
 *
 * @example
 * checkSplits(5, 'KFold') // 5
 */
export function checkSplits(nSplits: number, where: string): number {
  return checkInteger(where, 'nSplits', nSplits, 2);
}

/**
 * Validates a row count.
 *
 * @example
 * checkRows(100, 'KFold.split') // 100
 */
export function checkRows(rows: number, where: string): number {
  return checkInteger(where, 'rows', rows, 0);
}

/**
 * Indices of distinct values in np.unique order, and each row's index (np.unique return_inverse).
 *
 * @example
 * uniqueInverse(['b', 'a', 'b'], 'GroupKFold') // { unique: ['a', 'b'], inverse: [1, 0, 1], firstIndex: [1, 0] }
 */
export function uniqueInverse(values: ArrayLike<unknown>, where: string): { unique: unknown[]; inverse: Int32Array; firstIndex: number[] } {
  const first = new Map<unknown, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) throw new TypeError(validationMessage.missingLabel(where, i));
    if (!first.has(v)) first.set(v, i);
  }
  const unique = [...first.keys()].sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  const index = new Map(unique.map((u, k) => [u, k]));
  const inverse = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) inverse[i] = index.get(values[i])!;
  return { unique, inverse, firstIndex: unique.map((u) => first.get(u)!) };
}
