import type { PredictionSet } from './contract';
import type { MetricName } from '../evaluation/metrics/metricCatalog';
import { reviewMessage } from './messages';

/** One side's predictions as arrays the metric evaluators read (all of its kept rows). */
export type SideData =
  | {
      task: 'binary';
      n: number;
      positive: Uint8Array;
      predicted: Uint8Array;
      correct: Uint8Array;
      score?: Float64Array;
      probabilities: boolean;
      /** Every kept prediction is score ≥ 0.5 (the usual case): one sorted evaluator gives every metric. */
      thresholdAgrees: boolean;
    }
  | { task: 'multiclass'; n: number; trueCodes: Int32Array; predCodes: Int32Array; correct: Uint8Array }
  | { task: 'regression'; n: number; yTrue: Float64Array; yPred: Float64Array };

/** Both sides encoded alike: the same classes, the same positive class, the metrics both can give. */
export interface EncodedSides {
  task: PredictionSet['task'];
  /** Class labels (classification), shared by both sides. */
  classes: string[];
  positiveLabel?: string;
  base?: SideData;
  head?: SideData;
  /** The metrics compared, in report order: every one both sides can compute. */
  metrics: MetricName[];
  notes: string[];
}

/** The metrics a diff compares, per task (`needsScores`: binary metrics that read yScore). */
export const DIFF_METRICS = {
  binary: ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'auc', 'averagePrecision', 'logLoss', 'brier'],
  multiclass: ['accuracy', 'balancedAccuracy', 'f1'],
  regression: ['mae', 'rmse', 'r2'],
} as const satisfies Record<PredictionSet['task'], readonly MetricName[]>;

const SCORE_METRICS: readonly MetricName[] = ['auc', 'averagePrecision', 'logLoss', 'brier'];
const PROBABILITY_METRICS: readonly MetricName[] = ['logLoss', 'brier'];

/**
 * Encodes one or both prediction sets with shared classes and positive class (base's when the
 * two name different ones), and picks the metrics both sides can compute: score metrics only
 * when both kept scores, log loss and Brier only when both sides' scores are probabilities.
 * `only` restricts the metrics (e.g. a quick diff of accuracy and AUC).
 */
export function _encodeSides(fn: string, base: PredictionSet | undefined, head: PredictionSet | undefined, only?: readonly MetricName[]): EncodedSides {
  const sets = [base, head].filter((s): s is PredictionSet => s !== undefined);
  if (sets.length === 0) throw new TypeError(reviewMessage.noSides(fn));
  sets.forEach((s) => checkSet(fn, s === base ? 'base' : 'head', s));
  if (base && head && base.task !== head.task) throw new RangeError(reviewMessage.taskMismatch(base.task, head.task));
  const task = sets[0].task;
  const notes: string[] = [];
  const labels = new Set<string>();
  let positiveLabel: string | undefined;
  if (task !== 'regression') {
    for (const s of sets) {
      for (const c of s.classes ?? []) labels.add(String(c));
      for (const v of s.yTrue) labels.add(String(v));
      for (const v of s.yPred) labels.add(String(v));
    }
  }
  const classes = [...labels].sort(compareLabels);
  if (task === 'binary') {
    const named = sets.map((s) => (s.positiveLabel !== undefined ? String(s.positiveLabel) : s.classes?.length === 2 ? String(s.classes[1]) : undefined));
    positiveLabel = named[0] ?? named[1] ?? classes[classes.length - 1];
    if (named[0] !== undefined && named[1] !== undefined && named[0] !== named[1]) notes.push(reviewMessage.positiveDiffers(named[0], named[1]));
  }
  const encoded = sets.map((s) => encodeSide(s, task, classes, positiveLabel));
  let metrics: MetricName[] = [...DIFF_METRICS[task]];
  if (task === 'binary') {
    sets.forEach((s, i) => {
      const side = s === base ? 'base' : 'head';
      const d = encoded[i] as Extract<SideData, { task: 'binary' }>;
      if (!d.score) notes.push(reviewMessage.noScores(side));
      else if (!d.probabilities) notes.push(reviewMessage.notProbabilities(side));
    });
    const all = encoded as Extract<SideData, { task: 'binary' }>[];
    if (all.some((d) => !d.score)) metrics = metrics.filter((m) => !SCORE_METRICS.includes(m));
    else if (all.some((d) => !d.probabilities)) metrics = metrics.filter((m) => !PROBABILITY_METRICS.includes(m));
  }
  if (only) metrics = metrics.filter((m) => only.includes(m));
  return { task, classes, positiveLabel, base: base ? encoded[0] : undefined, head: head ? encoded[sets.length - 1] : undefined, metrics, notes };
}

function encodeSide(s: PredictionSet, task: PredictionSet['task'], classes: string[], positiveLabel: string | undefined): SideData {
  const n = s.rowIds.length;
  if (task === 'regression') return { task, n, yTrue: Float64Array.from(s.yTrue, Number), yPred: Float64Array.from(s.yPred, Number) };
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) correct[i] = String(s.yTrue[i]) === String(s.yPred[i]) ? 1 : 0;
  if (task === 'binary') {
    const positive = new Uint8Array(n);
    const predicted = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      positive[i] = String(s.yTrue[i]) === positiveLabel ? 1 : 0;
      predicted[i] = String(s.yPred[i]) === positiveLabel ? 1 : 0;
    }
    const score = s.yScore ? Float64Array.from(s.yScore) : undefined;
    const probabilities = score ? score.every((p) => p >= 0 && p <= 1) : false;
    let thresholdAgrees = score !== undefined;
    for (let i = 0; thresholdAgrees && i < n; i++) thresholdAgrees = (score![i] >= 0.5 ? 1 : 0) === predicted[i];
    return { task, n, positive, predicted, correct, ...(score ? { score } : {}), probabilities, thresholdAgrees };
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const code = (v: string | number) => index.get(String(v)) as number;
  return { task, n, trueCodes: Int32Array.from(s.yTrue, code), predCodes: Int32Array.from(s.yPred, code), correct };
}

function checkSet(fn: string, side: string, s: PredictionSet): void {
  if (!Array.isArray(s.rowIds)) throw new TypeError(reviewMessage.noRowIds(fn, side));
  const n = s.rowIds.length;
  if (!['binary', 'multiclass', 'regression'].includes(s.task)) throw new TypeError(reviewMessage.badPredictionSet(fn, side, 'task', "'binary', 'multiclass' or 'regression'"));
  if (!Array.isArray(s.yTrue) || s.yTrue.length !== n) throw new TypeError(reviewMessage.badPredictionSet(fn, side, 'yTrue', `a list of ${n} values (one per row id)`));
  if (!Array.isArray(s.yPred) || s.yPred.length !== n) throw new TypeError(reviewMessage.badPredictionSet(fn, side, 'yPred', `a list of ${n} values (one per row id)`));
  if (s.yScore !== undefined && s.yScore.length !== n) throw new TypeError(reviewMessage.badPredictionSet(fn, side, 'yScore', `${n} scores (one per row id)`));
}

/** Numbers numerically, then strings, as labels sort in reports. */
function compareLabels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
