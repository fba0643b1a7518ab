import { fromBigInts, type NumberColumn } from '../../args/columns';
import type { ClassLabel, Target } from '../contract';
import { numericTarget, sortLabels } from '../labels';
import { modelMessage } from '../messages';
import { trainingMessage } from '../../training/messages';

export { sortLabels };

/** Class labels sorted as scikit-learn sorts them (np.unique), and each row's index into them. */
export interface EncodedClasses {
  classes: ClassLabel[];
  codes: Int32Array;
}

/**
 * Encodes class labels: numbers ascending, strings by code point, false before true (np.unique's
 * order). Mixed label types, and missing labels, are refused.
 *
 * @example
 * encodeClasses(['b', 'a', 'b']) // { classes: ['a', 'b'], codes: Int32Array [1, 0, 1] }
 */
export function encodeClasses(target: Target, caller = 'encodeClasses'): EncodedClasses {
  const y = fromBigInts(caller, 'y', target);
  const n = y.length;
  const kinds = new Set<string>();
  // A linear scan over the few labels seen so far beats a Map lookup per row for the usual
  // handful of classes; many classes switch to the Map.
  const seenList: ClassLabel[] = [];
  const seen = new Map<ClassLabel, number>();
  let last: unknown = Symbol('none');
  for (let i = 0; i < n; i++) {
    const v = y[i] as unknown;
    if (v === last) continue;
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) throw new TypeError(trainingMessage.missingLabel(caller, i));
    if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') throw new TypeError(trainingMessage.badLabelType(caller, i, typeof v));
    last = v;
    if (seenList.length < 16 ? !seenList.includes(v) : !seen.has(v)) {
      kinds.add(typeof v);
      seenList.push(v);
      seen.set(v, seen.size);
    }
  }
  if (kinds.size > 1) throw new TypeError(trainingMessage.mixedLabels(caller, [...kinds]));
  const classes = sortLabels(seenList);
  const index = new Map(classes.map((c, k) => [c, k]));
  const codes = new Int32Array(n);
  if (classes.length <= 16) {
    for (let i = 0; i < n; i++) codes[i] = classes.indexOf(y[i] as ClassLabel);
  } else {
    for (let i = 0; i < n; i++) codes[i] = index.get(y[i] as ClassLabel)!;
  }
  return { classes, codes };
}

/**
 * A regression target as Float64Array of finite numbers (booleans become 0/1).
 *
 * @example
 * toNumericTarget([1, 2.5], 2) // Float64Array [1, 2.5]
 */
export function toNumericTarget(target: Target, rows: number, caller = 'toNumericTarget'): Float64Array {
  const y = fromBigInts(caller, 'y', target);
  if (!y || typeof y.length !== 'number') throw new TypeError(trainingMessage.targetNotArray(caller, 'an array of numbers'));
  if (y.length !== rows) throw new RangeError(trainingMessage.rowsMismatch(caller, 'y', y.length, rows));
  return numericTarget(y, rows, caller, Float64Array);
}

/**
 * Per-row weights: ones, or the given weights checked (finite, ≥ 0, right length).
 *
 * @example
 * toSampleWeight(undefined, 3) // Float64Array [1, 1, 1]
 */
export function toSampleWeight(weights: NumberColumn | undefined, rows: number, caller = 'toSampleWeight'): Float64Array {
  if (weights === undefined) return new Float64Array(rows).fill(1);
  const sampleWeight = fromBigInts(caller, 'sampleWeight', weights);
  if (sampleWeight.length !== rows) throw new RangeError(trainingMessage.rowsMismatch(caller, 'sampleWeight', sampleWeight.length, rows));
  const out = Float64Array.from(sampleWeight);
  for (let i = 0; i < rows; i++) if (!(out[i] >= 0) || !Number.isFinite(out[i])) throw new RangeError(modelMessage.sampleWeightBad(caller, i, out[i]));
  return out;
}
