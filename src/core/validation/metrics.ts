/**
 * The metrics cross-validation and search score with, defined exactly as scikit-learn's
 * (tested against sklearn.metrics). The full evaluation toolbox lives in src/core/evaluation;
 * these are the few a scorer needs, kept here so validation does not depend on it.
 */
import type { ClassLabel, Probabilities } from '../models/contract';
import { validationMessage } from './messages';
import { argsortAscending } from '../linalg/argsort';

/**
 * Share of rows predicted right.
 *
 * @example
 * accuracyScore(['a', 'b'], ['a', 'a']) // 0.5
 */
export function accuracyScore(yTrue: ArrayLike<unknown>, yPred: ArrayLike<unknown>): number {
  checkLengths(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/**
 * Mean recall over the classes present in yTrue (sklearn balanced_accuracy_score).
 *
 * @example
 * balancedAccuracyScore([0, 0, 0, 1], [0, 0, 0, 0]) // 0.5
 */
export function balancedAccuracyScore(yTrue: ArrayLike<unknown>, yPred: ArrayLike<unknown>): number {
  checkLengths(yTrue, yPred);
  const total = new Map<unknown, number>();
  const hit = new Map<unknown, number>();
  for (let i = 0; i < yTrue.length; i++) {
    total.set(yTrue[i], (total.get(yTrue[i]) ?? 0) + 1);
    if (yTrue[i] === yPred[i]) hit.set(yTrue[i], (hit.get(yTrue[i]) ?? 0) + 1);
  }
  let sum = 0;
  for (const [c, n] of total) sum += (hit.get(c) ?? 0) / n;
  return sum / total.size;
}

/**
 * Precision, recall and F1 of one positive class ('binary') or their unweighted mean over
 * all labels seen in yTrue or yPred ('macro'); 0 where undefined (sklearn zero_division=0).
 *
 * @example
 * precisionRecallF1(yTrue, yPred, { average: 'binary', positive: 'yes' }).f1
 */
export function precisionRecallF1(
  yTrue: ArrayLike<unknown>,
  yPred: ArrayLike<unknown>,
  options: { average: 'binary'; positive: ClassLabel } | { average: 'macro' },
): { precision: number; recall: number; f1: number } {
  checkLengths(yTrue, yPred);
  const one = (label: unknown) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < yTrue.length; i++) {
      const t = yTrue[i] === label;
      const p = yPred[i] === label;
      if (t && p) tp++;
      else if (p) fp++;
      else if (t) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  if (options.average === 'binary') return one(options.positive);
  const labels = new Set<unknown>([...Array.from(yTrue), ...Array.from(yPred)]);
  const parts = [...labels].map(one);
  const mean = (k: 'precision' | 'recall' | 'f1') => parts.reduce((s, p) => s + p[k], 0) / parts.length;
  return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
}

/**
 * Area under the ROC curve of scores for a 0/1 truth (ties count half, as the trapezoidal sklearn AUC).
 *
 * @example
 * rocAucBinary([false, true], [0.2, 0.9]) // 1
 */
export function rocAucBinary(isPositive: ArrayLike<boolean>, score: ArrayLike<number>): number {
  const n = score.length;
  const order = argsortAscending(Float64Array.from(score));
  let rankSumPos = 0;
  let nPos = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && score[order[j + 1]] === score[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (isPositive[order[k]]) {
        rankSumPos += rank;
        nPos++;
      }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) throw new RangeError(validationMessage.rocAucOneClass);
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * ROC AUC from class probabilities: the positive (second) class for 2 classes, one-vs-rest macro above.
 *
 * @example
 * rocAucScore(yTest, await model.predictProba(xTest))
 */
export function rocAucScore(yTrue: ArrayLike<unknown>, proba: Probabilities): number {
  const k = proba.classes.length;
  const column = (c: number) => Array.from({ length: proba.rows }, (_, i) => proba.data[i * k + c]);
  if (k === 2)
    return rocAucBinary(
      Array.from(yTrue, (v) => v === proba.classes[1]),
      column(1),
    );
  let sum = 0;
  for (let c = 0; c < k; c++)
    sum += rocAucBinary(
      Array.from(yTrue, (v) => v === proba.classes[c]),
      column(c),
    );
  return sum / k;
}

/**
 * Mean negative log-likelihood, probabilities clipped to [eps, 1 − eps] and renormalised (sklearn log_loss).
 *
 * @example
 * logLossScore(yTest, await model.predictProba(xTest))
 */
export function logLossScore(yTrue: ArrayLike<unknown>, proba: Probabilities): number {
  const k = proba.classes.length;
  const eps = 2.220446049250313e-16;
  let total = 0;
  for (let i = 0; i < proba.rows; i++) {
    const c = proba.classes.indexOf(yTrue[i] as ClassLabel);
    if (c < 0) throw new RangeError(validationMessage.unknownLabel('logLoss', yTrue[i], proba.classes));
    let sum = 0;
    for (let j = 0; j < k; j++) sum += clip(proba.data[i * k + j], eps);
    total -= Math.log(clip(proba.data[i * k + c], eps) / sum);
  }
  return total / proba.rows;
}

/**
 * Coefficient of determination (1 for a perfect fit, 0 for a constant target predicted exactly… sklearn's convention).
 *
 * @example
 * r2Score([1, 2, 3], [1, 2, 4]) // 0.5
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLengths(yTrue, yPred);
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) mean += yTrue[i] / yTrue.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    ssRes += (yTrue[i] - yPred[i]) ** 2;
    ssTot += (yTrue[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Mean of squared errors.
 *
 * @example
 * meanSquaredError([1, 2], [1, 4]) // 2
 */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLengths(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += (yTrue[i] - yPred[i]) ** 2;
  return s / yTrue.length;
}

/**
 * Mean of absolute errors.
 *
 * @example
 * meanAbsoluteError([1, 2], [1, 4]) // 1
 */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLengths(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += Math.abs(yTrue[i] - yPred[i]);
  return s / yTrue.length;
}

function clip(p: number, eps: number): number {
  return Math.min(1 - eps, Math.max(eps, p));
}

function checkLengths(a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) throw new RangeError(validationMessage.predictionCount(a.length, b.length));
  if (a.length === 0) throw new RangeError(validationMessage.noRowsToScore);
}
