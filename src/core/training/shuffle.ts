import type { Rng } from './random';
import { trainingMessage } from './messages';
import { checkInteger } from '../args/checkInteger';

/**
 * A random permutation of 0 … n-1 (Fisher–Yates), drawn from `rng`: the order of one epoch.
 *
 * @example
 * permutation(5, createRng(0, 'shuffle')) // Int32Array [3, 0, 4, 1, 2] (the same on every run)
 */
export function permutation(n: number, rng: Rng): Int32Array {
  checkInteger('permutation', 'n', n, 0);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return _shuffleInPlace(out, rng);
}

/**
 * Shuffles `values` in place (Fisher–Yates) and returns it.
 *
 * @example
 * shuffleInPlace(Int32Array.of(1, 2, 3), createRng(7))
 */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, rng: Rng): T {
  if (!values || typeof values.length !== 'number') throw new TypeError(trainingMessage.notArray('shuffleInPlace', 'values'));
  return _shuffleInPlace(values, rng);
}

export function _shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, rng: Rng): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.integer(i + 1);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}
