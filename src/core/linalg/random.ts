import { rngFrom, type Rng } from '../random/rng';
import { xoshiro128ss, xoshiroState } from './xoshiro';
import { linalgMessage } from './messages';

/*
 * The seeder of splitters, random search and subsampling: xoshiro128** seeded through splitmix32,
 * numbers or strings as seeds, integers drawn as floor(nextFloat() * n).
 */

export type { Rng };

/**
 * A seeded generator: the same seed gives the same sequence. Any finite number or string works as
 * a seed (strings are hashed).
 *
 * @example
 * const rng = createRng(42);
 * rng.nextFloat();     // 0.…, the same on every run
 * rng.shuffle([1, 2, 3]);
 */
export function createRng(seed: number | string = 0): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new RangeError(linalgMessage.seedFiniteNumberOr(seed));
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new TypeError(linalgMessage.seedNumberOrString(typeof seed));
  return _createRng(seedBits(seed));
}

function seedBits(seed: number | string): number {
  if (typeof seed === 'string') {
    let h = 0x811c9dc5;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }
  // Mix both halves of a large or fractional seed so that 1 and 1.5 differ.
  const hi = Math.floor(seed / 2 ** 32);
  return ((seed >>> 0) ^ Math.imul(hi | 0, 0x9e3779b9) ^ Math.round((seed % 1) * 2 ** 31)) >>> 0;
}

function _createRng(seed: number): Rng {
  return rngFrom(xoshiro128ss(xoshiroState(seed)));
}
