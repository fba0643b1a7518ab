/**
 * Sorting permutations, the one place for them. `argsortAscending` / `argsortDescending` are stable
 * LSD radix sorts on the float64 bit patterns: linear time, so one sort of a million scores takes
 * tens of milliseconds rather than a comparison sort's hundreds. `argsortNumpy` reproduces numpy's
 * default `np.argsort` (introsort: median-of-3 quicksort, insertion sort up to 16 elements,
 * heapsort past the depth limit), so that splitters which break ties through `np.argsort`
 * (scikit-learn's GroupKFold) give the same folds.
 */

const SMALL_QUICKSORT = 15;

/**
 * The permutation numpy's `np.argsort(values)` (kind='quicksort') returns, ties included.
 *
 * @example
 * argsortNumpy([3, 1, 2]) // Int32Array [1, 2, 0]
 */
export function argsortNumpy(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  if (n > 1) _aquicksort(values, idx, n);
  return idx;
}

/**
 * Row indices that order `values` descending (ties keep their original order). Values must not be NaN.
 *
 * @example
 * argsortDescending(Float64Array.from([0.2, 0.9, 0.2])); // Uint32Array [1, 0, 2]
 */
export function argsortDescending(values: Float64Array): Uint32Array {
  return radixArgsort(values, true);
}

/**
 * Row indices that order `values` ascending (ties keep their original order). Values must not be NaN.
 *
 * @example
 * argsortAscending(Float64Array.from([3, 1, 2])); // Uint32Array [1, 2, 0]
 */
export function argsortAscending(values: Float64Array): Uint32Array {
  return radixArgsort(values, false);
}

function radixArgsort(values: Float64Array, descending: boolean): Uint32Array {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  // Little-endian platforms (all JS engines we run on) store the low word first.
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = bits[2 * i + 1];
    let l = bits[2 * i];
    // Map IEEE-754 to unsigned order: flip all bits of negatives, only the sign bit of positives.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    if (descending) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    lo[i] = l;
    hi[i] = h;
    idx[i] = i;
  }
  if (n < 2) return idx;
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(word[i] >>> shift) & 0xffff]++;
    // A pass where every key has the same digit would only copy: skip it.
    if (counts[(word[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const pos = counts[(word[i] >>> shift) & 0xffff]++;
      lo2[pos] = lo[i];
      hi2[pos] = hi[i];
      idx2[pos] = idx[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

function msb(n: number): number {
  let depth = 0;
  while ((n >>= 1) > 0) depth++;
  return depth;
}

function _aquicksort(v: ArrayLike<number>, tosort: Int32Array, num: number): void {
  let pl = 0;
  let pr = num - 1;
  const stack: number[] = [];
  const depthStack: number[] = [];
  let cdepth = msb(num) * 2;
  const swap = (a: number, b: number) => {
    const t = tosort[a];
    tosort[a] = tosort[b];
    tosort[b] = t;
  };
  for (;;) {
    if (cdepth < 0) {
      aheapsort(v, tosort, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (v[tosort[pm]] < v[tosort[pl]]) swap(pm, pl);
        if (v[tosort[pr]] < v[tosort[pm]]) swap(pr, pm);
        if (v[tosort[pm]] < v[tosort[pl]]) swap(pm, pl);
        const vp = v[tosort[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (v[tosort[pi]] < vp);
          do --pj;
          while (vp < v[tosort[pj]]);
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // Push the larger partition, keep sorting the smaller one.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depthStack.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = tosort[pi];
        const vp = v[vi];
        let pj = pi;
        let pk = pi - 1;
        while (pj > pl && vp < v[tosort[pk]]) tosort[pj--] = tosort[pk--];
        tosort[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depthStack.pop()!;
  }
}

/** numpy's aheapsort on tosort[start … start+n-1] (1-based heap indexing as in numpy). */
function aheapsort(v: ArrayLike<number>, tosort: Int32Array, start: number, n: number): void {
  const a = (k: number) => start + k - 1;
  for (let l = n >> 1; l > 0; --l) {
    const tmp = tosort[a(l)];
    let i = l;
    for (let j = l << 1; j <= n;) {
      if (j < n && v[tosort[a(j)]] < v[tosort[a(j + 1)]]) j += 1;
      if (v[tmp] < v[tosort[a(j)]]) {
        tosort[a(i)] = tosort[a(j)];
        i = j;
        j += j;
      } else break;
    }
    tosort[a(i)] = tmp;
  }
  for (; n > 1;) {
    const tmp = tosort[a(n)];
    tosort[a(n)] = tosort[a(1)];
    n -= 1;
    let i = 1;
    for (let j = 2; j <= n;) {
      if (j < n && v[tosort[a(j)]] < v[tosort[a(j + 1)]]) j++;
      if (v[tmp] < v[tosort[a(j)]]) {
        tosort[a(i)] = tosort[a(j)];
        i = j;
        j += j;
      } else break;
    }
    tosort[a(i)] = tmp;
  }
}
