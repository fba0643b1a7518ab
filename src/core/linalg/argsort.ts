/**
 * Sorting permutations. `argsortNumpy` reproduces numpy's default `np.argsort` (introsort:
 * median-of-3 quicksort, insertion sort up to 16 elements, heapsort past the depth limit), so that
 * splitters which break ties through `np.argsort` (scikit-learn's GroupKFold) give the same folds.
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
 * A stable ascending sorting permutation (ties keep their order).
 *
 * @example
 * argsortStable([2, 1, 2]) // Int32Array [1, 0, 2]
 */
export function argsortStable(values: ArrayLike<number>): Int32Array {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  idx.sort((a, b) => values[a] - values[b] || a - b);
  return Int32Array.from(idx);
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
    for (let j = l << 1; j <= n; ) {
      if (j < n && v[tosort[a(j)]] < v[tosort[a(j + 1)]]) j += 1;
      if (v[tmp] < v[tosort[a(j)]]) {
        tosort[a(i)] = tosort[a(j)];
        i = j;
        j += j;
      } else break;
    }
    tosort[a(i)] = tmp;
  }
  for (; n > 1; ) {
    const tmp = tosort[a(n)];
    tosort[a(n)] = tosort[a(1)];
    n -= 1;
    let i = 1;
    for (let j = 2; j <= n; ) {
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
