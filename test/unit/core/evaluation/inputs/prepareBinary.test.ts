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

  // The metrics a paired bootstrap asks for (no ECE, no PR AUC): with distinct scores they come
  // from the branch-free sweep, with ties from the tie-block walk; both must be the weighted metric.
  const PAIRED_METRICS = ['accuracy', 'f1', 'precision', 'recall', 'auc', 'averagePrecision', 'logLoss', 'brier'] as const;

  /** n scores: distinct, or rounded to `step` so tie blocks mix both classes. */
  function scored(n: number, seed: number, step?: number): { y: number[]; score: number[] } {
    const rng = createRng(seed);
    const y = Array.from({ length: n }, () => (rng.nextFloat() < 0.35 ? 1 : 0));
    const score = y.map((v) => {
      const p = Math.min(0.999, Math.max(0.001, 0.3 + 0.3 * v + 0.4 * (rng.nextFloat() - 0.5)));
      return step ? Math.round(p / step) * step : p;
    });
    return { y, score };
  }

  for (const step of [undefined, 0.05, 0.25])
    it(`weighted AUC, AP, losses and rates under resample counts equal the metrics of the expanded resample (${step ? `scores rounded to ${step}, ties` : 'distinct scores'})`, () => {
      const { y, score } = scored(1500, 17, step);
      const p = _prepareBinary(Float64Array.from(score), Uint8Array.from(y), { withOrder: true, metrics: [...PAIRED_METRICS] });
      const rng = createRng(5);
      for (const scheme of ['poisson', 'multinomial'] as const) {
        const rowCounts = new Int32Array(y.length);
        for (let r = 0; r < 3; r++) {
          if (scheme === 'poisson') rng.fillPoisson(rowCounts);
          else rng.fillMultinomial(rowCounts);
          const v = p.evaluate(gatherCounts(p, rowCounts, new Float64Array(p.n)));
          // The resample written out: row i repeated rowCounts[i] times, every copy weighing 1.
          const rows = Array.from(rowCounts).flatMap((c, i) => Array<number>(c).fill(i));
          const ref = reference(
            rows.map((i) => y[i]),
            rows.map((i) => score[i]),
          );
          for (const name of PAIRED_METRICS) assertClose(v[p.metrics.indexOf(name)], ref[name], 1e-12, `${name} (${scheme} resample ${r})`);
          // The AUC is a ratio of integer sums: exact, not merely close.
          assert.equal(v[p.metrics.indexOf('auc')], ref.auc, `auc (${scheme} resample ${r})`);
        }
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
