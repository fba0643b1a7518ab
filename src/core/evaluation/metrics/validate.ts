/**
 * Argument checks shared by the public metric functions: each names the argument, the problem
 * and the fix, so a cell author never meets a bare "undefined is not a function".
 */
import { fromBigInts } from '../../args/columns';
import type { SampleWeight } from './types';
import { evaluationMessage } from '../messages';

/** Numbers as a Float64Array (a copy only when needed; bigints as numbers, see fromBigInts); rejects non-numbers, and NaN/±Infinity unless allowed. */
export function toFloat64(fn: string, name: string, column: unknown, allowNonFinite = false): Float64Array {
  const values = fromBigInts(fn, name, column);
  if (!isArrayLike(values)) throw new TypeError(evaluationMessage.notNumberArray(fn, name, describe(values)));
  const out = values instanceof Float64Array ? values : new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = (values as ArrayLike<unknown>)[i];
    if (typeof v !== 'number') throw new TypeError(evaluationMessage.notANumber(fn, name, i, describe(v)));
    if (!allowNonFinite && !Number.isFinite(v)) throw new RangeError(evaluationMessage.notFinite(fn, name, i, v));
    if (out !== values) out[i] = v;
  }
  return out;
}

/** Throws unless every array has `n` elements. */
export function checkLengths(fn: string, n: number, named: Record<string, { length: number } | undefined>): void {
  for (const [name, v] of Object.entries(named)) {
    if (v !== undefined && v.length !== n) throw new RangeError(evaluationMessage.lengthsDiffer(fn, name, v.length, n));
  }
}

/** Sample weights as a Float64Array, or undefined; negative or non-finite weights are errors. */
export function toWeights(fn: string, n: number, weights: SampleWeight | undefined): Float64Array | undefined {
  if (weights === undefined || weights === null) return undefined;
  const w = toFloat64(fn, 'sampleWeight', weights);
  if (w.length !== n) throw new RangeError(evaluationMessage.weightsLengthDiffer(fn, w.length, n));
  for (let i = 0; i < w.length; i++) if (w[i] < 0) throw new RangeError(evaluationMessage.negativeWeight(fn, i, w[i]));
  return w;
}

/** Throws when an option is not one of the allowed values. */
export function checkOneOf<T>(fn: string, name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new RangeError(evaluationMessage.notOneOf(fn, name, allowed.map((a) => JSON.stringify(a)).join(', '), JSON.stringify(value)));
  return value;
}

/** Throws unless `value` is a finite number within [min, max]. */
export function checkNumber(fn: string, name: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(evaluationMessage.notNumberIn(fn, name, min, max, describe(value)));
  }
  return value;
}

/** Integer arguments are checked by core's one checkInteger, so the sentence is the same everywhere. */
export { checkInteger } from '../../args/checkInteger';

export function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (typeof v === 'object') return `an object (${Object.keys(v).slice(0, 5).join(', ') || 'no keys'})`;
  return typeof v;
}
