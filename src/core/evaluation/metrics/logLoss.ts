import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricResult, SampleWeight, ScoreMatrix } from './types';
import { encodeLabels, toLabels, uniqueLabels } from './labels';
import { checkLengths, checkNumber, toFloat64, toWeights } from './validate';
import { _unlessAllWeightsZero } from './zeroWeights';
import { isScoreMatrix, toDenseScores, type DenseScores } from '../inputs/scoreMatrix';
import { formatLabel, evaluationMessage } from '../messages';

export interface LogLossOptions {
  /** Class order of the probability columns (default: the matrix's classes, else sorted yTrue labels). */
  labels?: ClassLabel[];
  /** Probabilities are clipped to [eps, 1 − eps]; 'auto' (default) is float64 machine epsilon. */
  eps?: number | 'auto';
  /** Mean loss per row (default true) or the (weighted) sum. */
  normalize?: boolean;
  sampleWeight?: SampleWeight;
}

/**
 * Cross-entropy −mean(log p(true class)), as scikit-learn's `log_loss`: probabilities are clipped
 * to [eps, 1 − eps] and each row renormalized to sum to 1. One value per row is the probability
 * of the greater label (the positive class of a 0/1 problem).
 *
 * @example
 * logLoss([0, 1, 1], [0.1, 0.8, 0.6]).value; // 0.2798…
 * logLoss(['a', 'b'], [[0.9, 0.1], [0.2, 0.8]]).value;
 */
export function logLoss(yTrue: LabelColumn, yProba: NumberColumn | ScoreMatrix, options: LogLossOptions = {}): MetricResult {
  const fn = 'logLoss';
  const t = toLabels(fn, 'yTrue', yTrue);
  const w = toWeights(fn, t.length, options.sampleWeight);
  const eps = options.eps === undefined || options.eps === 'auto' ? Number.EPSILON : checkNumber(fn, 'eps', options.eps, 0, 0.5);
  const dense: DenseScores = isScoreMatrix(yProba) ? toDenseScores(fn, 'yProba', yProba) : binaryColumns(toFloat64(fn, 'yProba', yProba));
  checkLengths(fn, t.length, { yProba: { length: dense.rows } });
  const labels = options.labels ?? dense.classes ?? uniqueLabels(fn, { name: 'yTrue', values: t });
  if (labels.length < 2) {
    throw new RangeError(evaluationMessage.oneLabelOnly(fn, labels.map(formatLabel).join(', ')));
  }
  const cols = dense.cols === 1 ? 2 : dense.cols;
  if (labels.length !== cols) {
    throw new RangeError(evaluationMessage.classCountsDiffer(fn, labels.length, cols));
  }
  const rows = _logLossRows(encodeLabels(fn, 'yTrue', t, labels), dense, eps);
  let total = 0;
  let weight = 0;
  for (let i = 0; i < rows.length; i++) {
    const wi = w ? w[i] : 1;
    total += wi * rows[i];
    weight += wi;
  }
  if (options.normalize === false) return { value: total, warnings: [] };
  return _unlessAllWeightsZero(w, 'Log loss', 'logLoss', { value: total / weight, warnings: [] });
}

/** One probability per row: _logLossRows expands it to [1 − p, p] after clipping, as scikit-learn does. */
function binaryColumns(p: Float64Array): DenseScores {
  return { rows: p.length, cols: 1, data: p };
}

/** Per-row loss −log(p̂(true class)) after scikit-learn's clipping and renormalization. */
export function _logLossRows(trueCodes: Int32Array, m: DenseScores, eps = Number.EPSILON): Float64Array {
  const out = new Float64Array(m.rows);
  const hi = 1 - eps;
  const clip = (x: number): number => (x < eps ? eps : x > hi ? hi : x);
  if (m.cols === 1) {
    for (let i = 0; i < m.rows; i++) {
      const p = clip(m.data[i]);
      const q = 1 - p;
      const s = q + p;
      out[i] = -Math.log((trueCodes[i] === 1 ? p : q) / s);
    }
    return out;
  }
  const k = m.cols;
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += clip(m.data[i * k + j]);
    out[i] = -Math.log(clip(m.data[i * k + trueCodes[i]]) / s);
  }
  return out;
}
