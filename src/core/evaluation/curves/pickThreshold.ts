import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, SampleWeight } from '../metrics/types';
import { _binaryInputs } from '../inputs/binaryInputs';
import { _binaryClfCurve, _sortScores, type BinaryClfCurve } from '../metrics/sortScores';
import { confusionMetrics, type ThresholdMetrics } from '../metrics/confusionRates';
import { checkNumber, describe } from '../metrics/validate';
import { evaluationMessage } from '../messages';

/** How to choose an operating threshold. */
export type ThresholdCriterion = 'maxF1' | 'youden' | { maxFbeta: number } | { targetPrecision: number } | { targetRecall: number } | { costFp: number; costFn: number };

export interface PickedThreshold extends ThresholdMetrics {
  /** Predict positive when score ≥ threshold. */
  threshold: number;
  /** The criterion, as text, e.g. 'targetRecall ≥ 0.8'. */
  criterion: string;
  /** Expected cost per row for a cost criterion. */
  cost?: number;
  /** False when no threshold meets a target (the closest one is returned). */
  met: boolean;
}

/**
 * Chooses an operating threshold over every distinct score (not a coarse grid):
 * - 'maxF1' / { maxFbeta: β }: the highest F-score (ties: the higher threshold);
 * - 'youden': the highest TPR − FPR;
 * - { targetPrecision: p }: the highest recall whose precision ≥ p;
 * - { targetRecall: r }: the highest precision whose recall ≥ r;
 * - { costFp, costFn }: the lowest total cost costFp·FP + costFn·FN.
 *
 * @example
 * pickThreshold(yTrue, scores, { targetRecall: 0.9 }).threshold;
 * pickThreshold(yTrue, scores, { costFp: 1, costFn: 10 }); // missing a churner costs 10× a false alarm
 */
export function pickThreshold(
  yTrue: LabelColumn,
  yScore: NumberColumn,
  criterion: ThresholdCriterion = 'maxF1',
  options: { positiveLabel?: ClassLabel; sampleWeight?: SampleWeight } = {},
): PickedThreshold {
  const input = _binaryInputs('pickThreshold', yTrue, yScore, options.positiveLabel, options.sampleWeight);
  checkCriterion(criterion);
  return _pickThreshold(_binaryClfCurve(_sortScores(input.score, input.positive, input.weight)), criterion);
}

function checkCriterion(c: ThresholdCriterion): void {
  const fn = 'pickThreshold';
  if (c === 'maxF1' || c === 'youden') return;
  if (typeof c !== 'object' || c === null) throw new TypeError(evaluationMessage.badCriterion(fn, describe(c)));
  if ('maxFbeta' in c) checkNumber(fn, 'maxFbeta', c.maxFbeta, 0);
  else if ('targetPrecision' in c) checkNumber(fn, 'targetPrecision', c.targetPrecision, 0, 1);
  else if ('targetRecall' in c) checkNumber(fn, 'targetRecall', c.targetRecall, 0, 1);
  else if ('costFp' in c || 'costFn' in c) {
    checkNumber(fn, 'costFp', c.costFp, 0);
    checkNumber(fn, 'costFn', c.costFn, 0);
  } else throw new TypeError(evaluationMessage.unknownCriterion(fn, JSON.stringify(c)));
}

export function _pickThreshold(curve: BinaryClfCurve, criterion: ThresholdCriterion): PickedThreshold {
  const { fps, tps, thresholds } = curve;
  const m = thresholds.length;
  const P = m ? tps[m - 1] : 0;
  const N = m ? fps[m - 1] : 0;
  // Index -1 is "predict nothing positive" (threshold Infinity), which a cost can favour.
  const at = (i: number): ThresholdMetrics => (i < 0 ? confusionMetrics({ tp: 0, fp: 0, fn: P, tn: N }) : confusionMetrics({ tp: tps[i], fp: fps[i], fn: P - tps[i], tn: N - fps[i] }));
  const isCost = typeof criterion === 'object' && 'costFp' in criterion;
  let score: (x: ThresholdMetrics) => number;
  let feasible: (x: ThresholdMetrics) => boolean = () => true;
  let closeness: (x: ThresholdMetrics) => number = () => 0;
  let text: string;
  if (criterion === 'maxF1' || criterion === 'youden' || 'maxFbeta' in criterion) {
    const beta = criterion === 'maxF1' ? 1 : criterion === 'youden' ? NaN : criterion.maxFbeta;
    text = criterion === 'youden' ? 'max Youden J (TPR − FPR)' : beta === 1 ? 'max F1' : `max F${beta}`;
    score = criterion === 'youden' ? (x) => x.recall - x.falsePositiveRate : (x) => fbeta(x.precision, x.recall, beta);
  } else if ('targetPrecision' in criterion) {
    const target = criterion.targetPrecision;
    text = `targetPrecision ≥ ${target}`;
    score = (x) => x.recall;
    feasible = (x) => x.precision >= target;
    closeness = (x) => -Math.abs(x.precision - target);
  } else if ('targetRecall' in criterion) {
    const target = criterion.targetRecall;
    text = `targetRecall ≥ ${target}`;
    score = (x) => x.precision;
    feasible = (x) => x.recall >= target;
    closeness = (x) => -Math.abs(x.recall - target);
  } else {
    const { costFp, costFn } = criterion;
    text = `min cost (FP × ${costFp} + FN × ${costFn})`;
    score = (x) => -(costFp * x.fp + costFn * x.fn);
  }
  let best = -2;
  let bestScore = -Infinity;
  let fallback = 0;
  let fallbackScore = -Infinity;
  for (let i = isCost ? -1 : 0; i < m; i++) {
    const x = at(i);
    if (feasible(x)) {
      const s = score(x);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    } else if (closeness(x) > fallbackScore) {
      fallbackScore = closeness(x);
      fallback = i;
    }
  }
  const i = best >= -1 ? best : fallback;
  const x = m || i < 0 ? at(i) : confusionMetrics({ tp: 0, fp: 0, fn: 0, tn: 0 });
  const out: PickedThreshold = { ...x, threshold: i < 0 ? Infinity : m ? thresholds[i] : NaN, criterion: text, met: best >= -1 };
  if (typeof criterion === 'object' && 'costFp' in criterion) out.cost = (criterion.costFp * x.fp + criterion.costFn * x.fn) / Math.max(P + N, 1e-300);
  return out;
}

function fbeta(p: number, r: number, beta: number): number {
  const b2 = beta * beta;
  const d = b2 * p + r;
  return d === 0 ? 0 : ((1 + b2) * p * r) / d;
}
