import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricResult, MetricWarning, SampleWeight, ScoreMatrix } from './types';
import { binarize, toLabels, uniqueLabels } from './labels';
import { checkLengths, checkNumber, checkOneOf, toFloat64, toWeights } from './validate';
import { _unlessAllWeightsZero } from './zeroWeights';
import { column, isScoreMatrix, rowsSumToOne, toDenseScores, type DenseScores } from '../inputs/scoreMatrix';
import { _sortScores } from './sortScores';
import { _binaryClfCurve } from './sortScores';
import { _rocAucSorted } from './rankingCore';
import { _rocFromClfCurve } from '../curves/rocCurve';
import { formatLabel, message, warning, evaluationMessage } from '../messages';

export interface RocAucOptions {
  /** Multiclass averaging of one-vs-rest AUCs (default 'macro'). */
  average?: 'macro' | 'weighted' | 'micro';
  /** Multiclass strategy; only one-vs-rest is implemented (default 'ovr'). */
  multiClass?: 'ovr';
  /** Class order of the score columns (default: the matrix's classes, else sorted yTrue labels). */
  labels?: ClassLabel[];
  /** Binary only: the class whose scores are given (default: the greater label, as scikit-learn). */
  positiveLabel?: ClassLabel;
  sampleWeight?: SampleWeight;
  /** Binary only: standardized partial AUC up to this false positive rate (McClish correction). */
  maxFpr?: number;
}

/**
 * Area under the ROC curve, as scikit-learn's `roc_auc_score`: binary from one score per row;
 * multiclass one-vs-rest (macro, weighted or micro) from class probabilities. A single class in
 * yTrue gives NaN with a warning (scikit-learn raises).
 *
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).value; // 0.75
 * rocAucScore(['a', 'b', 'c'], model.predictProba(x)).value; // macro one-vs-rest
 */
export function rocAucScore(yTrue: LabelColumn, yScore: NumberColumn | ScoreMatrix, options: RocAucOptions = {}): MetricResult {
  return _unlessAllWeightsZero(options.sampleWeight, 'ROC AUC', 'auc', rocAuc(yTrue, yScore, options));
}

function rocAuc(yTrue: LabelColumn, yScore: NumberColumn | ScoreMatrix, options: RocAucOptions): MetricResult {
  const fn = 'rocAucScore';
  const t = toLabels(fn, 'yTrue', yTrue);
  const w = toWeights(fn, t.length, options.sampleWeight);
  if (options.multiClass !== undefined) checkOneOf(fn, 'multiClass', options.multiClass, ['ovr'] as const);
  if (isScoreMatrix(yScore)) {
    const m = toDenseScores(fn, 'yScore', yScore);
    checkLengths(fn, t.length, { yScore: { length: m.rows } });
    const labels = options.labels ?? m.classes ?? uniqueLabels(fn, { name: 'yTrue', values: t });
    if (labels.length !== m.cols) throw new RangeError(evaluationMessage.columnsNotClasses(fn, 'yScore', m.cols, labels.length, labels.map(formatLabel).join(', ')));
    if (m.cols === 2 && uniqueLabels(fn, { name: 'yTrue', values: t }).length <= 2) {
      const positive = options.positiveLabel ?? labels[1];
      return binaryAuc(binarize(t, positive), column(m, labels.indexOf(positive)), w, options.maxFpr, t);
    }
    if (options.maxFpr !== undefined && options.maxFpr !== 1) throw new RangeError(evaluationMessage.partialAucNotBinary(fn));
    return _multiclassRocAuc(t, m, labels, options.average ?? 'macro', w);
  }
  const score = toFloat64(fn, 'yScore', yScore);
  checkLengths(fn, t.length, { yScore: score });
  const classes = uniqueLabels(fn, { name: 'yTrue', values: t });
  if (classes.length > 2) throw new RangeError(evaluationMessage.multiclassNeedsProba(fn, classes.length));
  const positive = options.positiveLabel ?? (classes.length === 2 ? classes[1] : classes[0]);
  return binaryAuc(binarize(t, positive), score, w, options.maxFpr, t);
}

function binaryAuc(positive: Uint8Array, score: Float64Array, w: Float64Array | undefined, maxFpr: number | undefined, t: ArrayLike<ClassLabel>): MetricResult {
  const r = _binaryRocAuc(positive, score, w, maxFpr);
  if (Number.isNaN(r)) return { value: NaN, warnings: [warning('single-class', message.singleClassAuc(t.length ? formatLabel(t[0]) : 'none'), { metric: 'auc' })] };
  return { value: r, warnings: [] };
}

/** Binary ROC AUC (NaN with a single class), optionally partial up to maxFpr with McClish's standardization. */
export function _binaryRocAuc(positive: Uint8Array, score: Float64Array, w?: Float64Array, maxFpr?: number): number {
  const sorted = _sortScores(score, positive, w);
  if (maxFpr === undefined || maxFpr === 1) return _rocAucSorted(sorted);
  checkNumber('rocAucScore', 'maxFpr', maxFpr, Number.MIN_VALUE, 1);
  const roc = _rocFromClfCurve(_binaryClfCurve(sorted), true);
  if (roc.warnings.length) return NaN;
  const { fpr, tpr } = roc;
  let stop = 0;
  while (stop < fpr.length && fpr[stop] <= maxFpr) stop++;
  const x = Array.from(fpr.subarray(0, stop));
  const y = Array.from(tpr.subarray(0, stop));
  const x0 = fpr[stop - 1];
  const x1 = fpr[stop];
  y.push(x1 === x0 ? tpr[stop - 1] : tpr[stop - 1] + ((tpr[stop] - tpr[stop - 1]) * (maxFpr - x0)) / (x1 - x0));
  x.push(maxFpr);
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  const minArea = 0.5 * maxFpr * maxFpr;
  return 0.5 * (1 + (area - minArea) / (maxFpr - minArea));
}

function _multiclassRocAuc(t: ArrayLike<ClassLabel>, m: DenseScores, labels: ClassLabel[], average: 'macro' | 'weighted' | 'micro', w?: Float64Array): MetricResult {
  const fn = 'rocAucScore';
  checkOneOf(fn, 'average', average, ['macro', 'weighted', 'micro'] as const);
  if (!rowsSumToOne(m)) throw new RangeError(evaluationMessage.scoresNotProbabilities(fn));
  const present = uniqueLabels(fn, { name: 'yTrue', values: t });
  const missing = present.filter((l) => !labels.includes(l));
  if (missing.length) throw new RangeError(evaluationMessage.labelsNotScoreClasses(fn, missing.map(formatLabel).join(', '), labels.map(formatLabel).join(', ')));
  const warnings: MetricWarning[] = [];
  if (average === 'micro') {
    const n = m.rows * m.cols;
    const pos = new Uint8Array(n);
    const ww = w ? new Float64Array(n) : undefined;
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        pos[i * m.cols + j] = t[i] === labels[j] ? 1 : 0;
        if (ww && w) ww[i * m.cols + j] = w[i];
      }
    }
    return { value: _binaryRocAuc(pos, m.data, ww), warnings };
  }
  const scores: number[] = [];
  const support: number[] = [];
  for (let j = 0; j < m.cols; j++) {
    const pos = binarize(t, labels[j]);
    let s = 0;
    for (let i = 0; i < pos.length; i++) s += pos[i] ? (w ? w[i] : 1) : 0;
    support.push(s);
    const auc = _binaryRocAuc(pos, column(m, j), w);
    if (Number.isNaN(auc))
      warnings.push(warning('single-class', `Class ${formatLabel(labels[j])} has no ${s === 0 ? 'positive' : 'negative'} rows: its one-vs-rest AUC is undefined.`, { metric: 'auc' }));
    scores.push(auc);
  }
  if (average === 'macro') return { value: scores.reduce((a, b) => a + b, 0) / scores.length, warnings };
  const total = support.reduce((a, b) => a + b, 0);
  if (total === 0) return { value: 0, warnings };
  let acc = 0;
  for (let j = 0; j < scores.length; j++) acc += support[j] === 0 ? 0 : scores[j] * support[j];
  return { value: acc / total, warnings };
}
