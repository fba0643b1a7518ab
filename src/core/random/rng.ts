/**
 * The one seeded-generator interface of Modelbook. Every generator is a xoshiro128** stream
 * (linalg/xoshiro.ts) behind this interface; the three seeders (linalg/random.ts for splitters and
 * search, training/random.ts for weights and epochs, evaluation/random.ts for bootstraps) differ
 * only in how a seed becomes state and in how `nextInt` maps 32 bits to [0, n). Those two stay as
 * they were, so every seed keeps giving the numbers it gave (bit-reproducible training and folds).
 */
import { float53 } from '../linalg/xoshiro';

/** A seeded pseudo-random generator (not cryptographic). */
export interface Rng {
  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A uniform integer in [0, n). */
  nextInt(n: number): number;
  /** A uniform float in [low, high). */
  uniform(low: number, high: number): number;
  /** A standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** Shuffles `values` in place (Fisher–Yates, drawing with `nextInt`) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(values: T): T;
}

/**
 * The draws every generator shares, over a 32-bit source and an integer draw.
 *
 * @param nextUint32 the xoshiro128** stream
 * @param nextInt how this generator maps the stream to [0, n); defaults to `floor(nextFloat() * n)`
 * @example
 * const rng = rngFrom(xoshiro128ss(xoshiroState(42)));
 * rng.shuffle([1, 2, 3]);
 */
export function rngFrom(nextUint32: () => number, nextInt?: (n: number) => number): Rng {
  const nextFloat = (): number => float53(nextUint32);
  const int = nextInt ?? ((n: number) => Math.floor(nextFloat() * n));
  let spare: number | undefined;
  return {
    nextUint32,
    nextFloat,
    nextInt: int,
    uniform: (low, high) => low + (high - low) * nextFloat(),
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = nextFloat();
      const r = Math.sqrt(-2 * Math.log(u));
      const a = 2 * Math.PI * nextFloat();
      spare = r * Math.sin(a);
      return r * Math.cos(a);
    },
    shuffle: (values) => {
      for (let i = values.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
      }
      return values;
    },
  };
}
