import { strict as assert } from 'node:assert';
import { _prepareMulticlass } from '../../../../../src/core/evaluation/inputs/prepareMulticlass';
import { _prepareRegression } from '../../../../../src/core/evaluation/inputs/prepareRegression';
import { createRng } from '../../../../../src/core/evaluation/random';
import { accuracyScore, balancedAccuracyScore } from '../../../../../src/core/evaluation/metrics/accuracy';
import { f1Score, precisionScore, recallScore } from '../../../../../src/core/evaluation/metrics/precisionRecallF';
import { matthewsCorrcoef } from '../../../../../src/core/evaluation/metrics/matthews';
import { rocAucScore } from '../../../../../src/core/evaluation/metrics/rocAuc';
import { logLoss } from '../../../../../src/core/evaluation/metrics/logLoss';
import { brierScoreLoss } from '../../../../../src/core/evaluation/metrics/brierScore';
import { expectedCalibrationError } from '../../../../../src/core/evaluation/metrics/calibrationError';
import { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, rootMeanSquaredError } from '../../../../../src/core/evaluation/metrics/regressionErrors';
import { explainedVarianceScore, r2Score } from '../../../../../src/core/evaluation/metrics/r2Score';
import { assertClose } from '../reference';
import { multiclassCases, regressionCases } from '../cases';

describe('core/evaluation _prepareMulticlass and _prepareRegression under resample counts', () => {
  it('multiclass: every metric equals the public (scikit-learn-matching) function with the counts as weights', () => {
    const rng = createRng(17);
    for (const c of multiclassCases()) {
      const codes = Int32Array.from(c.y.map((v) => c.classes.indexOf(v)));
      const proba = { rows: c.y.length, cols: c.classes.length, data: Float64Array.from(c.proba.flat()) };
      const p = _prepareMulticlass(codes, proba);
      const pred = c.proba.map((r) => c.classes[r.indexOf(Math.max(...r))]);
      for (const counts of [
        undefined,
        (() => {
          const k = new Int32Array(c.y.length);
          rng.fillMultinomial(k);
          return k;
        })(),
      ]) {
        const w = counts ? Array.from(counts) : undefined;
        const v = p.evaluate(counts);
        const o = { sampleWeight: w };
        const expected: Record<string, number> = {
          accuracy: accuracyScore(c.y, pred, o).value,
          balancedAccuracy: balancedAccuracyScore(c.y, pred, o).value,
          precision: precisionScore(c.y, pred, { ...o, average: 'macro' }).value,
          recall: recallScore(c.y, pred, { ...o, average: 'macro' }).value,
          f1: f1Score(c.y, pred, { ...o, average: 'macro' }).value,
          f1Weighted: f1Score(c.y, pred, { ...o, average: 'weighted' }).value,
          mcc: matthewsCorrcoef(c.y, pred, o).value,
          auc: rocAucScore(c.y, c.proba, { ...o, labels: c.classes }).value,
          aucWeighted: rocAucScore(c.y, c.proba, { ...o, labels: c.classes, average: 'weighted' }).value,
          logLoss: logLoss(c.y, c.proba, { ...o, labels: c.classes }).value,
          brier: brierScoreLoss(c.y, c.proba, { ...o, labels: c.classes }).value,
          ece: expectedCalibrationError(c.y, c.proba, { ...o, labels: c.classes }).value,
        };
        for (const [name, e] of Object.entries(expected)) assertClose(v[p.metrics.indexOf(name as never)], e, 1e-12, `${c.name} ${name}${counts ? ' (resampled)' : ''}`);
      }
    }
  });

  it('regression: every metric equals the public function under counts (median as on the expanded data)', () => {
    const rng = createRng(19);
    for (const c of regressionCases().filter((x) => !x.weight && x.y.length > 3)) {
      const p = _prepareRegression(Float64Array.from(c.y), Float64Array.from(c.pred), { withOrder: true });
      const rowCounts = new Int32Array(c.y.length);
      rng.fillMultinomial(rowCounts);
      const positional = Float64Array.from(p.order as Uint32Array, (r) => rowCounts[r]);
      const v = p.evaluate(positional);
      const o = { sampleWeight: Array.from(rowCounts) };
      const expanded = c.y.flatMap((y, i) => Array(rowCounts[i]).fill(Math.abs(c.pred[i] - y)) as number[]).sort((a, b) => a - b);
      const m = expanded.length;
      const median = m % 2 ? expanded[(m - 1) / 2] : (expanded[m / 2 - 1] + expanded[m / 2]) / 2;
      const expected: Record<string, number> = {
        mae: meanAbsoluteError(c.y, c.pred, o).value,
        mse: meanSquaredError(c.y, c.pred, o).value,
        rmse: rootMeanSquaredError(c.y, c.pred, o).value,
        r2: r2Score(c.y, c.pred, o).value,
        mape: meanAbsolutePercentageError(c.y, c.pred, o).value,
        explainedVariance: explainedVarianceScore(c.y, c.pred, o).value,
        medianAbsoluteError: median,
      };
      for (const [name, e] of Object.entries(expected)) assertClose(v[p.metrics.indexOf(name as never)], e, 1e-9 * Math.max(1, Math.abs(e)), `${c.name} ${name}`);
    }
  });

  it('gives NaN for undefined multiclass values rather than throwing', () => {
    const p = _prepareMulticlass(Int32Array.from([0, 0]), { rows: 2, cols: 2, data: Float64Array.from([0.7, 0.3, 0.6, 0.4]) });
    const v = p.evaluate();
    assert.ok(Number.isNaN(v[p.metrics.indexOf('auc')]));
    assert.equal(v[p.metrics.indexOf('accuracy')], 1);
  });
});
