import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, MetricResult, SampleWeight, ScoreMatrix } from './types';
import { encodeLabels, toLabels, uniqueLabels } from './labels';
import { checkInteger, checkLengths, checkOneOf, toWeights } from './validate';
import { _unlessAllWeightsZero } from './zeroWeights';
import { isScoreMatrix, toDenseScores } from '../inputs/scoreMatrix';
import { _binaryInputs } from '../inputs/binaryInputs';
import { _binEdges, _binIds, checkProbabilities, type BinStrategy } from '../curves/calibrationCurve';
import { evaluationMessage } from '../messages';

/**
 * Expected calibration error ECE = Σ_b (n_b / n)·|acc_b − conf_b| over probability bins.
 *
 * Binning: `nBins` (default 10) bins over [0, 1], equal-width ('uniform', default) or
 * equal-count ('quantile'), exactly the bins of `calibrationCurve` (a value on an inner edge
 * falls in the lower bin), so the ECE is the count-weighted gap of the reliability diagram.
 * Binary (one probability per row): conf_b is the mean probability of the positive class and
 * acc_b the fraction of positives. Multiclass (class probabilities): top-label ECE (Guo et al.
 * 2017): conf is the highest class probability and acc whether that class is the true one.
 *
 * @example
 * expectedCalibrationError([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.4]).value; // 0.275
 */
export function expectedCalibrationError(
  yTrue: LabelColumn,
  yProb: NumberColumn | ScoreMatrix,
  options: { nBins?: number; strategy?: BinStrategy; positiveLabel?: ClassLabel; labels?: ClassLabel[]; sampleWeight?: SampleWeight } = {},
): MetricResult {
  const fn = 'expectedCalibrationError';
  const nBins = checkInteger(fn, 'nBins', options.nBins ?? 10, 1);
  const strategy = checkOneOf(fn, 'strategy', options.strategy ?? 'uniform', ['uniform', 'quantile'] as const);
  let correct: Uint8Array;
  let conf: Float64Array;
  let w: Float64Array | undefined;
  if (isScoreMatrix(yProb)) {
    const t = toLabels(fn, 'yTrue', yTrue);
    const m = toDenseScores(fn, 'yProb', yProb);
    checkLengths(fn, t.length, { yProb: { length: m.rows } });
    w = toWeights(fn, t.length, options.sampleWeight);
    const labels = options.labels ?? m.classes ?? uniqueLabels(fn, { name: 'yTrue', values: t });
    if (labels.length !== m.cols) throw new RangeError(evaluationMessage.columnsNotClasses(fn, 'yProb', m.cols, labels.length));
    ({ correct, conf } = _topLabel(encodeLabels(fn, 'yTrue', t, labels), m.data, m.cols));
  } else {
    const input = _binaryInputs(fn, yTrue, yProb, options.positiveLabel, options.sampleWeight);
    correct = input.positive;
    conf = input.score;
    w = input.weight;
  }
  checkProbabilities(fn, conf);
  const edges = _binEdges(conf, nBins, strategy);
  return _unlessAllWeightsZero(w, 'ECE', 'ece', { value: _ece(correct, conf, _binIds(conf, edges), edges.length - 1, w), warnings: [] });
}

/** Top-label confidence (max probability, first on ties, as argmax) and whether it is right. */
export function _topLabel(trueCodes: Int32Array, data: Float64Array, k: number): { correct: Uint8Array; conf: Float64Array; pred: Int32Array } {
  const n = trueCodes.length;
  const correct = new Uint8Array(n);
  const conf = new Float64Array(n);
  const pred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (data[i * k + j] > data[i * k + best]) best = j;
    pred[i] = best;
    conf[i] = data[i * k + best];
    correct[i] = best === trueCodes[i] ? 1 : 0;
  }
  return { correct, conf, pred };
}

/** ECE from per-row outcome, confidence and bin id; `w` are weights or resample counts. */
export function _ece(outcome: Uint8Array, conf: Float64Array, ids: Uint16Array, bins: number, w?: ArrayLike<number>): number {
  const total = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  let n = 0;
  for (let i = 0; i < conf.length; i++) {
    const wi = w ? w[i] : 1;
    if (wi === 0) continue;
    const b = ids[i];
    total[b] += wi;
    sumP[b] += wi * conf[i];
    sumY[b] += wi * outcome[i];
    n += wi;
  }
  if (n === 0) return NaN;
  let ece = 0;
  for (let b = 0; b < bins; b++) if (total[b] > 0) ece += (total[b] / n) * Math.abs(sumY[b] / total[b] - sumP[b] / total[b]);
  return ece;
}
