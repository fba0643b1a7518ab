/**
 * The one pseudo-random core every seeded generator in Modelbook is built on: xoshiro128**
 * (32-bit words, so every JS engine computes it identically) seeded through splitmix32. The
 * generators (linalg/random.ts, training/random.ts, evaluation/random.ts) differ only in how they
 * turn a seed into 32 bits and in the draws they offer. Not cryptographic.
 */

/**
 * Four state words from 32 seed bits, spread by splitmix32 (never all zero).
 *
 * @example
 * const [a, b, c, d] = xoshiroState(42);
 */
export function xoshiroState(seed32: number): [number, number, number, number] {
  let x = seed32 >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s: [number, number, number, number] = [splitmix(), splitmix(), splitmix(), splitmix()];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/**
 * A xoshiro128** stream from four state words: each call returns the next 32 bits, unsigned.
 *
 * @example
 * const next32 = xoshiro128ss(xoshiroState(7));
 * next32() // the same value on every run and machine
 */
export function xoshiro128ss([s0, s1, s2, s3]: readonly [number, number, number, number]): () => number {
  let a = s0 | 0;
  let b = s1 | 0;
  let c = s2 | 0;
  let d = s3 | 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

/**
 * A uniform float in [0, 1) with 53 random bits, from two 32-bit draws.
 *
 * @example
 * float53(next32) // 0 ≤ x < 1
 */
export function float53(next32: () => number): number {
  return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** Rotates a 32-bit word left by k bits. */
export function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}
