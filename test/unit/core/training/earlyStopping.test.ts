import { strict as assert } from 'node:assert';
import { createEarlyStopping } from '../../../../src/core/training/earlyStopping';

describe('createEarlyStopping', () => {
  it("counts epochs that miss the best loss by tol and stops after more than nIterNoChange (scikit-learn's rule)", () => {
    const rule = createEarlyStopping({ mode: 'min', tol: 0.01, nIterNoChange: 2 });
    const verdicts = [1.0, 0.5, 0.495, 0.6, 0.499].map((v) => rule.update(v));
    assert.deepEqual(
      verdicts.map((v) => v.noImprovementCount),
      [0, 0, 1, 2, 3],
    );
    assert.deepEqual(
      verdicts.map((v) => v.stop),
      [false, false, false, false, true],
    );
    // 0.495 is a new best (kept as the best value) even though it did not improve by tol.
    assert.deepEqual(
      verdicts.map((v) => v.best),
      [true, true, true, false, false],
    );
    assert.equal(rule.bestValue, 0.495);
  });

  it('maximises scores in max mode', () => {
    const rule = createEarlyStopping({ mode: 'max', tol: 0, nIterNoChange: 1 });
    assert.deepEqual(
      [0.5, 0.6, 0.6, 0.55, 0.58].map((v) => rule.update(v).stop),
      [false, false, false, false, true],
    );
  });

  it('refuses nonsense settings', () => {
    assert.throws(() => createEarlyStopping({ mode: 'min', tol: -1, nIterNoChange: 1 }), /tol must be ≥ 0/);
    assert.throws(() => createEarlyStopping({ mode: 'min', tol: 0, nIterNoChange: 0 }), /nIterNoChange must be an integer ≥ 1/);
  });
});
