/**
 * Argument checks shared by the public metric functions: each names the argument, the problem
 * and the fix, so a cell author never meets a bare "undefined is not a function".
 */
import type { SampleWeight } from './types';

/** Numbers as a Float64Array (a copy only when needed); rejects non-numbers, and NaN/±Infinity unless allowed. */
export function toFloat64(fn: string, name: string, values: unknown, allowNonFinite = false): Float64Array {
  if (!isArrayLike(values)) throw new TypeError(`${fn}: ${name} must be an array of numbers (or a Float64Array), got ${describe(values)}.`);
  const out = values instanceof Float64Array ? values : new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = (values as ArrayLike<unknown>)[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${name}[${i}] is ${describe(v)}, not a number. Convert the column first, e.g. table.array('${name}', Float64Array).`);
    if (!allowNonFinite && !Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] is ${v}; ${name} must be finite (drop or impute missing rows first).`);
    if (out !== values) out[i] = v;
  }
  return out;
}

/** Throws unless every array has `n` elements. */
export function checkLengths(fn: string, n: number, named: Record<string, { length: number } | undefined>): void {
  for (const [name, v] of Object.entries(named)) {
    if (v !== undefined && v.length !== n) throw new RangeError(`${fn}: ${name} has ${v.length} elements but yTrue has ${n}; they must describe the same rows.`);
  }
}

/** Sample weights as a Float64Array, or undefined; negative or non-finite weights are errors. */
export function toWeights(fn: string, n: number, weights: SampleWeight | undefined): Float64Array | undefined {
  if (weights === undefined || weights === null) return undefined;
  const w = toFloat64(fn, 'sampleWeight', weights);
  if (w.length !== n) throw new RangeError(`${fn}: sampleWeight has ${w.length} elements but yTrue has ${n}.`);
  for (let i = 0; i < w.length; i++) if (w[i] < 0) throw new RangeError(`${fn}: sampleWeight[${i}] is ${w[i]}; weights must be ≥ 0.`);
  return w;
}

/** Throws when an option is not one of the allowed values. */
export function checkOneOf<T>(fn: string, name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new RangeError(`${fn}: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}.`);
  return value;
}

/** Throws unless `value` is a finite number within [min, max]. */
export function checkNumber(fn: string, name: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${fn}: ${name} must be a number in [${min}, ${max}], got ${describe(value)}.`);
  }
  return value;
}

/** Throws unless `value` is an integer ≥ min. */
export function checkInteger(fn: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new RangeError(`${fn}: ${name} must be an integer ≥ ${min}, got ${describe(value)}.`);
  return value;
}

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
