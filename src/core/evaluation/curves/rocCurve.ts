import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricWarning, SampleWeight } from '../metrics/types';
import { _binaryInputs } from '../inputs/binaryInputs';
import { _binaryClfCurve, _sortScores, type BinaryClfCurve } from '../metrics/sortScores';
import { message, warning } from '../messages';

export interface RocCurve {
  /** Increasing false positive rates; fpr[i] is the rate for score ≥ thresholds[i]. */
  fpr: Float64Array;
  /** Increasing true positive rates. */
  tpr: Float64Array;
  /** Decreasing thresholds; thresholds[0] is Infinity (no row predicted positive). */
  thresholds: Float64Array;
  warnings: MetricWarning[];
}

export interface RocCurveOptions {
  /** The positive class (default: the greater label; string labels must name it). */
  positiveLabel?: ClassLabel;
  sampleWeight?: SampleWeight;
  /** Drop thresholds that do not change the curve's shape (default true, as scikit-learn). */
  dropIntermediate?: boolean;
}

/**
 * The ROC curve, as scikit-learn's `roc_curve`: one point per distinct score (collinear ones
 * dropped by default) plus the leading (0, 0) point at threshold Infinity. scikit-learn ≥ 1.3
 * uses Infinity there; 1.2 used max(score) + 1 (same fpr/tpr).
 *
 * @example
 * const { fpr, tpr, thresholds } = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [Infinity, 0.8, 0.4, 0.35, 0.1]
 */
export function rocCurve(yTrue: LabelColumn, yScore: NumberColumn, options: RocCurveOptions = {}): RocCurve {
  const input = _binaryInputs('rocCurve', yTrue, yScore, options.positiveLabel, options.sampleWeight);
  const curve = _binaryClfCurve(_sortScores(input.score, input.positive, input.weight));
  return _rocFromClfCurve(curve, options.dropIntermediate ?? true);
}

export function _rocFromClfCurve(curve: BinaryClfCurve, dropIntermediate: boolean): RocCurve {
  let { fps, tps, thresholds } = curve;
  if (dropIntermediate && fps.length > 2) {
    const keep = keptIndices(fps, tps);
    fps = Float64Array.from(keep, (i) => curve.fps[i]);
    tps = Float64Array.from(keep, (i) => curve.tps[i]);
    thresholds = Float64Array.from(keep, (i) => curve.thresholds[i]);
  }
  const m = fps.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const th = new Float64Array(m);
  th[0] = Infinity;
  th.set(thresholds, 1);
  const warnings: MetricWarning[] = [];
  const negatives = m > 1 ? fps[m - 2] : 0;
  const positives = m > 1 ? tps[m - 2] : 0;
  if (negatives <= 0) {
    warnings.push(warning('undefined-metric', message.noNegatives, { metric: 'roc' }));
    fpr.fill(NaN);
  } else for (let i = 1; i < m; i++) fpr[i] = fps[i - 1] / negatives;
  if (positives <= 0) {
    warnings.push(warning('undefined-metric', message.noPositives, { metric: 'roc' }));
    tpr.fill(NaN);
  } else for (let i = 1; i < m; i++) tpr[i] = tps[i - 1] / positives;
  return { fpr, tpr, thresholds: th, warnings };
}

/** scikit-learn's drop_intermediate: keep the ends and every point where the curve bends. */
function keptIndices(fps: Float64Array, tps: Float64Array): Uint32Array {
  const n = fps.length;
  const keep: number[] = [0];
  for (let i = 1; i < n - 1; i++) {
    // As np.diff(x, 2): a difference of differences (same rounding as numpy with float weights).
    const bendF = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]);
    const bendT = tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]);
    if (bendF !== 0 || bendT !== 0) keep.push(i);
  }
  keep.push(n - 1);
  return Uint32Array.from(keep);
}
