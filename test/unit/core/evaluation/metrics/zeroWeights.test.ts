import { strict as assert } from 'node:assert';
import * as E from '../../../../../src/core/evaluation/index';
import type { MetricResult } from '../../../../../src/core/evaluation/metrics/types';

const y = [0, 1, 1, 0, 1];
const pred = [0, 1, 0, 0, 1];
const score = [0.1, 0.8, 0.4, 0.3, 0.9];
const yr = [3, -0.5, 2, 7, 1];
const pr = [2.5, 0, 2, 8, 1.5];

/** Every scalar metric that takes sample weights, called with the given weights. */
const METRICS: [string, (w: number[]) => MetricResult][] = [
  ['accuracyScore', (w) => E.accuracyScore(y, pred, { sampleWeight: w })],
  ['balancedAccuracyScore', (w) => E.balancedAccuracyScore(y, pred, { sampleWeight: w })],
  ['matthewsCorrcoef', (w) => E.matthewsCorrcoef(y, pred, { sampleWeight: w })],
  ['precisionScore', (w) => E.precisionScore(y, pred, { sampleWeight: w })],
  ['recallScore', (w) => E.recallScore(y, pred, { sampleWeight: w })],
  ['f1Score', (w) => E.f1Score(y, pred, { sampleWeight: w })],
  ['fbetaScore', (w) => E.fbetaScore(y, pred, 2, { sampleWeight: w })],
  ['rocAucScore', (w) => E.rocAucScore(y, score, { sampleWeight: w })],
  ['averagePrecisionScore', (w) => E.averagePrecisionScore(y, score, { sampleWeight: w })],
  ['prAucScore', (w) => E.prAucScore(y, score, { sampleWeight: w })],
  ['logLoss', (w) => E.logLoss(y, score, { sampleWeight: w })],
  ['brierScoreLoss', (w) => E.brierScoreLoss(y, score, { sampleWeight: w })],
  ['expectedCalibrationError', (w) => E.expectedCalibrationError(y, score, { sampleWeight: w })],
  ['r2Score', (w) => E.r2Score(yr, pr, { sampleWeight: w })],
  ['explainedVarianceScore', (w) => E.explainedVarianceScore(yr, pr, { sampleWeight: w })],
  ['meanAbsoluteError', (w) => E.meanAbsoluteError(yr, pr, { sampleWeight: w })],
  ['meanSquaredError', (w) => E.meanSquaredError(yr, pr, { sampleWeight: w })],
  ['rootMeanSquaredError', (w) => E.rootMeanSquaredError(yr, pr, { sampleWeight: w })],
  ['meanAbsolutePercentageError', (w) => E.meanAbsolutePercentageError(yr, pr, { sampleWeight: w })],
  ['medianAbsoluteError', (w) => E.medianAbsoluteError(yr, pr, { sampleWeight: w })],
];

describe('core/evaluation zeroWeights', () => {
  for (const [name, metric] of METRICS) {
    it(`${name} gives NaN with an undefined-metric warning when every sample weight is 0`, () => {
      const r = metric([0, 0, 0, 0, 0]);
      assert.ok(Number.isNaN(r.value), `${name} gave ${r.value}`);
      assert.deepEqual(
        r.warnings.map((w) => w.code),
        ['undefined-metric'],
      );
      assert.match(r.warnings[0].message, /every sample weight is 0/);
    });
  }

  it('leaves the metrics alone when some weight is not 0 (a zero weight only drops its row)', () => {
    for (const [name, metric] of METRICS) {
      const r = metric([1, 1, 1, 0, 1]);
      assert.ok(Number.isFinite(r.value), `${name} gave ${r.value}`);
      assert.ok(!r.warnings.some((w) => /every sample weight/.test(w.message)), name);
    }
  });

  it('keeps logLoss with normalize: false at 0 (a sum over no weight), as accuracyScore with normalize: false', () => {
    assert.equal(E.logLoss(y, score, { sampleWeight: [0, 0, 0, 0, 0], normalize: false }).value, 0);
    assert.equal(E.accuracyScore(y, pred, { sampleWeight: [0, 0, 0, 0, 0], normalize: false }).value, 0);
  });
});
