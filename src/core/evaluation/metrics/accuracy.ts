import type { LabelColumn } from '../../args/columns';
import type { MetricResult, MetricWarning, SampleWeight } from './types';
import { _confusionCounts, encodePair } from './confusionMatrix';
import { toWeights } from './validate';
import { message, warning } from '../messages';
import { _unlessAllWeightsZero } from './zeroWeights';

/**
 * The fraction (or, with `normalize: false`, the weighted count) of rows predicted exactly right,
 * as scikit-learn's `accuracy_score`.
 *
 * @param options.normalize return a fraction (default true) or a count
 * @example
 * accuracyScore([0, 1, 1, 0], [0, 1, 0, 0]).value; // 0.75
 */
export function accuracyScore(yTrue: LabelColumn, yPred: LabelColumn, options: { sampleWeight?: SampleWeight; normalize?: boolean } = {}): MetricResult {
  const fn = 'accuracyScore';
  const { trueCodes, predCodes } = encodePair(fn, yTrue, yPred);
  const w = toWeights(fn, trueCodes.length, options.sampleWeight);
  return _accuracy(trueCodes, predCodes, w, options.normalize ?? true);
}

export function _accuracy(trueCodes: Int32Array, predCodes: Int32Array, w: ArrayLike<number> | undefined, normalize: boolean): MetricResult {
  let right = 0;
  let total = 0;
  for (let i = 0; i < trueCodes.length; i++) {
    const wi = w ? w[i] : 1;
    total += wi;
    if (trueCodes[i] === predCodes[i]) right += wi;
  }
  if (!normalize) return { value: right, warnings: [] };
  if (total === 0) return { value: NaN, warnings: [warning('undefined-metric', w && w.length ? message.zeroWeights('Accuracy') : message.emptyInput('Accuracy'), { metric: 'accuracy' })] };
  return { value: right / total, warnings: [] };
}

/**
 * The mean of per-class recall, as scikit-learn's `balanced_accuracy_score`. Classes that occur
 * only in yPred are left out, with a warning. With `adjusted: true`, chance level scores 0.
 *
 * @example
 * balancedAccuracyScore([0, 0, 0, 1], [0, 0, 1, 1]).value; // (2/3 + 1) / 2 = 0.8333…
 */
export function balancedAccuracyScore(yTrue: LabelColumn, yPred: LabelColumn, options: { sampleWeight?: SampleWeight; adjusted?: boolean } = {}): MetricResult {
  const fn = 'balancedAccuracyScore';
  const { labels, trueCodes, predCodes } = encodePair(fn, yTrue, yPred);
  const w = toWeights(fn, trueCodes.length, options.sampleWeight);
  return _unlessAllWeightsZero(w, 'Balanced accuracy', 'balancedAccuracy', _balancedAccuracy(_confusionCounts(trueCodes, predCodes, labels.length, w), labels.length, options.adjusted ?? false));
}

/** Balanced accuracy from a row-major k×k confusion count matrix. */
export function _balancedAccuracy(counts: ArrayLike<number>, k: number, adjusted = false): MetricResult {
  const warnings: MetricWarning[] = [];
  let sum = 0;
  let classes = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += counts[i * k + j];
    if (row === 0) continue;
    sum += counts[i * k + i] / row;
    classes++;
  }
  if (classes < k) warnings.push(warning('labels-not-in-true', message.predNotInTrue, { metric: 'balancedAccuracy' }));
  if (classes === 0) return { value: NaN, warnings: [warning('undefined-metric', message.emptyInput('Balanced accuracy'), { metric: 'balancedAccuracy' })] };
  let score = sum / classes;
  if (adjusted) {
    const chance = 1 / classes;
    score = (score - chance) / (1 - chance);
  }
  return { value: score, warnings };
}
