import { BINARY_METRICS, type BinaryMetricName } from '../metrics/metricCatalog';
import type { PreparedMetrics } from './prepared';
import { _sortScores } from '../metrics/sortScores';
import { _binIds } from '../curves/calibrationCurve';
import { linspace } from '../intervals/quantile';
import { confusionMetrics } from '../metrics/confusionRates';
import { _sweepDistinct, _sweepDistinctAt, _sweepSums } from './sweepDistinct';
import { _sweepBlocks, _tieBlocks } from './sweepBlocks';

export interface PrepareBinaryOptions {
  /** Predict positive when score ≥ threshold (default 0.5). */
  threshold?: number;
  /** Scores are probabilities: include log loss, Brier and ECE (default: true when all are in [0, 1]). */
  probabilities?: boolean;
  /** Bins of the ECE (default 10, equal width). */
  eceBins?: number;
  /** Keep the sorted order's row indices, so counts can be given per original row (paired comparisons). */
  withOrder?: boolean;
  /** Only these metrics (default: all binary metrics that apply). */
  metrics?: readonly BinaryMetricName[];
}

const PROBABILITY_METRICS: readonly BinaryMetricName[] = ['logLoss', 'brier', 'ece'];

/**
 * Binary metrics over one score-sorted order, all in one fused pass per evaluation: the ranking
 * metrics walk the ties blocks, the thresholded ones read the prefix of rows with score ≥
 * threshold, and the probability metrics sum precomputed per-row losses. Undefined values are
 * NaN, where scikit-learn would return 0 with a warning (precision with nothing predicted
 * positive, recall or average precision without positives): a report says "undefined" rather
 * than a misleading 0, and a bootstrap leaves such resamples out.
 */
export function _prepareBinary(score: Float64Array, positive: Uint8Array, options: PrepareBinaryOptions = {}): PreparedMetrics {
  const threshold = options.threshold ?? 0.5;
  const probabilities = options.probabilities ?? score.every((p) => p >= 0 && p <= 1);
  const wanted = (options.metrics ?? BINARY_METRICS).filter((m) => probabilities || !PROBABILITY_METRICS.includes(m));
  const sorted = _sortScores(score, positive, undefined, options.withOrder ?? false);
  const s = sorted.score;
  const pos = sorted.positive;
  const n = s.length;
  const needProba = wanted.some((m) => PROBABILITY_METRICS.includes(m));
  const needEce = wanted.includes('ece');
  let cut = 0;
  while (cut < n && s[cut] >= threshold) cut++;
  // One byte per row: bit 0 positive, bit 1 last row of a tie block, bit 2 predicted positive.
  const code = new Uint8Array(n);
  for (let k = 0; k < n; k++) code[k] = pos[k] | (k === n - 1 || s[k] !== s[k + 1] ? 2 : 0) | (k < cut ? 4 : 0);
  const needAp = wanted.includes('averagePrecision') || wanted.includes('prAuc');
  const bins = options.eceBins ?? 10;
  let rowLoss: Float64Array | undefined;
  let rowBrier: Float64Array | undefined;
  let binId: Uint16Array | undefined;
  if (needProba) {
    rowLoss = new Float64Array(n);
    rowBrier = new Float64Array(n);
    const eps = Number.EPSILON;
    for (let k = 0; k < n; k++) {
      const p = Math.min(Math.max(s[k], eps), 1 - eps);
      const q = 1 - p;
      rowLoss[k] = -Math.log((pos[k] ? p : q) / (q + p));
      rowBrier[k] = (pos[k] - s[k]) ** 2;
    }
    if (needEce) binId = _binIds(s, linspace(0, 1, bins + 1));
  }
  const eceTotal = new Float64Array(bins);
  const eceP = new Float64Array(bins);
  const eceY = new Float64Array(bins);

  const ones = new Uint8Array(n).fill(1);
  // Distinct scores (every tie block one row, the usual case for a model's probabilities): one
  // branch-free sweep (sweepDistinct.ts) instead of the tie-block walk, several times faster.
  // With ties, a sweep over the rows then one over the tie blocks (sweepBlocks.ts). ECE bins
  // rows by score, so it keeps the row walk below.
  let distinct = !needEce && !wanted.includes('prAuc');
  for (let k = 0; distinct && k < n; k++) distinct = (code[k] & 2) !== 0;
  const sums = _sweepSums();
  const blocks = !distinct && !needEce ? _tieBlocks(code, cut) : undefined;

  const evaluate = (counts?: ArrayLike<number>): Float64Array => {
    const w = counts ?? ones;
    if (distinct) return evaluateDistinct(w);
    if (blocks) {
      const t = _sweepBlocks(code, blocks, w, rowLoss, rowBrier);
      const total = t.P + t.N;
      const proba = needProba && total > 0;
      return values(t.tpCut, t.fpCut, t.P, t.N, t.area, t.ap, t.pr, proba ? t.loss / total : NaN, proba ? t.brier / total : NaN, NaN);
    }
    let cumP = 0;
    let cumN = 0;
    let area = 0;
    let ap = 0;
    let pr = 0;
    let lastPrec = 1;
    let bp = 0;
    let bn = 0;
    let tpCut = 0;
    let fpCut = 0;
    // Pass 1: ranking metrics over tie blocks and the confusion at the threshold (a prefix).
    // Branch-free on the row's class: positives are interleaved at random in score order.
    for (let k = 0; k < n; k++) {
      const c = code[k];
      const wk = w[k];
      const wp = wk * (c & 1);
      bp += wp;
      bn += wk - wp;
      if (c & 4) {
        tpCut += wp;
        fpCut += wk - wp;
      }
      if (c & 2) {
        // A block of weight 0 adds nothing here and leaves precision where it was, so no test is needed.
        area += bn * (2 * cumP + bp);
        if (needAp) {
          const tp = cumP + bp;
          const seen = tp + cumN + bn;
          const prec = seen > 0 ? tp / seen : 1;
          ap += bp * prec;
          pr += (bp * (prec + lastPrec)) / 2;
          lastPrec = prec;
        }
        cumP += bp;
        cumN += bn;
        bp = 0;
        bn = 0;
      }
    }
    const P = cumP;
    const N = cumN;
    const total = P + N;
    let loss = NaN;
    let brier = NaN;
    let ece = NaN;
    // Pass 2: probability metrics from per-row losses and calibration bins.
    if (needProba && rowLoss && rowBrier && !binId && total > 0) {
      // Without ECE, a branch-free pass: a third of Poisson counts are 0, a skip would mispredict.
      let l = 0;
      let b2 = 0;
      for (let k = 0; k < n; k++) {
        l += w[k] * rowLoss[k];
        b2 += w[k] * rowBrier[k];
      }
      loss = l / total;
      brier = b2 / total;
    } else if (needProba && rowLoss && rowBrier && binId && total > 0) {
      eceTotal.fill(0);
      eceP.fill(0);
      eceY.fill(0);
      let l = 0;
      let b2 = 0;
      for (let k = 0; k < n; k++) {
        const wk = w[k];
        if (wk === 0) continue;
        l += wk * rowLoss[k];
        b2 += wk * rowBrier[k];
        const b = binId[k];
        eceTotal[b] += wk;
        eceP[b] += wk * s[k];
        eceY[b] += wk * (code[k] & 1);
      }
      loss = l / total;
      brier = b2 / total;
      ece = 0;
      for (let b = 0; b < bins; b++) if (eceTotal[b] > 0) ece += (eceTotal[b] / total) * Math.abs(eceY[b] / eceTotal[b] - eceP[b] / eceTotal[b]);
    }
    return values(tpCut, fpCut, P, N, area, ap, pr, loss, brier, ece);
  };

  /** The same metrics from two sweeps: the rows at or above the threshold, then the rest. */
  const evaluateDistinct = (w: ArrayLike<number>): Float64Array => {
    sums.fill(0);
    _sweepDistinct(code, w, rowLoss, rowBrier, 0, cut, sums);
    const tpCut = sums[0];
    const fpCut = sums[1] - sums[0];
    _sweepDistinct(code, w, rowLoss, rowBrier, cut, n, sums);
    const P = sums[0];
    const total = sums[1];
    const proba = needProba && total > 0;
    return values(tpCut, fpCut, P, total - P, 2 * sums[2], sums[3], NaN, proba ? sums[4] / total : NaN, proba ? sums[5] / total : NaN, NaN);
  };

  /** `evaluate` with position k weighted by counts[index[k]]; distinct scores read through the index inside the sweep. */
  let scratch: Float64Array | undefined;
  const evaluateAt = (counts: ArrayLike<number>, index: Uint32Array): Float64Array => {
    if (!distinct) {
      scratch ??= new Float64Array(n);
      for (let k = 0; k < n; k++) scratch[k] = counts[index[k]];
      return evaluate(scratch);
    }
    sums.fill(0);
    _sweepDistinctAt(code, counts, index, rowLoss, rowBrier, needAp, 0, cut, sums);
    const tpCut = sums[0];
    const fpCut = sums[1] - sums[0];
    _sweepDistinctAt(code, counts, index, rowLoss, rowBrier, needAp, cut, n, sums);
    const P = sums[0];
    const total = sums[1];
    const proba = needProba && total > 0;
    return values(tpCut, fpCut, P, total - P, 2 * sums[2], needAp ? sums[3] : NaN, NaN, proba ? sums[4] / total : NaN, proba ? sums[5] / total : NaN, NaN);
  };

  const values = (tpCut: number, fpCut: number, P: number, N: number, area: number, ap: number, pr: number, loss: number, brier: number, ece: number): Float64Array => {
    const c = confusionMetrics({ tp: tpCut, fp: fpCut, fn: P - tpCut, tn: N - fpCut }, NaN);
    const value: Record<BinaryMetricName, number> = {
      auc: P > 0 && N > 0 ? area / (2 * P * N) : NaN,
      averagePrecision: P > 0 ? ap / P : NaN,
      prAuc: P > 0 ? pr / P : NaN,
      logLoss: loss,
      brier,
      ece,
      accuracy: c.accuracy,
      balancedAccuracy: c.balancedAccuracy,
      precision: c.precision,
      recall: c.recall,
      f1: c.f1,
      specificity: c.specificity,
      mcc: c.mcc,
      selectionRate: c.selectionRate,
      falsePositiveRate: c.falsePositiveRate,
    };
    return Float64Array.from(wanted, (m) => value[m]);
  };
  return { task: 'binary', metrics: wanted, n, order: sorted.order, evaluate, evaluateAt };
}
