import { MULTICLASS_METRICS, type MulticlassMetricName } from '../metrics/metricCatalog';
import type { PreparedMetrics } from './prepared';
import type { DenseScores } from './scoreMatrix';
import { column } from './scoreMatrix';
import { _sortScores, type SortedScores } from '../metrics/sortScores';
import { _rocAucSorted } from '../metrics/rankingCore';
import { _logLossRows } from '../metrics/logLoss';
import { _topLabel } from '../metrics/calibrationError';
import { _binIds } from '../curves/calibrationCurve';
import { linspace } from '../intervals/quantile';
import { _matthews } from '../metrics/matthews';

const PROBABILITY_METRICS: readonly MulticlassMetricName[] = ['logLoss', 'brier', 'ece', 'auc', 'aucWeighted'];

/**
 * Multiclass metrics with positions = rows. Predictions are the argmax class (first on ties);
 * one-vs-rest AUCs each keep their own sorted order and read the row counts through it.
 * Per resample, only classes present in yTrue or the predictions enter the macro averages,
 * as scikit-learn on the materialized resample. Undefined values are NaN.
 */
export function _prepareMulticlass(trueCodes: Int32Array, proba: DenseScores, options: { metrics?: readonly MulticlassMetricName[]; eceBins?: number; predCodes?: Int32Array } = {}): PreparedMetrics {
  const k = proba.cols;
  const n = trueCodes.length;
  const hasProba = proba.rows === n && k > 0;
  const wanted = (options.metrics ?? MULTICLASS_METRICS).filter((m) => hasProba || !PROBABILITY_METRICS.includes(m));
  const top = hasProba ? _topLabel(trueCodes, proba.data, k) : undefined;
  const pred = options.predCodes ?? (top ? top.pred : new Int32Array(n));
  const needAuc = wanted.includes('auc') || wanted.includes('aucWeighted');
  const needProba = wanted.some((m) => m === 'logLoss' || m === 'brier' || m === 'ece');
  const bins = options.eceBins ?? 10;
  let rowLoss: Float64Array | undefined;
  let rowBrier: Float64Array | undefined;
  let binId: Uint16Array | undefined;
  if (needProba && top) {
    rowLoss = _logLossRows(trueCodes, proba);
    rowBrier = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += ((trueCodes[i] === j ? 1 : 0) - proba.data[i * k + j]) ** 2;
      rowBrier[i] = s;
    }
    binId = _binIds(top.conf, linspace(0, 1, bins + 1));
  }
  const perClass: SortedScores[] = [];
  if (needAuc) {
    for (let j = 0; j < k; j++) {
      const positive = new Uint8Array(n);
      for (let i = 0; i < n; i++) positive[i] = trueCodes[i] === j ? 1 : 0;
      perClass.push(_sortScores(column(proba, j), positive, undefined, true));
    }
  }
  const scratch = new Float64Array(n);
  const confusion = new Float64Array(k * k);
  const eceTotal = new Float64Array(bins);
  const eceP = new Float64Array(bins);
  const eceY = new Float64Array(bins);

  const evaluate = (counts?: ArrayLike<number>): Float64Array => {
    confusion.fill(0);
    eceTotal.fill(0);
    eceP.fill(0);
    eceY.fill(0);
    let loss = 0;
    let brier = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = counts ? counts[i] : 1;
      if (w === 0) continue;
      total += w;
      confusion[trueCodes[i] * k + pred[i]] += w;
      if (rowLoss && rowBrier && binId && top) {
        loss += w * rowLoss[i];
        brier += w * rowBrier[i];
        const b = binId[i];
        eceTotal[b] += w;
        eceP[b] += w * top.conf[i];
        eceY[b] += w * top.correct[i];
      }
    }
    const tru = new Float64Array(k);
    const prd = new Float64Array(k);
    let correct = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        tru[a] += confusion[a * k + b];
        prd[b] += confusion[a * k + b];
      }
      correct += confusion[a * k + a];
    }
    const avg = averages(confusion, tru, prd, k);
    const aucs: number[] = [];
    if (needAuc) {
      for (let j = 0; j < k; j++) {
        const sorted = perClass[j];
        let c: ArrayLike<number> | undefined;
        if (counts && sorted.order) {
          for (let p = 0; p < n; p++) scratch[p] = counts[sorted.order[p]];
          c = scratch;
        }
        aucs.push(_rocAucSorted(sorted, c));
      }
    }
    let ece = NaN;
    if (needProba && total > 0) {
      ece = 0;
      for (let b = 0; b < bins; b++) if (eceTotal[b] > 0) ece += (eceTotal[b] / total) * Math.abs(eceY[b] / eceTotal[b] - eceP[b] / eceTotal[b]);
    }
    const support = Array.from(tru);
    const supportSum = support.reduce((x, y) => x + y, 0);
    const value: Record<MulticlassMetricName, number> = {
      accuracy: total > 0 ? correct / total : NaN,
      balancedAccuracy: avg.balanced,
      precision: avg.precision,
      recall: avg.recall,
      f1: avg.f1,
      precisionWeighted: avg.precisionWeighted,
      recallWeighted: avg.recallWeighted,
      f1Weighted: avg.f1Weighted,
      f1Micro: total > 0 ? correct / total : NaN,
      mcc: total > 0 ? _matthews(confusion, k) : NaN,
      auc: aucs.length ? aucs.reduce((x, y) => x + y, 0) / k : NaN,
      aucWeighted: aucs.length && supportSum > 0 ? aucs.reduce((acc, a, j) => acc + (support[j] > 0 ? a * support[j] : 0), 0) / supportSum : NaN,
      logLoss: total > 0 ? loss / total : NaN,
      brier: total > 0 ? brier / total : NaN,
      ece,
    };
    return Float64Array.from(wanted, (m) => value[m]);
  };
  return { task: 'multiclass', metrics: wanted, n, evaluate };
}

/** Macro and weighted precision/recall/F1 (0/0 → 0 as scikit-learn) over classes present, and balanced accuracy. */
function averages(confusion: Float64Array, tru: Float64Array, prd: Float64Array, k: number) {
  let present = 0;
  let p = 0;
  let r = 0;
  let f = 0;
  let pw = 0;
  let rw = 0;
  let fw = 0;
  let weight = 0;
  let bal = 0;
  let balClasses = 0;
  for (let c = 0; c < k; c++) {
    if (tru[c] === 0 && prd[c] === 0) continue;
    present++;
    const tp = confusion[c * k + c];
    const prec = prd[c] === 0 ? 0 : tp / prd[c];
    const rec = tru[c] === 0 ? 0 : tp / tru[c];
    const f1 = 2 * tp + (prd[c] - tp) + (tru[c] - tp) === 0 ? 0 : (2 * tp) / (prd[c] + tru[c]);
    p += prec;
    r += rec;
    f += f1;
    pw += prec * tru[c];
    rw += rec * tru[c];
    fw += f1 * tru[c];
    weight += tru[c];
    if (tru[c] > 0) {
      bal += rec;
      balClasses++;
    }
  }
  const none = present === 0 || weight === 0;
  return {
    precision: present ? p / present : NaN,
    recall: present ? r / present : NaN,
    f1: present ? f / present : NaN,
    precisionWeighted: none ? NaN : pw / weight,
    recallWeighted: none ? NaN : rw / weight,
    f1Weighted: none ? NaN : fw / weight,
    balanced: balClasses ? bal / balClasses : NaN,
  };
}
