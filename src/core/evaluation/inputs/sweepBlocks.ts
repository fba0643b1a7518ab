/**
 * Score-sorted rows with tied scores, grouped once into tie blocks, and the per-block running
 * sums one weighted sweep fills: `endP[b]` and `endT[b]` are the positive and total weight of
 * the rows up to the end of block b.
 */
export interface TieBlocks {
  /** The block of each sorted row (non-decreasing: a block's rows are contiguous). */
  blockOf: Uint32Array;
  /** Number of blocks. */
  count: number;
  /** Blocks wholly at or above the threshold (the cut falls between blocks: equal scores sit on one side). */
  aboveCut: number;
  endP: Float64Array;
  endT: Float64Array;
}

/** Tie blocks of sorted rows: bit 1 of `code[k]` marks the last row of a block; `cut` rows score ≥ the threshold. */
export function _tieBlocks(code: Uint8Array, cut: number): TieBlocks {
  const n = code.length;
  const blockOf = new Uint32Array(n);
  let b = 0;
  let aboveCut = 0;
  for (let k = 0; k < n; k++) {
    blockOf[k] = b;
    if (code[k] & 2) {
      b++;
      if (k < cut) aboveCut = b;
    }
  }
  return { blockOf, count: b, aboveCut, endP: new Float64Array(b), endT: new Float64Array(b) };
}

/** What one weighted sweep gives: the confusion at the cut and the ranking and probability sums. */
export interface BlockSums {
  tpCut: number;
  fpCut: number;
  P: number;
  N: number;
  /** Twice the weighted Mann–Whitney area: Σ over blocks of negative weight × (positive weight above + at the end of the block). */
  area: number;
  ap: number;
  pr: number;
  loss: number;
  brier: number;
}

/**
 * The weighted sweep of `_prepareBinary` with tie blocks, in two branch-free passes: over the
 * rows, the running positive and total weight stored at each row's block (the last row of a
 * block leaves the block's end values) and the weighted per-row losses; then over the blocks
 * (few when ties are many), the area, average precision and PR AUC from consecutive ends. The
 * same sums in the same order as walking the rows block by block, without a branch per row.
 */
export function _sweepBlocks(code: Uint8Array, t: TieBlocks, w: ArrayLike<number>, rowLoss: Float64Array | undefined, rowBrier: Float64Array | undefined): BlockSums {
  const { blockOf, endP, endT, count } = t;
  const n = code.length;
  let cumP = 0;
  let cumT = 0;
  let loss = 0;
  let brier = 0;
  for (let k = 0; k < n; k++) {
    const wk = w[k];
    cumP += wk * (code[k] & 1);
    cumT += wk;
    const b = blockOf[k];
    endP[b] = cumP;
    endT[b] = cumT;
  }
  if (rowLoss && rowBrier) {
    for (let k = 0; k < n; k++) {
      loss += w[k] * rowLoss[k];
      brier += w[k] * rowBrier[k];
    }
  }
  let prevP = 0;
  let prevT = 0;
  let area = 0;
  let ap = 0;
  let pr = 0;
  let lastPrec = 1;
  for (let b = 0; b < count; b++) {
    const p = endP[b];
    const total = endT[b];
    const bp = p - prevP;
    area += (total - prevT - bp) * (prevP + p);
    // A block of weight 0 leaves precision where it was (with nothing seen yet, 1).
    const prec = total > 0 ? p / total : 1;
    ap += bp * prec;
    pr += (bp * (prec + lastPrec)) / 2;
    lastPrec = prec;
    prevP = p;
    prevT = total;
  }
  const tpCut = t.aboveCut > 0 ? endP[t.aboveCut - 1] : 0;
  const fpCut = t.aboveCut > 0 ? endT[t.aboveCut - 1] - tpCut : 0;
  return { tpCut, fpCut, P: cumP, N: cumT - cumP, area, ap, pr, loss, brier };
}
