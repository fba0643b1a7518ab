import type { Rng } from './random';
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
  return rng.shuffle(out);
}
