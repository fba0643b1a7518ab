import type { BigIntColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricWarning, ScoreMatrix } from '../metrics/types';
import type { Target } from '../../models/contract';
import type { Task } from '../metrics/metricCatalog';
import { binarize, encodeLabels, sortLabels, toLabels, uniqueLabels } from '../metrics/labels';
import { checkLengths, describe, isArrayLike, toFloat64 } from '../metrics/validate';
import { column, rowsSumToOne, toDenseScores, type DenseScores } from './scoreMatrix';
import { formatLabel, message, warning, evaluationMessage } from '../messages';

/** A model's predictions on the evaluation rows, in any of the forms models produce. */
export interface Predictions {
  /** Binary: one score per row for the positive class (a probability, or any score). */
  yScore?: NumberColumn;
  /** Class probabilities (predictProba's output, a Matrix, or rows of numbers). */
  yProba?: ScoreMatrix;
  /** Hard predictions: class labels, or values for regression. */
  yPred?: Target;
}

export interface PredictionsInput extends Predictions {
  yTrue: Target;
  /** Group columns for slices and fairness, e.g. { sex: table.array('sex') }. */
  groups?: Record<string, ArrayLike<unknown>>;
  /** Unique row ids (e.g. test.array('customerId')): a recorded evaluation keeps its predictions by them, so a model diff matches rows across runs; without them rows are matched by position. */
  ids?: ArrayLike<string | number> | BigIntColumn;
}

/** Predictions normalized for one task. */
export type Normalized =
  | { task: 'binary'; classes: ClassLabel[]; positiveLabel: ClassLabel; positive: Uint8Array; score: Float64Array; hasScores: boolean; warnings: MetricWarning[] }
  | { task: 'multiclass'; classes: ClassLabel[]; trueCodes: Int32Array; proba?: DenseScores; predCodes?: Int32Array; warnings: MetricWarning[] }
  | { task: 'regression'; yTrue: Float64Array; yPred: Float64Array; warnings: MetricWarning[] };

const MAX_INFERRED_CLASSES = 50;

/**
 * The task the predictions imply, as scikit-learn's type_of_target sees them, except that whole
 * numbers with more than 50 distinct values are taken as regression targets.
 */
export function inferTask(fn: string, input: PredictionsInput): Task {
  if (input.yProba !== undefined) return toDenseScores(fn, 'yProba', input.yProba).cols > 2 ? 'multiclass' : 'binary';
  if (input.yScore !== undefined) return 'binary';
  if (input.yPred === undefined) throw new TypeError(evaluationMessage.noPredictions(fn));
  const t = toLabels(fn, 'yTrue', input.yTrue);
  const continuous = (v: ArrayLike<unknown>) => {
    for (let i = 0; i < v.length; i++) if (typeof v[i] === 'number' && !Number.isInteger(v[i])) return true;
    return false;
  };
  if (continuous(t) || continuous(input.yPred as ArrayLike<unknown>)) return 'regression';
  const labels = uniqueLabels(fn, { name: 'yTrue', values: t }, { name: 'yPred', values: toLabels(fn, 'yPred', input.yPred) });
  // Whole numbers with many distinct values are counts or amounts, not classes.
  if (labels.length > MAX_INFERRED_CLASSES && typeof labels[0] === 'number') return 'regression';
  return labels.length <= 2 ? 'binary' : 'multiclass';
}

/**
 * Checks and normalizes predictions for a task. `reference` (the model's normalization) pins
 * the classes and positive label when normalizing a baseline on the same rows.
 */
export function normalizePredictions(fn: string, task: Task, input: PredictionsInput, positiveLabel: ClassLabel | undefined, reference?: Normalized): Normalized {
  if (!isArrayLike(input.yTrue)) throw new TypeError(evaluationMessage.badYTrue(fn, describe(input.yTrue)));
  const n = input.yTrue.length;
  if (n === 0) throw new RangeError(evaluationMessage.emptyEvaluation(fn));
  if (task === 'regression') {
    if (input.yPred === undefined) throw new TypeError(evaluationMessage.regressionNeedsYPred(fn));
    const yTrue = toFloat64(fn, 'yTrue', input.yTrue);
    const yPred = toFloat64(fn, 'yPred', input.yPred);
    checkLengths(fn, n, { yPred });
    return { task, yTrue, yPred, warnings: [] };
  }
  const t = toLabels(fn, 'yTrue', input.yTrue);
  const proba = input.yProba !== undefined ? toDenseScores(fn, 'yProba', input.yProba) : undefined;
  if (proba) checkLengths(fn, n, { yProba: { length: proba.rows } });
  const pred = input.yPred !== undefined ? toLabels(fn, 'yPred', input.yPred) : undefined;
  if (pred) checkLengths(fn, n, { yPred: pred });
  const present = uniqueLabels(fn, { name: 'yTrue', values: t }, ...(pred ? [{ name: 'yPred', values: pred }] : []));
  const classes = reference && reference.task !== 'regression' ? reference.classes : (proba?.classes ?? present);
  if (task === 'multiclass') {
    if (proba && proba.cols !== classes.length) throw new RangeError(evaluationMessage.probaColumnsNotClasses(fn, proba.cols, classes.length, classes.map(formatLabel).join(', ')));
    const missing = present.filter((c) => !classes.includes(c));
    if (missing.length) throw new RangeError(evaluationMessage.labelsNotModelClasses(fn, missing.map(formatLabel).join(', '), classes.map(formatLabel).join(', ')));
    const warnings: MetricWarning[] = [];
    if (proba && !rowsSumToOne(proba)) warnings.push(warning('probabilities', message.probabilitiesNotNormalized));
    return { task, classes, trueCodes: encodeLabels(fn, 'yTrue', t, classes), ...(proba ? { proba } : {}), ...(pred ? { predCodes: encodeLabels(fn, 'yPred', pred, classes) } : {}), warnings };
  }
  if (proba?.classes || reference) {
    const foreign = present.filter((c) => !classes.includes(c));
    if (foreign.length) throw new RangeError(evaluationMessage.predictedLabelsNotModelClasses(fn, foreign.map(formatLabel).join(', '), classes.map(formatLabel).join(', ')));
  }
  const warnings: MetricWarning[] = [];
  let positive = positiveLabel ?? (reference?.task === 'binary' ? reference.positiveLabel : undefined);
  if (positive === undefined) {
    const pool = classes.length >= 2 ? classes : present;
    positive = pool[pool.length - 1] ?? 1;
    const conventional = pool.every((c) => c === 0 || c === 1 || c === -1 || typeof c === 'boolean');
    if (!conventional && !proba?.classes) warnings.push(warning('positive-label', message.positiveLabelGuess(formatLabel(positive))));
  }
  if (classes.length > 2 || present.length > 2) throw new RangeError(evaluationMessage.tooManyClassesForBinary(fn, Math.max(classes.length, present.length)));
  const yt = binarize(t, positive);
  let score: Float64Array;
  let hasScores = true;
  if (input.yScore !== undefined) {
    score = toFloat64(fn, 'yScore', input.yScore);
    checkLengths(fn, n, { yScore: score });
  } else if (proba) {
    const j = classes.indexOf(positive);
    if (j < 0 || proba.cols !== 2) throw new RangeError(evaluationMessage.noPositiveColumn(fn, formatLabel(positive), classes.map(formatLabel).join(', ')));
    score = column(proba, j);
  } else if (pred) {
    score = Float64Array.from(binarize(pred, positive));
    hasScores = false;
  } else throw new TypeError(evaluationMessage.binaryNeedsPredictions(fn));
  return { task: 'binary', classes: classes.length === 2 ? classes : sortLabels([...new Set([...classes, positive])]), positiveLabel: positive, positive: yt, score, hasScores, warnings };
}
