import { strict as assert } from 'node:assert';
import { collectFlips } from '../../../../src/core/review/collectFlips';
import { mcnemar } from '../../../../src/core/review/mcnemar';
import { classSet, reorder } from './sets';

describe('review/collectFlips', () => {
  // Rows:           0    1    2    3    4    5    6    7    8
  const yTrue = ['cat', 'cat', 'dog', 'dog', 'owl', 'owl', 'owl', 'cat', 'dog'];
  const basePred = ['cat', 'dog', 'dog', 'owl', 'owl', 'cat', 'dog', 'cat', 'dog'];
  const headPred = ['dog', 'cat', 'dog', 'cat', 'owl', 'owl', 'cat', 'cat', 'owl'];
  // 0: cat right → wrong (regression) · 1: wrong → right (fix) · 3: wrong → other wrong (changed)
  // 5: wrong → right (fix) · 6: wrong → other wrong (changed) · 8: right → wrong (regression)

  it('counts fixes, regressions and other changes, per true class, with McNemar on (regressions, fixes)', () => {
    const f = collectFlips(classSet(yTrue, basePred), classSet(yTrue, headPred));
    assert.deepEqual([f.rows, f.changed, f.fixes, f.regressions], [9, 6, 2, 2]);
    assert.equal(f.negativeFlipRate, 2 / 9);
    assert.deepEqual(f.perClass, [
      { label: 'cat', fixes: 1, regressions: 1, changed: 2 },
      { label: 'dog', fixes: 0, regressions: 1, changed: 2 },
      { label: 'owl', fixes: 1, regressions: 0, changed: 2 },
    ]);
    assert.deepEqual(f.mcnemar, mcnemar(2, 2));
  });

  it('fills the four cells of the flip matrix: both right, regressions, fixes, both wrong', () => {
    const f = collectFlips(classSet(yTrue, basePred), classSet(yTrue, headPred));
    assert.deepEqual([f.bothRight, f.regressions, f.fixes, f.bothWrong], [3, 2, 2, 2]); // rows 2 4 7 · 0 8 · 1 5 · 3 6
    assert.equal(f.bothRight! + f.bothWrong! + f.fixes + f.regressions, f.rows);
  });

  it('multiclass: says which class changed predictions moved to, most rows first, with their fixes and regressions', () => {
    const f = collectFlips(classSet(yTrue, basePred), classSet(yTrue, headPred));
    assert.deepEqual(f.moves, [
      { from: 'dog', to: 'cat', rows: 2, fixes: 1, regressions: 0 }, // rows 1 (fix) and 6
      { from: 'cat', to: 'dog', rows: 1, fixes: 0, regressions: 1 },
      { from: 'cat', to: 'owl', rows: 1, fixes: 1, regressions: 0 },
      { from: 'dog', to: 'owl', rows: 1, fixes: 0, regressions: 1 },
      { from: 'owl', to: 'cat', rows: 1, fixes: 0, regressions: 0 },
    ]);
  });

  it('shows regressions first, then fixes, then other changes, in base row order, with features', () => {
    const features = { legs: [4, 4, 4, 4, 2, 2, 2, 4, 4] };
    const f = collectFlips(classSet(yTrue, basePred, { features }), classSet(yTrue, headPred, { features }), { examples: 5 });
    assert.deepEqual(
      f.examples.map((e) => [e.rowId, e.kind]),
      [
        ['r0', 'regression'],
        ['r8', 'regression'],
        ['r1', 'fix'],
        ['r5', 'fix'],
        ['r3', 'changed'],
      ],
    );
    assert.deepEqual(f.examples[0], { rowId: 'r0', yTrue: 'cat', base: 'cat', head: 'dog', kind: 'regression', features: { legs: 4 } });
  });

  it('gives the same flips whatever the row order of head, and counts rows on one side only', () => {
    const base = classSet(yTrue, basePred);
    const head = reorder(classSet(yTrue, headPred), [8, 6, 4, 2, 0, 7, 5, 3]); // row 1 dropped
    const f = collectFlips(base, head);
    assert.deepEqual([f.rows, f.onlyBase, f.onlyHead, f.fixes, f.regressions, f.changed], [8, 1, 0, 1, 2, 5]);
  });

  it('counts binary flips per class and says when the kept predictions were a sample', () => {
    const base = classSet([1, 1, 0, 0, 1], [1, 0, 0, 1, 1], { totalRows: 50 });
    const head = classSet([1, 1, 0, 0, 1], [0, 1, 0, 0, 1]);
    const f = collectFlips(base, head);
    assert.deepEqual([f.fixes, f.regressions, f.changed], [2, 1, 3]);
    assert.deepEqual(f.perClass, [
      { label: '0', fixes: 1, regressions: 0, changed: 1 },
      { label: '1', fixes: 1, regressions: 1, changed: 2 },
    ]);
    assert.deepEqual(f.sampled, { base: { kept: 5, total: 50 }, head: { kept: 5, total: 5 } });
    assert.deepEqual([f.bothRight, f.bothWrong, f.moves], [2, 0, undefined]);
  });

  it('regression models: rows whose absolute error grew by more than 10% of base MAE, largest moves first', () => {
    const y = [10, 20, 30, 40, 50];
    const base = { ...classSet(y, [11, 22, 30, 44, 50]), task: 'regression' as const }; // errors 1 2 0 4 0, MAE 1.4
    const head = { ...classSet(y, [11, 20, 30.1, 49, 53]), task: 'regression' as const }; // errors 1 0 0.1 9 3
    const f = collectFlips(base, head);
    assert.ok(Math.abs(f.errorGrew!.tolerance - 0.14) < 1e-12);
    assert.deepEqual(f.errorGrew!.rows, 2); // rows 3 (+5) and 4 (+3); row 2 grew 0.1 < 0.14
    assert.deepEqual([f.regressions, f.fixes, f.changed], [2, 1, 4]);
    assert.equal(f.mcnemar, undefined);
    assert.deepEqual([f.bothRight, f.bothWrong], [undefined, undefined]); // right and wrong do not apply
    assert.deepEqual(
      f.examples.map((e) => [e.rowId, e.kind]),
      [
        ['r3', 'regression'],
        ['r4', 'regression'],
        ['r1', 'fix'],
        ['r2', 'changed'],
      ],
    );
    assert.equal(collectFlips(base, head, { tolerance: 4 }).errorGrew!.rows, 1);
  });
});
