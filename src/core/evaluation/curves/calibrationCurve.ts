import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricWarning, SampleWeight } from '../metrics/types';
import { _binaryInputs } from '../inputs/binaryInputs';
import { checkInteger, checkOneOf } from '../metrics/validate';
import { linspace, quantileSorted } from '../intervals/quantile';
import { evaluationMessage } from '../messages';

export type BinStrategy = 'uniform' | 'quantile';

export interface CalibrationCurve {
  /** Fraction of positives in each non-empty bin. */
  probTrue: number[];
  /** Mean predicted probability in each non-empty bin. */
  probPred: number[];
  /** (Weighted) rows in each non-empty bin. */
  counts: number[];
  /** All bin edges, nBins + 1 of them. */
  binEdges: number[];
  warnings: MetricWarning[];
}

export interface CalibrationOptions {
  /** Number of bins (default 5 for the curve, as scikit-learn; 10 for the ECE). */
  nBins?: number;
  /** 'uniform' (equal-width bins on [0, 1], default) or 'quantile' (equal-count bins). */
  strategy?: BinStrategy;
  positiveLabel?: ClassLabel;
  sampleWeight?: SampleWeight;
}

/**
 * The reliability diagram's points, as scikit-learn's `calibration_curve`: probabilities are
 * binned (a value on an inner edge falls in the lower bin) and each non-empty bin gives the
 * fraction of positives against the mean predicted probability. Weights extend scikit-learn.
 *
 * @example
 * calibrationCurve([0, 0, 1, 1], [0.1, 0.3, 0.7, 0.9], { nBins: 2 });
 * // { probTrue: [0, 1], probPred: [0.2, 0.8], counts: [2, 2], binEdges: [0, 0.5, 1], … }
 */
export function calibrationCurve(yTrue: LabelColumn, yProb: NumberColumn, options: CalibrationOptions = {}): CalibrationCurve {
  const fn = 'calibrationCurve';
  const input = _binaryInputs(fn, yTrue, yProb, options.positiveLabel, options.sampleWeight);
  const nBins = checkInteger(fn, 'nBins', options.nBins ?? 5, 1);
  const strategy = checkOneOf(fn, 'strategy', options.strategy ?? 'uniform', ['uniform', 'quantile'] as const);
  checkProbabilities(fn, input.score);
  const edges = _binEdges(input.score, nBins, strategy);
  return _calibrationCurve(input.positive, input.score, edges, input.weight);
}

export function checkProbabilities(fn: string, p: Float64Array): void {
  for (let i = 0; i < p.length; i++) if (p[i] < 0 || p[i] > 1) throw new RangeError(evaluationMessage.notAProbability(fn, i, p[i]));
}

/** Bin edges as scikit-learn computes them: linspace(0, 1) or the data's percentiles. */
export function _binEdges(p: Float64Array, nBins: number, strategy: BinStrategy): Float64Array {
  if (strategy === 'uniform') return linspace(0, 1, nBins + 1);
  const sorted = Float64Array.from(p).sort();
  const qs = linspace(0, 1, nBins + 1);
  // np.percentile(p, q * 100) divides by 100 again: replicate the rounding.
  return qs.map((q) => quantileSorted(sorted, (q * 100) / 100));
}

/** Each value's bin: the number of inner edges strictly below it (numpy searchsorted, side 'left'). */
export function _binIds(p: Float64Array, edges: Float64Array): Uint16Array {
  const inner = edges.subarray(1, edges.length - 1);
  const out = new Uint16Array(p.length);
  for (let i = 0; i < p.length; i++) {
    let lo = 0;
    let hi = inner.length;
    const x = p[i];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (inner[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}

export function _calibrationCurve(positive: Uint8Array, p: Float64Array, edges: Float64Array, w?: ArrayLike<number>): CalibrationCurve {
  const bins = edges.length - 1;
  const ids = _binIds(p, edges);
  const total = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < p.length; i++) {
    const wi = w ? w[i] : 1;
    total[ids[i]] += wi;
    sumP[ids[i]] += wi * p[i];
    sumY[ids[i]] += wi * positive[i];
  }
  const out: CalibrationCurve = { probTrue: [], probPred: [], counts: [], binEdges: Array.from(edges), warnings: [] };
  for (let b = 0; b < bins; b++) {
    if (total[b] === 0) continue;
    out.probTrue.push(sumY[b] / total[b]);
    out.probPred.push(sumP[b] / total[b]);
    out.counts.push(total[b]);
  }
  return out;
}
