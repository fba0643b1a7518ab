import { fromBigInts } from '../args/columns';
import type { ClassLabel, Target } from '../models/contract';
import { numericTarget, sortLabels } from '../models/labels';
import { trainingMessage } from './messages';

export { sortLabels };

/** Class labels sorted as scikit-learn sorts them (np.unique), and each row's index into them. */
export interface EncodedClasses {
  classes: ClassLabel[];
  codes: Int32Array;
}

/**
 * Encodes class labels: numbers ascending, strings by code point, false before true (np.unique's
 * order). Mixed label types and missing labels are refused.
 *
 * @param y the labels
 * @param rows the number of feature rows y must match
 * @param caller names the method in error messages; default 'encodeClasses'
 * @example
 * encodeClasses(['b', 'a', 'b'], 3) // { classes: ['a', 'b'], codes: Int32Array [1, 0, 1] }
 */
export function encodeClasses(target: Target, rows: number, caller = 'encodeClasses'): EncodedClasses {
  const y = checkLength(target, rows, caller);
  const small = _encodeSmallIntegers(y, rows);
  if (small) return small;
  const kinds = new Set<string>();
  const seen = new Set<ClassLabel>();
  for (let i = 0; i < rows; i++) {
    const v = y[i] as unknown;
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) throw new TypeError(trainingMessage.missingLabel(caller, i));
    if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') throw new TypeError(trainingMessage.badLabelType(caller, i, typeof v));
    kinds.add(typeof v);
    seen.add(v);
  }
  if (kinds.size > 1) throw new TypeError(trainingMessage.mixedLabels(caller, [...kinds]));
  const classes = sortLabels([...seen]);
  const index = new Map(classes.map((c, k) => [c, k]));
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) codes[i] = index.get(y[i] as ClassLabel)!;
  return { classes, codes };
}

/** Integer labels in a small range (the usual 0/1 or 0…k-1 codes) through a lookup table; undefined otherwise. */
function _encodeSmallIntegers(y: Target, rows: number): EncodedClasses | undefined {
  if (rows === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max - min <= 65_536)) return undefined;
  const code = new Int32Array(max - min + 1).fill(-1);
  for (let i = 0; i < rows; i++) code[(y[i] as number) - min] = 0;
  const classes: number[] = [];
  for (let v = 0; v < code.length; v++) if (code[v] === 0) code[v] = classes.push(v + min) - 1;
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) codes[i] = code[(y[i] as number) - min];
  return { classes, codes };
}

/**
 * Codes of `y` against known classes (e.g. validation labels against the training classes).
 *
 * @example
 * encodeWithClasses(['b'], ['a', 'b'], 1) // Int32Array [1]
 */
export function encodeWithClasses(target: Target, classes: ClassLabel[], rows: number, caller = 'encodeWithClasses'): Int32Array {
  const y = checkLength(target, rows, caller);
  const index = new Map(classes.map((c, k) => [c, k]));
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const k = index.get(y[i] as ClassLabel);
    if (k === undefined) throw new RangeError(trainingMessage.unseenLabel(caller, y[i], i, classes));
    codes[i] = k;
  }
  return codes;
}

/**
 * A regression target as float32 (booleans become 0/1); missing or non-numeric values are refused.
 *
 * @example
 * collectRegressionTarget([1, 2.5], 2) // Float32Array [1, 2.5]
 */
export function collectRegressionTarget(target: Target, rows: number, caller = 'collectRegressionTarget'): Float32Array {
  return numericTarget(checkLength(target, rows, caller), rows, caller, Float32Array);
}

/** `y` checked for length, its bigints as numbers (see fromBigInts). */
function checkLength(target: Target, rows: number, caller: string): Target {
  if (!target || typeof (target as { length?: unknown }).length !== 'number') throw new TypeError(trainingMessage.targetNotArray(caller, 'an array of labels or numbers, one per row of x'));
  if (target.length !== rows) throw new RangeError(trainingMessage.rowsMismatch(caller, 'y', target.length, rows));
  return fromBigInts(caller, 'y', target);
}
