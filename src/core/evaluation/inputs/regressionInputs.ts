import type { SampleWeight } from '../metrics/types';
import { checkLengths, toFloat64, toWeights } from '../metrics/validate';
import { evaluationMessage } from '../messages';

export interface RegressionInputs {
  yTrue: Float64Array;
  yPred: Float64Array;
  weight?: Float64Array;
}

/** Checked float64 targets and predictions of equal length, at least one row. */
export function _regressionInputs(fn: string, yTrue: unknown, yPred: unknown, sampleWeight?: SampleWeight): RegressionInputs {
  const t = toFloat64(fn, 'yTrue', yTrue);
  const p = toFloat64(fn, 'yPred', yPred);
  checkLengths(fn, t.length, { yPred: p });
  if (t.length === 0) throw new RangeError(evaluationMessage.emptyRegression(fn));
  return { yTrue: t, yPred: p, weight: toWeights(fn, t.length, sampleWeight) };
}

/** Weighted mean of f(i) over rows (np.average). */
export function weightedMean(n: number, f: (i: number) => number, w?: ArrayLike<number>): number {
  let s = 0;
  let ws = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    s += wi * f(i);
    ws += wi;
  }
  return s / ws;
}
