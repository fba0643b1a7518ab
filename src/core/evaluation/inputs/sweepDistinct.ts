/**
 * Running sums of one weighted sweep over score-sorted rows whose scores are all distinct (every
 * tie block is one row), carried across calls so a sweep can stop at the threshold's cut and
 * go on: `[cumP, cumT, halfArea, ap, loss, brier]`.
 */
export type SweepSums = Float64Array;

/** A fresh SweepSums (all zero). */
export function _sweepSums(): SweepSums {
  return new Float64Array(6);
}

/**
 * Adds rows [from, to) of the sorted order, row k weighted by w[k], to `sums`: the positive and
 * total weight seen so far; half the Mann–Whitney area (Σ over negative rows of weight × the
 * positive weight ranked above: with distinct scores no pair ties, so the tie term of the
 * weighted AUC is zero); average precision's Σ positive weight × precision at that row; and the
 * weighted sums of the per-row log losses and Brier terms when given.
 *
 * This is `_prepareBinary`'s evaluation without tie blocks: no branch per row and two
 * accumulator lanes (even and odd rows), so the loop is not bound by one chain of float
 * additions. The area and weights are sums of integers below 2^53 when the weights are counts,
 * so they are exact whatever the order; AP and the losses differ from a one-lane sum only by
 * rounding.
 */
export function _sweepDistinct(code: Uint8Array, w: ArrayLike<number>, rowLoss: Float64Array | undefined, rowBrier: Float64Array | undefined, from: number, to: number, sums: SweepSums): void {
  let cumP = sums[0];
  let cumT = sums[1];
  let a0 = 0;
  let a1 = 0;
  let ap0 = 0;
  let ap1 = 0;
  let k = from;
  for (; k + 1 < to; k += 2) {
    const w0 = w[k];
    const p0 = w0 * (code[k] & 1);
    a0 += (w0 - p0) * cumP;
    cumP += p0;
    cumT += w0;
    // With cumT = 0 the row's weight is 0 too: 0 × (0 / 1), never 0 / 0.
    ap0 += p0 * (cumP / (cumT || 1));
    const w1 = w[k + 1];
    const p1 = w1 * (code[k + 1] & 1);
    a1 += (w1 - p1) * cumP;
    cumP += p1;
    cumT += w1;
    ap1 += p1 * (cumP / (cumT || 1));
  }
  if (k < to) {
    const w0 = w[k];
    const p0 = w0 * (code[k] & 1);
    a0 += (w0 - p0) * cumP;
    cumP += p0;
    cumT += w0;
    ap0 += p0 * (cumP / (cumT || 1));
  }
  sums[0] = cumP;
  sums[1] = cumT;
  sums[2] += a0 + a1;
  sums[3] += ap0 + ap1;
  if (rowLoss && rowBrier) {
    let l0 = 0;
    let l1 = 0;
    let b0 = 0;
    let b1 = 0;
    k = from;
    for (; k + 1 < to; k += 2) {
      const w0 = w[k];
      const w1 = w[k + 1];
      l0 += w0 * rowLoss[k];
      l1 += w1 * rowLoss[k + 1];
      b0 += w0 * rowBrier[k];
      b1 += w1 * rowBrier[k + 1];
    }
    if (k < to) {
      l0 += w[k] * rowLoss[k];
      b0 += w[k] * rowBrier[k];
    }
    sums[4] += l0 + l1;
    sums[5] += b0 + b1;
  }
}

/**
 * `_sweepDistinct` with row k weighted by `counts[index[k]]`: a paired bootstrap's counts are
 * drawn per matched row, and each side reads them through its own score order. Reading through
 * the index inside the sweep saves a gathered copy of the weights per side and resample, and the
 * per-row losses are summed in the same pass. Average precision's per-row division is left out
 * unless `withAp` (sums[3] stays as it was).
 */
export function _sweepDistinctAt(
  code: Uint8Array,
  counts: ArrayLike<number>,
  index: Uint32Array,
  rowLoss: Float64Array | undefined,
  rowBrier: Float64Array | undefined,
  withAp: boolean,
  from: number,
  to: number,
  sums: SweepSums,
): void {
  if (withAp) return sweepAtWithAp(code, counts, index, from, to, sums, rowLoss, rowBrier);
  let cumP = sums[0];
  let cumT = sums[1];
  let a0 = 0;
  let a1 = 0;
  let k = from;
  if (rowLoss && rowBrier) {
    let l0 = 0;
    let b0 = 0;
    for (; k < to; k++) {
      const w = counts[index[k]];
      const p = w * (code[k] & 1);
      a0 += (w - p) * cumP;
      cumP += p;
      cumT += w;
      l0 += w * rowLoss[k];
      b0 += w * rowBrier[k];
    }
    sums[4] += l0;
    sums[5] += b0;
  } else {
    for (; k + 1 < to; k += 2) {
      const w0 = counts[index[k]];
      const p0 = w0 * (code[k] & 1);
      a0 += (w0 - p0) * cumP;
      cumP += p0;
      const w1 = counts[index[k + 1]];
      const p1 = w1 * (code[k + 1] & 1);
      a1 += (w1 - p1) * cumP;
      cumP += p1;
      cumT += w0 + w1;
    }
    for (; k < to; k++) {
      const w = counts[index[k]];
      const p = w * (code[k] & 1);
      a0 += (w - p) * cumP;
      cumP += p;
      cumT += w;
    }
  }
  sums[0] = cumP;
  sums[1] = cumT;
  sums[2] += a0 + a1;
}

function sweepAtWithAp(code: Uint8Array, counts: ArrayLike<number>, index: Uint32Array, from: number, to: number, sums: SweepSums, rowLoss?: Float64Array, rowBrier?: Float64Array): void {
  let cumP = sums[0];
  let cumT = sums[1];
  let a0 = 0;
  let ap0 = 0;
  let k = from;
  if (rowLoss && rowBrier) {
    let l0 = 0;
    let b0 = 0;
    for (; k < to; k++) {
      const w = counts[index[k]];
      const p = w * (code[k] & 1);
      a0 += (w - p) * cumP;
      cumP += p;
      cumT += w;
      // With cumT = 0 the row's weight is 0 too: 0 × (0 / 1), never 0 / 0.
      ap0 += p * (cumP / (cumT || 1));
      l0 += w * rowLoss[k];
      b0 += w * rowBrier[k];
    }
    sums[4] += l0;
    sums[5] += b0;
  } else {
    for (; k < to; k++) {
      const w = counts[index[k]];
      const p = w * (code[k] & 1);
      a0 += (w - p) * cumP;
      cumP += p;
      cumT += w;
      ap0 += p * (cumP / (cumT || 1));
    }
  }
  sums[0] = cumP;
  sums[1] = cumT;
  sums[2] += a0;
  sums[3] += ap0;
}
