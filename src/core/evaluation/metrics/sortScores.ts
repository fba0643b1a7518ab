/**
 * The one sort every ranking metric shares: rows ordered by score, descending, with their
 * positive flags (and weights). ROC, PR, AUC, average precision and their bootstraps all walk
 * this order; ties form blocks that count as one threshold.
 */
import { argsortDescending } from '../../linalg/argsort';

export interface SortedScores {
  /** Scores, descending. */
  score: Float64Array;
  /** 1 for a positive row, in the same order. */
  positive: Uint8Array;
  /** Row weights in the same order (absent: every row weighs 1). */
  weight?: Float64Array;
  /** Original row index of each position (present when requested or when weighted). */
  order?: Uint32Array;
  /** Number of positive rows, known without a pass when unweighted. */
  positives?: number;
}

/**
 * Sorts (score, positive[, weight]) rows by score, descending. Unweighted input is split by class
 * and each part sorted natively, then merged: no permutation is needed because every binary
 * metric depends on a row only through its score and class. Weighted input (or `withOrder`)
 * takes a stable radix argsort; rows of zero weight are dropped, as scikit-learn drops them.
 */
export function _sortScores(score: Float64Array, positive: Uint8Array, weight?: Float64Array, withOrder = false): SortedScores {
  if (weight || withOrder) return sortWithOrder(score, positive, weight);
  let p = 0;
  for (let i = 0; i < positive.length; i++) p += positive[i];
  const pos = new Float64Array(p);
  const neg = new Float64Array(positive.length - p);
  for (let i = 0, a = 0, b = 0; i < positive.length; i++) {
    if (positive[i]) pos[a++] = score[i];
    else neg[b++] = score[i];
  }
  pos.sort();
  neg.sort();
  const n = score.length;
  const outScore = new Float64Array(n);
  const outPositive = new Uint8Array(n);
  let i = pos.length - 1;
  let j = neg.length - 1;
  for (let k = 0; k < n; k++) {
    if (j < 0 || (i >= 0 && pos[i] >= neg[j])) {
      outScore[k] = pos[i--];
      outPositive[k] = 1;
    } else outScore[k] = neg[j--];
  }
  return { score: outScore, positive: outPositive, positives: p };
}

function sortWithOrder(score: Float64Array, positive: Uint8Array, weight?: Float64Array): SortedScores {
  let rows: Uint32Array | undefined;
  if (weight) {
    let kept = 0;
    for (let i = 0; i < weight.length; i++) if (weight[i] !== 0) kept++;
    if (kept < weight.length) {
      rows = new Uint32Array(kept);
      for (let i = 0, k = 0; i < weight.length; i++) if (weight[i] !== 0) rows[k++] = i;
    }
  }
  const s = rows ? Float64Array.from(rows, (r) => score[r]) : score;
  const local = argsortDescending(s);
  const order = rows ? local.map((k) => rows[k]) : local;
  const n = order.length;
  const out: SortedScores = { score: new Float64Array(n), positive: new Uint8Array(n), order };
  if (weight) out.weight = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const r = order[k];
    out.score[k] = score[r];
    out.positive[k] = positive[r];
    if (out.weight && weight) out.weight[k] = weight[r];
  }
  return out;
}

export interface BinaryClfCurve {
  /** Weighted false positives with score ≥ thresholds[i]. */
  fps: Float64Array;
  /** Weighted true positives with score ≥ thresholds[i]. */
  tps: Float64Array;
  /** Distinct scores, descending. */
  thresholds: Float64Array;
}

/** scikit-learn's `_binary_clf_curve`: cumulative counts at each distinct score. */
export function _binaryClfCurve(sorted: SortedScores): BinaryClfCurve {
  const { score, positive, weight } = sorted;
  const n = score.length;
  let blocks = 0;
  for (let k = 0; k < n; k++) if (k === n - 1 || score[k] !== score[k + 1]) blocks++;
  const fps = new Float64Array(blocks);
  const tps = new Float64Array(blocks);
  const thresholds = new Float64Array(blocks);
  let tp = 0;
  let fp = 0;
  for (let k = 0, b = 0; k < n; k++) {
    const w = weight ? weight[k] : 1;
    if (positive[k]) tp += w;
    else fp += w;
    if (k === n - 1 || score[k] !== score[k + 1]) {
      tps[b] = tp;
      fps[b] = fp;
      thresholds[b++] = score[k];
    }
  }
  return { fps, tps, thresholds };
}
