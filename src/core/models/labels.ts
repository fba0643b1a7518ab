import type { ClassLabel, Target } from './contract';
import { trainingMessage } from '../training/messages';

/**
 * Labels in np.unique order: numbers ascending, strings by code point, false before true.
 * Returns a new array.
 *
 * @example
 * sortLabels(['b', 'B', 'a']) // ['B', 'a', 'b']
 * sortLabels([true, false]) // [false, true]
 */
export function sortLabels<T extends ClassLabel>(labels: readonly T[]): T[] {
  return [...labels].sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}

/**
 * A regression target as a typed array of finite numbers (booleans become 0/1); a missing or
 * non-numeric value is refused with its row. The caller checks the length first.
 *
 * @example
 * numericTarget([1, true], 2, 'fit', Float64Array) // Float64Array [1, 1]
 */
export function numericTarget<A extends Float32Array | Float64Array>(y: Target, rows: number, caller: string, ArrayType: new (n: number) => A): A {
  const out = new ArrayType(rows);
  for (let i = 0; i < rows; i++) {
    const v = y[i] as unknown;
    const num = typeof v === 'boolean' ? Number(v) : v;
    if (typeof num !== 'number' || !Number.isFinite(num)) throw new TypeError(trainingMessage.notFiniteTarget(caller, i, v));
    out[i] = num;
  }
  return out;
}
