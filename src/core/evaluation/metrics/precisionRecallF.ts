import type { LabelColumn } from '../../args/columns';
import type { Average, ClassLabel, MetricResult, MetricWarning, SampleWeight, ZeroDivision } from './types';
import { encodeLabels, resolvePositiveLabel, toLabels, uniqueLabels } from './labels';
import { checkLengths, checkNumber, checkOneOf, toWeights } from './validate';
import { _unlessAllWeightsZero } from './zeroWeights';
import { formatLabel, message, warning, evaluationMessage } from '../messages';

export interface PrecisionRecallOptions {
  /** 'binary' (default when yTrue ∪ yPred has at most two labels): scores of `positiveLabel` only. */
  average?: Average;
  /** The positive class for average 'binary' (default: the greater label; string labels must name it). */
  positiveLabel?: ClassLabel;
  /** Labels to score and average over (default: every label in yTrue ∪ yPred). */
  labels?: ClassLabel[];
  /** Value of a 0/0 ratio; 'warn' (default) gives 0 plus a warning. */
  zeroDivision?: ZeroDivision;
  sampleWeight?: SampleWeight;
}

export interface PrecisionRecallFscoreSupport {
  /** Labels scored, in order of the per-label arrays. */
  labels: ClassLabel[];
  /** Per-label precision, recall, F-beta and support (weighted count of true rows). */
  perLabel: { precision: number[]; recall: number[]; fscore: number[]; support: number[] };
  /** The averages, per `average` (undefined without one). */
  precision?: number;
  recall?: number;
  fscore?: number;
  warnings: MetricWarning[];
}

type WarnFor = 'precision' | 'recall' | 'f-score';
const AVERAGES: readonly Average[] = ['binary', 'micro', 'macro', 'weighted'];

/**
 * Precision, recall, F-beta and support per label and averaged, as scikit-learn's
 * `precision_recall_fscore_support` (`average: undefined` gives per-label values only).
 *
 * @param beta weight of recall in the F-score (default 1)
 * @example
 * precisionRecallFscoreSupport(['a', 'b', 'c'], ['a', 'c', 'c'], { average: 'macro' }).fscore; // 0.5556
 */
export function precisionRecallFscoreSupport(yTrue: LabelColumn, yPred: LabelColumn, options: PrecisionRecallOptions & { beta?: number } = {}): PrecisionRecallFscoreSupport {
  return _prfs('precisionRecallFscoreSupport', yTrue, yPred, options, ['precision', 'recall', 'f-score'], options.average ?? null);
}

/**
 * Precision tp / (tp + fp), as scikit-learn's `precision_score` (default average 'binary').
 *
 * @example
 * precisionScore([0, 1, 1, 0], [1, 1, 1, 0]).value; // 0.6667
 * precisionScore(['a', 'b', 'c'], ['a', 'b', 'b'], { average: 'macro' }).value;
 */
export function precisionScore(yTrue: LabelColumn, yPred: LabelColumn, options: PrecisionRecallOptions = {}): MetricResult {
  const r = _prfs('precisionScore', yTrue, yPred, options, ['precision'], defaultAverage(options));
  return _unlessAllWeightsZero(options.sampleWeight, 'Precision', 'precision', { value: r.precision as number, warnings: r.warnings });
}

/**
 * Recall tp / (tp + fn), as scikit-learn's `recall_score` (default average 'binary').
 *
 * @example
 * recallScore([0, 1, 1, 0], [0, 1, 0, 0]).value; // 0.5
 */
export function recallScore(yTrue: LabelColumn, yPred: LabelColumn, options: PrecisionRecallOptions = {}): MetricResult {
  const r = _prfs('recallScore', yTrue, yPred, options, ['recall'], defaultAverage(options));
  return _unlessAllWeightsZero(options.sampleWeight, 'Recall', 'recall', { value: r.recall as number, warnings: r.warnings });
}

/**
 * F1, the harmonic mean of precision and recall, as scikit-learn's `f1_score` (default average 'binary').
 *
 * @example
 * f1Score([0, 1, 1, 0], [0, 1, 0, 0]).value; // 0.6667
 * f1Score(['a', 'b', 'c'], ['a', 'b', 'b'], { average: 'weighted' }).value;
 */
export function f1Score(yTrue: LabelColumn, yPred: LabelColumn, options: PrecisionRecallOptions = {}): MetricResult {
  return fbetaScore(yTrue, yPred, 1, options);
}

/**
 * F-beta: (1 + β²)·P·R / (β²·P + R), as scikit-learn's `fbeta_score` (β > 1 favours recall).
 *
 * @example
 * fbetaScore([0, 1, 1, 0], [1, 1, 0, 0], 2).value; // 0.5
 */
export function fbetaScore(yTrue: LabelColumn, yPred: LabelColumn, beta: number, options: PrecisionRecallOptions = {}): MetricResult {
  const r = _prfs('fbetaScore', yTrue, yPred, { ...options, beta }, ['f-score'], defaultAverage(options));
  return _unlessAllWeightsZero(options.sampleWeight, 'F-score', beta === 1 ? 'f1' : 'fbeta', { value: r.fscore as number, warnings: r.warnings });
}

function defaultAverage(options: PrecisionRecallOptions): Average {
  return options.average ?? 'binary';
}

function _prfs(fn: string, yTrue: unknown, yPred: unknown, options: PrecisionRecallOptions & { beta?: number }, warnFor: WarnFor[], average: Average | null): PrecisionRecallFscoreSupport {
  const t = toLabels(fn, 'yTrue', yTrue);
  const p = toLabels(fn, 'yPred', yPred);
  checkLengths(fn, t.length, { yPred: p });
  const w = toWeights(fn, t.length, options.sampleWeight);
  const beta = checkNumber(fn, 'beta', options.beta ?? 1, 0);
  const zeroDivision = checkOneOf(fn, 'zeroDivision', options.zeroDivision ?? 'warn', ['warn', 0, 1] as const);
  if (average !== null) checkOneOf(fn, 'average', average, AVERAGES);
  const present = uniqueLabels(fn, { name: 'yTrue', values: t }, { name: 'yPred', values: p });
  let labels = options.labels ? [...options.labels] : present;
  if (average === 'binary') {
    if (present.length > 2) throw new RangeError(evaluationMessage.multiclassWithBinaryAverage(fn, present.length));
    const positive = resolvePositiveLabel(fn, present, options.positiveLabel);
    if (present.length === 2 && !present.includes(positive)) throw new RangeError(evaluationMessage.badPositiveLabel(fn, formatLabel(positive), present.map(formatLabel).join(', ')));
    labels = [positive];
  }
  const all = uniqueLabels(fn, { name: 'labels', values: [...present, ...labels] });
  const k = all.length;
  const stats = _classCounts(encodeLabels(fn, 'yTrue', t, all), encodeLabels(fn, 'yPred', p, all), k, w);
  const pick = labels.map((l) => all.indexOf(l));
  return _prfsFromCounts(
    labels,
    pick.map((i) => stats.tp[i]),
    pick.map((i) => stats.pred[i]),
    pick.map((i) => stats.true[i]),
    { beta, zeroDivision, average, warnFor },
  );
}

/** Per-class weighted true-positive, predicted and true counts from label codes. */
export function _classCounts(trueCodes: Int32Array, predCodes: Int32Array, k: number, w?: ArrayLike<number>): { tp: Float64Array; pred: Float64Array; true: Float64Array } {
  const tp = new Float64Array(k);
  const pred = new Float64Array(k);
  const tru = new Float64Array(k);
  for (let i = 0; i < trueCodes.length; i++) {
    const wi = w ? w[i] : 1;
    const a = trueCodes[i];
    const b = predCodes[i];
    tru[a] += wi;
    pred[b] += wi;
    if (a === b) tp[a] += wi;
  }
  return { tp, pred, true: tru };
}

export interface PrfsSettings {
  beta: number;
  zeroDivision: ZeroDivision;
  average: Average | null;
  warnFor: WarnFor[];
}

/** Precision/recall/F from per-label counts, with scikit-learn's zero-division and averaging rules. */
export function _prfsFromCounts(labels: ClassLabel[], tpIn: number[], predIn: number[], trueIn: number[], s: PrfsSettings): PrecisionRecallFscoreSupport {
  const warnings: MetricWarning[] = [];
  let tp = tpIn;
  let pred = predIn;
  let tru = trueIn;
  if (s.average === 'micro') {
    tp = [sum(tp)];
    pred = [sum(pred)];
    tru = [sum(tru)];
  }
  const perLabel = tp.length > 1;
  const zd = s.zeroDivision === 1 ? 1 : 0;
  const precision = tp.map((x, i) => (pred[i] === 0 ? zd : x / pred[i]));
  const recall = tp.map((x, i) => (tru[i] === 0 ? zd : x / tru[i]));
  if (s.zeroDivision === 'warn') {
    const fToo = s.warnFor.includes('f-score');
    if (s.warnFor.includes('precision') && pred.some((x) => x === 0))
      warnings.push(warning('zero-division', message.zeroDivision(fToo ? 'Precision and F-score are' : 'Precision is', 'predicted', perLabel), { metric: 'precision' }));
    if (s.warnFor.includes('recall') && tru.some((x) => x === 0))
      warnings.push(warning('zero-division', message.zeroDivision(fToo ? 'Recall and F-score are' : 'Recall is', 'true', perLabel), { metric: 'recall' }));
    if (s.warnFor.length === 1 && fToo && tru.some((x, i) => x === 0 && pred[i] === 0)) warnings.push(warning('zero-division', message.fScoreBothUndefined(perLabel), { metric: 'f1' }));
  }
  const b2 = s.beta * s.beta;
  const fscore = precision.map((pr, i) => {
    if (s.beta === Infinity) return recall[i];
    const denom = b2 * pr + recall[i];
    return ((1 + b2) * pr * recall[i]) / (denom === 0 ? 1 : denom);
  });
  const out: PrecisionRecallFscoreSupport = { labels, perLabel: { precision, recall, fscore, support: trueIn }, warnings };
  if (s.average === null) return out;
  if (s.average === 'weighted') {
    const total = sum(tru);
    if (total === 0) {
      const z = s.zeroDivision === 1 ? 1 : 0;
      const allNegative = sum(pred) === 0;
      return { ...out, precision: allNegative ? z : 0, recall: z, fscore: allNegative ? z : 0 };
    }
    return { ...out, precision: weightedMean(precision, tru), recall: weightedMean(recall, tru), fscore: weightedMean(fscore, tru) };
  }
  return { ...out, precision: mean(precision), recall: mean(recall), fscore: mean(fscore) };
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function mean(a: number[]): number {
  return a.length ? sum(a) / a.length : NaN;
}

function weightedMean(a: number[], w: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * w[i];
  return s / sum(w);
}
