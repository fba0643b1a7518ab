/**
 * Seeded randomness for training: weight initialisation, shuffling and validation splits draw
 * from here, never from Math.random or TF.js's unseeded RNG, so the same seed gives the same model.
 * The generator is xoshiro128** (32-bit state words, so every engine computes it identically),
 * seeded through splitmix32 (see linalg/xoshiro.ts).
 */
import { xoshiro128ss, xoshiroState } from '../linalg/xoshiro';
import { trainingMessage } from './messages';
import { rngFrom, type Rng } from '../random/rng';

export type { Rng };

/**
 * A generator for `seed`; `stream` names an independent sequence from the same seed (e.g.
 * 'init' and 'shuffle'), so changing how much one consumer draws never shifts another.
 *
 * @param seed any finite number (integers are typical); default 0
 * @param stream optional name of an independent stream; default '' (the main stream)
 * @example
 * const rng = createRng(42, 'shuffle');
 * rng.nextInt(10) // the same value on every run and machine
 */
export function createRng(seed = 0, stream = ''): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new TypeError(trainingMessage.badArgument('createRng', 'seed', 'a finite number', seed));
  if (typeof stream !== 'string') throw new TypeError(trainingMessage.rngBadStream);
  return _createRng(seed, stream);
}

export function _createRng(seed: number, stream: string): Rng {
  // Fold the seed's 64-bit pattern and the stream name into 32 bits, then expand with splitmix32.
  const bits = new Float64Array([seed]);
  const words = new Uint32Array(bits.buffer);
  let h = Math.imul(words[0] ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(words[1] ^ 0x7f4a7c15, 0xc2b2ae35);
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  const nextUint32 = xoshiro128ss(xoshiroState(h >>> 0));
  const integer = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(trainingMessage.badArgument('Rng.nextInt', 'n', 'an integer in [1, 2^32]', n));
    // Lemire's nearly-divisionless method would need 64-bit products; rejection on the top range is exact.
    const limit = 2 ** 32 - (2 ** 32 % n);
    let x = nextUint32();
    while (x >= limit) x = nextUint32();
    return x % n;
  };
  return rngFrom(nextUint32, integer);
}
