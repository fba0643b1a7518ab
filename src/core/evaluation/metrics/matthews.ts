import type { LabelColumn } from '../../args/columns';
import type { MetricResult, SampleWeight } from './types';
import { _confusionCounts, encodePair } from './confusionMatrix';
import { toWeights } from './validate';
import { _unlessAllWeightsZero } from './zeroWeights';

/**
 * Matthews correlation coefficient (binary and multiclass, Gorodkin's R_K), as scikit-learn's
 * `matthews_corrcoef`: +1 perfect, 0 no better than chance, −1 total disagreement. When either
 * yTrue or yPred holds a single class the coefficient is undefined and, like scikit-learn, 0.
 *
 * @example
 * matthewsCorrcoef([1, 1, 0, 0], [1, 0, 0, 0]).value; // 0.5773…
 */
export function matthewsCorrcoef(yTrue: LabelColumn, yPred: LabelColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const fn = 'matthewsCorrcoef';
  const { labels, trueCodes, predCodes } = encodePair(fn, yTrue, yPred);
  const w = toWeights(fn, trueCodes.length, options.sampleWeight);
  return _unlessAllWeightsZero(w, 'MCC', 'mcc', { value: _matthews(_confusionCounts(trueCodes, predCodes, labels.length, w), labels.length), warnings: [] });
}

/** MCC from a row-major k×k confusion count matrix. */
export function _matthews(counts: ArrayLike<number>, k: number): number {
  const t = new Float64Array(k);
  const p = new Float64Array(k);
  let correct = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      t[i] += counts[i * k + j];
      p[j] += counts[i * k + j];
    }
    correct += counts[i * k + i];
  }
  let n = 0;
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let i = 0; i < k; i++) {
    n += p[i];
    tp += t[i] * p[i];
    pp += p[i] * p[i];
    tt += t[i] * t[i];
  }
  const covTP = correct * n - tp;
  const covPP = n * n - pp;
  const covTT = n * n - tt;
  return covPP * covTT === 0 ? 0 : covTP / Math.sqrt(covTT * covPP);
}
