import { strict as assert } from 'node:assert';
import { _prepareBinary } from '../../../../../src/core/evaluation/inputs/prepareBinary';
import { gatherCounts } from '../../../../../src/core/evaluation/inputs/prepared';
import { createRng } from '../../../../../src/core/evaluation/random';
import { rocAucScore } from '../../../../../src/core/evaluation/metrics/rocAuc';
import { averagePrecisionScore, prAucScore } from '../../../../../src/core/evaluation/metrics/averagePrecision';
import { logLoss } from '../../../../../src/core/evaluation/metrics/logLoss';
import { brierScoreLoss } from '../../../../../src/core/evaluation/metrics/brierScore';
import { expectedCalibrationError } from '../../../../../src/core/evaluation/metrics/calibrationError';
import { accuracyScore, balancedAccuracyScore } from '../../../../../src/core/evaluation/metrics/accuracy';
import { f1Score, precisionScore, recallScore } from '../../../../../src/core/evaluation/metrics/precisionRecallF';
import { matthewsCorrcoef } from '../../../../../src/core/evaluation/metrics/matthews';
import { assertClose } from '../reference';
import { binaryCases } from '../cases';

/** Every binary metric by the public (scikit-learn-matching) functions, with optional weights. */
function reference(y: number[], score: number[], w?: number[]): Record<string, number> {
  const pred = score.map((s) => (s >= 0.5 ? 1 : 0));
  const o = { sampleWeight: w };
  const b = { ...o, positiveLabel: 1, zeroDivision: 0 as const };
  return {
    auc: rocAucScore(y, score, o).value,
    averagePrecision: averagePrecisionScore(y, score, o).value,
    prAuc: prAucScore(y, score, o).value,
    logLoss: logLoss(y, score, { ...o, labels: [0, 1] }).value,
    brier: brierScoreLoss(y, score, o).value,
    ece: expectedCalibrationError(y, score, o).value,
    accuracy: accuracyScore(y, pred, o).value,
    balancedAccuracy: balancedAccuracyScore(y, pred, o).value,
    precision: precisionScore(y, pred, b).value,
    recall: recallScore(y, pred, b).value,
    f1: f1Score(y, pred, b).value,
    mcc: matthewsCorrcoef(y, pred, o).value,
  };
}

describe('core/evaluation _prepareBinary', () => {
  const cases = binaryCases()
    .filter((c) => !c.weight)
    .map((c) => {
      const pos = c.positiveLabel ?? Math.max(...(c.y as number[]));
      return { name: c.name, y: c.y.map((v) => (v === pos ? 1 : 0)), score: c.score };
    });

  it('gives the public metrics (which match scikit-learn) when every row counts once', () => {
    for (const c of cases) {
      if (new Set(c.y).size < 2) continue;
      const p = _prepareBinary(Float64Array.from(c.score), Uint8Array.from(c.y));
      const v = p.evaluate();
      const ref = reference(c.y, c.score);
      for (const [name, expected] of Object.entries(ref)) assertClose(v[p.metrics.indexOf(name as never)], expected, 1e-12, `${c.name} ${name}`);
    }
  });

  it('gives the weighted public metrics under resample counts (given per row through the order)', () => {
    const rng = createRng(3);
    for (const c of cases) {
      if (new Set(c.y).size < 2) continue;
      const p = _prepareBinary(Float64Array.from(c.score), Uint8Array.from(c.y), { withOrder: true });
      const rowCounts = new Int32Array(c.y.length);
      rng.fillMultinomial(rowCounts);
      const w = Array.from(rowCounts);
      const kept = w.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
      if (new Set(kept.map((i) => c.y[i])).size < 2) continue;
      const v = p.evaluate(gatherCounts(p, rowCounts, new Float64Array(p.n)));
      const ref = reference(c.y, c.score, w);
      // ECE bins depend only on the scores, so weights carry over exactly.
      for (const [name, expected] of Object.entries(ref)) assertClose(v[p.metrics.indexOf(name as never)], expected, 1e-12, `${c.name} ${name} (resampled)`);
    }
  });

  it('reports undefined rates as NaN (scikit-learn says 0 with a warning)', () => {
    const p = _prepareBinary(Float64Array.from([0.1, 0.2, 0.3]), Uint8Array.from([0, 0, 0]));
    const v = p.evaluate();
    for (const m of ['auc', 'averagePrecision', 'recall', 'precision'] as const) assert.ok(Number.isNaN(v[p.metrics.indexOf(m)]), m);
    assert.equal(v[p.metrics.indexOf('accuracy')], 1);
  });

  it('skips probability metrics for raw scores outside [0, 1]', () => {
    const p = _prepareBinary(Float64Array.from([-2, 0.5, 3]), Uint8Array.from([0, 1, 1]));
    assert.ok(!p.metrics.includes('logLoss'));
    assert.ok(p.metrics.includes('auc'));
  });
});
