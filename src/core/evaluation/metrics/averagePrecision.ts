import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricResult, MetricWarning, SampleWeight, ScoreMatrix } from './types';
import { binarize, toLabels, uniqueLabels } from './labels';
import { checkLengths, checkOneOf, toWeights } from './validate';
import { _unlessAllWeightsZero } from './zeroWeights';
import { column, isScoreMatrix, toDenseScores } from '../inputs/scoreMatrix';
import { _binaryInputs } from '../inputs/binaryInputs';
import { _sortScores } from './sortScores';
import { _averagePrecisionSorted, _prAucSorted } from './rankingCore';
import { formatLabel, message, warning, evaluationMessage } from '../messages';

export interface AveragePrecisionOptions {
  /** Binary: the class whose scores are given (default: the greater label; strings must name it). */
  positiveLabel?: ClassLabel;
  /** Multiclass (class probabilities): one-vs-rest averaging (default 'macro'). */
  average?: 'macro' | 'weighted' | 'micro';
  /** Class order of the score columns (default: the matrix's classes, else sorted yTrue labels). */
  labels?: ClassLabel[];
  sampleWeight?: SampleWeight;
}

/**
 * Average precision AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ (no interpolation), as scikit-learn's
 * `average_precision_score`; multiclass as one-vs-rest over class probabilities (as
 * scikit-learn ≥ 1.3 does via label binarization). Without positives AP is 0, with a warning.
 *
 * @example
 * averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).value; // 0.8333
 */
export function averagePrecisionScore(yTrue: LabelColumn, yScore: NumberColumn | ScoreMatrix, options: AveragePrecisionOptions = {}): MetricResult {
  return _unlessAllWeightsZero(options.sampleWeight, 'Average precision', 'averagePrecision', rankingScore('averagePrecisionScore', yTrue, yScore, options, 'ap'));
}

/**
 * Area under the precision–recall curve by the trapezoidal rule, scikit-learn's
 * `auc(recall, precision)` over `precision_recall_curve`. Prefer `averagePrecisionScore`
 * (the trapezoid can be optimistic); this is for comparison with tools that report "PR AUC".
 *
 * @example
 * prAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).value; // 0.7916…
 */
export function prAucScore(yTrue: LabelColumn, yScore: NumberColumn | ScoreMatrix, options: AveragePrecisionOptions = {}): MetricResult {
  return _unlessAllWeightsZero(options.sampleWeight, 'PR AUC', 'prAuc', rankingScore('prAucScore', yTrue, yScore, options, 'trapezoid'));
}

function rankingScore(fn: string, yTrue: unknown, yScore: unknown, options: AveragePrecisionOptions, kind: 'ap' | 'trapezoid'): MetricResult {
  const metric = kind === 'ap' ? 'averagePrecision' : 'prAuc';
  const one = (positive: Uint8Array, score: Float64Array, w?: Float64Array): number => {
    const sorted = _sortScores(score, positive, w);
    return kind === 'ap' ? _averagePrecisionSorted(sorted) : _prAucSorted(sorted);
  };
  if (!isScoreMatrix(yScore)) {
    const input = _binaryInputs(fn, yTrue, yScore, options.positiveLabel, options.sampleWeight);
    const value = one(input.positive, input.score, input.weight);
    const none = !input.positive.some((x) => x === 1);
    return { value, warnings: none ? [warning('undefined-metric', message.noPositivesRecall, { metric })] : [] };
  }
  const t = toLabels(fn, 'yTrue', yTrue);
  const m = toDenseScores(fn, 'yScore', yScore);
  checkLengths(fn, t.length, { yScore: { length: m.rows } });
  const w = toWeights(fn, t.length, options.sampleWeight);
  const labels = options.labels ?? m.classes ?? uniqueLabels(fn, { name: 'yTrue', values: t });
  if (labels.length !== m.cols) throw new RangeError(evaluationMessage.columnsNotClasses(fn, 'yScore', m.cols, labels.length));
  const average = checkOneOf(fn, 'average', options.average ?? 'macro', ['macro', 'weighted', 'micro'] as const);
  const warnings: MetricWarning[] = [];
  if (average === 'micro') {
    const pos = new Uint8Array(m.rows * m.cols);
    const ww = w ? new Float64Array(pos.length) : undefined;
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        pos[i * m.cols + j] = t[i] === labels[j] ? 1 : 0;
        if (ww && w) ww[i * m.cols + j] = w[i];
      }
    }
    return { value: one(pos, m.data, ww), warnings };
  }
  const scores: number[] = [];
  const support: number[] = [];
  for (let j = 0; j < m.cols; j++) {
    const pos = binarize(t, labels[j]);
    let s = 0;
    for (let i = 0; i < pos.length; i++) if (pos[i]) s += w ? w[i] : 1;
    if (s === 0) warnings.push(warning('undefined-metric', `Class ${formatLabel(labels[j])} has no rows in yTrue: its one-vs-rest ${metric} is ${kind === 'ap' ? '0' : 'undefined'}.`, { metric }));
    support.push(s);
    scores.push(one(pos, column(m, j), w));
  }
  if (average === 'macro') return { value: scores.reduce((a, b) => a + b, 0) / scores.length, warnings };
  const total = support.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let j = 0; j < scores.length; j++) acc += support[j] === 0 ? 0 : scores[j] * support[j];
  return { value: total === 0 ? 0 : acc / total, warnings };
}
