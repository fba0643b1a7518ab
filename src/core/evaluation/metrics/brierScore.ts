import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricResult, SampleWeight, ScoreMatrix } from './types';
import { encodeLabels, toLabels, uniqueLabels } from './labels';
import { checkLengths, toWeights } from './validate';
import { _unlessAllWeightsZero } from './zeroWeights';
import { isScoreMatrix, toDenseScores } from '../inputs/scoreMatrix';
import { _binaryInputs } from '../inputs/binaryInputs';
import { formatLabel, evaluationMessage } from '../messages';

/**
 * Brier score: mean squared difference between the predicted probability and the outcome.
 * Binary (one probability per row) as scikit-learn's `brier_score_loss`, in [0, 1]. Multiclass
 * (class probabilities) as scikit-learn ≥ 1.7: mean over rows of Σₖ (1[y = k] − pₖ)², in [0, 2].
 *
 * @example
 * brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]).value; // 0.0375
 */
export function brierScoreLoss(yTrue: LabelColumn, yProb: NumberColumn | ScoreMatrix, options: { positiveLabel?: ClassLabel; sampleWeight?: SampleWeight; labels?: ClassLabel[] } = {}): MetricResult {
  return _unlessAllWeightsZero(options.sampleWeight, 'Brier score', 'brier', brier(yTrue, yProb, options));
}

function brier(yTrue: LabelColumn, yProb: NumberColumn | ScoreMatrix, options: { positiveLabel?: ClassLabel; sampleWeight?: SampleWeight; labels?: ClassLabel[] }): MetricResult {
  const fn = 'brierScoreLoss';
  if (isScoreMatrix(yProb)) {
    const t = toLabels(fn, 'yTrue', yTrue);
    const m = toDenseScores(fn, 'yProb', yProb);
    checkLengths(fn, t.length, { yProb: { length: m.rows } });
    const w = toWeights(fn, t.length, options.sampleWeight);
    const labels = options.labels ?? m.classes ?? uniqueLabels(fn, { name: 'yTrue', values: t });
    if (labels.length !== m.cols) throw new RangeError(evaluationMessage.columnsNotClasses(fn, 'yProb', m.cols, labels.length, labels.map(formatLabel).join(', ')));
    const codes = encodeLabels(fn, 'yTrue', t, labels);
    let s = 0;
    let ws = 0;
    for (let i = 0; i < m.rows; i++) {
      let row = 0;
      for (let j = 0; j < m.cols; j++) {
        const d = (codes[i] === j ? 1 : 0) - m.data[i * m.cols + j];
        row += d * d;
      }
      const wi = w ? w[i] : 1;
      s += wi * row;
      ws += wi;
    }
    return { value: s / ws, warnings: [] };
  }
  const input = _binaryInputs(fn, yTrue, yProb, options.positiveLabel, options.sampleWeight);
  for (let i = 0; i < input.score.length; i++) {
    const p = input.score[i];
    if (p < 0 || p > 1) throw new RangeError(evaluationMessage.probabilityOutOfRange(fn, i, p));
  }
  let s = 0;
  let ws = 0;
  for (let i = 0; i < input.score.length; i++) {
    const d = input.positive[i] - input.score[i];
    const wi = input.weight ? input.weight[i] : 1;
    s += wi * d * d;
    ws += wi;
  }
  return { value: s / ws, warnings: [] };
}
