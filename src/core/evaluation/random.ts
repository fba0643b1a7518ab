/**
 * A seeded pseudo-random generator of our own (xoshiro128**, seeded through splitmix32), so a
 * bootstrap or a permutation gives the same numbers in the kernel, the CLI and a webview.
 */

export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A uniform integer in [0, n), without modulo bias (Lemire's method); n ≤ 2^32. */
  nextInt(n: number): number;
}

/**
 * A seeded generator. Equal seeds give equal streams on every platform.
 *
 * @param seed any finite number; its integer part and sign matter (default 0)
 * @example
 * const rng = createRng(42);
 * rng.nextFloat(); // 0 ≤ x < 1, the same on every run
 */
export function createRng(seed = 0): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new TypeError(`createRng: seed must be a finite number, got ${String(seed)}.`);
  return _createRng(seed);
}

export function _createRng(seed: number): Rng {
  // splitmix32 spreads any seed (0 included) over the 128-bit state.
  let s = (Math.trunc(seed) ^ (Math.trunc(seed / 4294967296) * 0x9e3779b9)) >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const nextUint32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r;
  };
  return {
    nextUint32,
    nextFloat: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    nextInt: (n: number) => {
      let m = nextUint32() * n;
      let low = m % 4294967296;
      if (low < n) {
        const threshold = (4294967296 - n) % n;
        while (low < threshold) {
          m = nextUint32() * n;
          low = m % 4294967296;
        }
      }
      return Math.floor(m / 4294967296);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Shuffles `values` in place (Fisher–Yates) and returns it.
 *
 * @example
 * shuffleInPlace(Uint32Array.from([0, 1, 2, 3]), createRng(1));
 */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, rng: Rng): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}

/**
 * Fills `counts` with one bootstrap resample as per-row multiplicities: n draws with replacement
 * from n rows (a multinomial), the same distribution as `rng.integers(0, n, n)` in numpy.
 *
 * @example
 * const counts = new Int32Array(5);
 * drawResampleCounts(counts, createRng(0)); // e.g. [2, 0, 1, 1, 1]; sums to 5
 */
export function drawResampleCounts(counts: Int32Array, rng: Rng): Int32Array {
  const n = counts.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[rng.nextInt(n)]++;
  return counts;
}
