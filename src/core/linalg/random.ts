import { float53, xoshiro128ss, xoshiroState } from './xoshiro';

/**
 * A small seeded pseudo-random generator (xoshiro128** seeded through splitmix32), so that shuffled
 * splits, random search and subsampling give the same result for the same seed on every platform.
 * Not cryptographic.
 */
export interface Rng {
  /** A float in [0, 1) with 53 random bits. */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** Shuffles `values` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(values: T): T;
}

/**
 * A seeded generator: the same seed gives the same sequence. Any finite number or string works as
 * a seed (strings are hashed).
 *
 * @example
 * const rng = createRng(42);
 * rng.next();          // 0.…, the same on every run
 * rng.shuffle([1, 2, 3]);
 */
export function createRng(seed: number | string = 0): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new RangeError(`createRng: the seed must be a finite number or a string (got ${seed}).`);
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new TypeError(`createRng: the seed must be a number or a string (got ${typeof seed}).`);
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
  const next32 = xoshiro128ss(xoshiroState(seed));
  const next = () => float53(next32);
  let spare: number | undefined;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const r = Math.sqrt(-2 * Math.log(u));
      const a = 2 * Math.PI * next();
      spare = r * Math.sin(a);
      return r * Math.cos(a);
    },
    shuffle: (values) => {
      for (let i = values.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
      }
      return values;
    },
  };
}
