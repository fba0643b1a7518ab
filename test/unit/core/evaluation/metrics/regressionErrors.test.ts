import { strict as assert } from 'node:assert';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  rootMeanSquaredError,
  _medianOfCounts,
} from '../../../../../src/core/evaluation/metrics/regressionErrors';
import { explainedVarianceScore, r2Score } from '../../../../../src/core/evaluation/metrics/r2Score';
import { assertClose, requireReference, runPython } from '../reference';
import { regressionCases } from '../cases';

const SCRIPT = `
from sklearn import metrics as M
res = []
for c in data:
    t, p, w = c['y'], c['pred'], c.get('weight')
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        res.append(dict(
            mae=M.mean_absolute_error(t, p, sample_weight=w),
            mse=M.mean_squared_error(t, p, sample_weight=w),
            rmse=M.mean_squared_error(t, p, sample_weight=w, squared=False),
            mape=M.mean_absolute_percentage_error(t, p, sample_weight=w),
            medae=M.median_absolute_error(t, p, sample_weight=w),
            r2=M.r2_score(t, p, sample_weight=w),
            ev=M.explained_variance_score(t, p, sample_weight=w)))
out(res)
`;

describe('core/evaluation regression metrics', () => {
  const cases = regressionCases();
  let ref: Record<string, number>[];
  before(function () {
    requireReference(this);
    ref = runPython(SCRIPT, cases);
  });

  it('matches scikit-learn to 1e-12 (relative) on every case (outliers, zeros, constant targets, weights, real data)', () => {
    cases.forEach((c, i) => {
      const o = { sampleWeight: c.weight };
      const r = ref[i];
      const rel = (x: number) => 1e-12 * Math.max(1, Math.abs(x));
      assertClose(meanAbsoluteError(c.y, c.pred, o).value, r.mae, rel(r.mae), `${c.name} mae`);
      assertClose(meanSquaredError(c.y, c.pred, o).value, r.mse, rel(r.mse), `${c.name} mse`);
      assertClose(rootMeanSquaredError(c.y, c.pred, o).value, r.rmse, rel(r.rmse), `${c.name} rmse`);
      assertClose(meanAbsolutePercentageError(c.y, c.pred, o).value, r.mape, rel(r.mape), `${c.name} mape`);
      assertClose(medianAbsoluteError(c.y, c.pred, o).value, r.medae, rel(r.medae), `${c.name} median ae`);
      assertClose(r2Score(c.y, c.pred, o).value, r.r2, 1e-12, `${c.name} r2`);
      assertClose(explainedVarianceScore(c.y, c.pred, o).value, r.ev, 1e-12, `${c.name} explained variance`);
    });
  });

  it('gives R² NaN with a warning below two rows, and warns on a constant target', () => {
    const one = r2Score([1], [2]);
    assert.ok(Number.isNaN(one.value));
    assert.equal(one.warnings[0].code, 'undefined-metric');
    assert.equal(r2Score([2, 2], [1, 3]).warnings.length, 1);
  });

  it('takes the median of a multiset given as counts (as numpy on the expanded data)', () => {
    const v = Float64Array.from([1, 2, 3, 10]);
    assert.equal(_medianOfCounts(v, [1, 1, 1, 1]), 2.5);
    assert.equal(_medianOfCounts(v, [0, 3, 0, 1]), 2);
    assert.equal(_medianOfCounts(v, [2, 0, 0, 2]), 5.5);
    assert.equal(_medianOfCounts(v, [0, 0, 0, 1]), 10);
  });

  it('explains non-numeric input', () => {
    assert.throws(() => meanAbsoluteError([1, 2], ['3', 4] as unknown as number[]), /yPred\[0\] is the string "3", not a number/);
  });
});
