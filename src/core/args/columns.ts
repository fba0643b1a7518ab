/**
 * The columns the public API takes, typed as cells hold them: arquero's `table.array(name)` is
 * `DataValue[] | TypedArray` whatever the constructor, and its TypedArray includes the 64-bit
 * integer arrays, so every array parameter accepts those too. `fromBigInts` is the one place their
 * values become numbers; the validators call it, so each function treats them alike.
 */
import type { ClassLabel } from '../models/contract';
import { message } from '../messages';

/** A column of 64-bit integers: what `table.array(name)` returns for an int64 column (Arrow, Parquet). */
export type BigIntColumn = BigInt64Array | BigUint64Array;

/** A column of numbers: an array, any typed array, or a table's column (`table.array(name)`). */
export type NumberColumn = ArrayLike<number> | BigIntColumn;

/**
 * A column of class labels (numbers, strings or booleans), or a table's column (`table.array(name)`).
 * `& object` because a string is an ArrayLike of strings: rocCurve('churn', …) is a type error, as it is at run time.
 */
export type LabelColumn = (ArrayLike<ClassLabel> & object) | BigIntColumn;

/** A target: numbers (regression, or class codes), class labels, or a table's column (`table.array(name)`). */
export type TargetColumn = ArrayLike<number> | readonly ClassLabel[] | BigIntColumn;

/**
 * `values` with its bigints as numbers: a BigInt64Array or BigUint64Array becomes a Float64Array, an
 * array holding bigints a copy with them converted; anything else (not an array, or no bigint in
 * it) comes back as it is, for the caller's own checks. A bigint beyond ±(2^53 − 1) is an error
 * naming `fn`, `name` and the row, since as a number it would silently become another value.
 *
 * @example
 * fromBigInts('rocCurve', 'yTrue', new BigInt64Array([0n, 1n])) // Float64Array [0, 1]
 * fromBigInts('Ridge.fit', 'y', [1n, 2n ** 60n]) // throws "Ridge.fit: y[1] is 1152921504606846976n, beyond …"
 */
export function fromBigInts<T>(fn: string, name: string, values: T): Exclude<T, BigIntColumn> | Float64Array {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = toSafeNumber(fn, name, i, values[i]);
    return out;
  }
  if (Array.isArray(values)) {
    const first = values.findIndex((v) => typeof v === 'bigint');
    if (first >= 0) return values.map((v: unknown, i) => (typeof v === 'bigint' ? toSafeNumber(fn, name, i, v) : v)) as Exclude<T, BigIntColumn>;
  }
  return values as Exclude<T, BigIntColumn>;
}

function toSafeNumber(fn: string, name: string, row: number, v: bigint): number {
  if (v > MAX_SAFE || v < -MAX_SAFE) throw new RangeError(message.argBigIntUnsafe(fn, name, row, v));
  return Number(v);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
