import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricWarning, SampleWeight } from '../metrics/types';
import { _binaryInputs } from '../inputs/binaryInputs';
import { _binaryClfCurve, _sortScores, type BinaryClfCurve } from '../metrics/sortScores';
import { message, warning } from '../messages';

export interface PrecisionRecallCurve {
  /** precision[i] for score ≥ thresholds[i]; the last element is 1 (no threshold). */
  precision: Float64Array;
  /** Decreasing recall; the last element is 0. */
  recall: Float64Array;
  /** Increasing distinct scores (one fewer than precision/recall). */
  thresholds: Float64Array;
  warnings: MetricWarning[];
}

/**
 * Precision–recall pairs for every distinct score, as scikit-learn's `precision_recall_curve`
 * (thresholds increasing, a final (precision 1, recall 0) point without threshold). Precision at
 * a threshold with no predicted rows is 0; without positives, recall is 1 everywhere (with a warning).
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
 */
export function precisionRecallCurve(yTrue: LabelColumn, yScore: NumberColumn, options: { positiveLabel?: ClassLabel; sampleWeight?: SampleWeight } = {}): PrecisionRecallCurve {
  const input = _binaryInputs('precisionRecallCurve', yTrue, yScore, options.positiveLabel, options.sampleWeight);
  return _prFromClfCurve(_binaryClfCurve(_sortScores(input.score, input.positive, input.weight)));
}

export function _prFromClfCurve(curve: BinaryClfCurve): PrecisionRecallCurve {
  const { fps, tps, thresholds } = curve;
  const m = tps.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const th = new Float64Array(m);
  const warnings: MetricWarning[] = [];
  const total = m ? tps[m - 1] : 0;
  if (total === 0) warnings.push(warning('undefined-metric', message.noPositivesRecall, { metric: 'recall' }));
  for (let i = 0; i < m; i++) {
    const src = m - 1 - i;
    const ps = tps[src] + fps[src];
    precision[i] = ps !== 0 ? tps[src] / ps : 0;
    recall[i] = total === 0 ? 1 : tps[src] / total;
    th[i] = thresholds[src];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: th, warnings };
}
