import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { collectFeatures } from '../../../../src/core/training/features';
import { collectRegressionTarget, encodeClasses, encodeWithClasses } from '../../../../src/core/training/targets';

describe('collectFeatures', () => {
  it('reads an arquero table of numbers, typed columns and booleans into float32 rows', () => {
    const t = aq.table({ a: [1, 2], b: Float64Array.of(0.5, 1.5), c: [true, false] });
    const m = collectFeatures(t);
    assert.deepEqual(m, { rows: 2, cols: 3, data: Float32Array.of(1, 0.5, 1, 2, 1.5, 0), names: ['a', 'b', 'c'] });
  });

  it('reads a filtered table in its row order', () => {
    const t = aq.table({ a: [1, 2, 3, 4] }).filter((d: { a: number }) => d.a % 2 === 0);
    assert.deepEqual(collectFeatures(t).data, Float32Array.of(2, 4));
  });

  it('reads a Matrix and rows of numbers', () => {
    assert.deepEqual(collectFeatures({ rows: 1, cols: 2, data: Float64Array.of(3, 4) }).data, Float32Array.of(3, 4));
    assert.deepEqual(
      collectFeatures([
        [1, 2],
        [3, 4],
      ]).names,
      ['x0', 'x1'],
    );
  });

  it('names the column and the fix when a value cannot be used', () => {
    assert.throws(() => collectFeatures(aq.table({ when: [new Date(0)] }), 'fit'), /fit: column "when" holds dates/);
    assert.throws(() => collectFeatures(aq.table({ age: [1, null] })), /column "age" has a missing or infinite value at row 1; impute it first/);
    assert.throws(() => collectFeatures([[1, 2], [3]]), /every row needs 2 values like row 0; row 1 has 1/);
    assert.throws(() => collectFeatures({ rows: 2, cols: 2, data: new Float64Array(3) }), /says 2 × 2 but its data holds 3 values/);
    assert.throws(() => collectFeatures('x' as never), /features must be an arquero table/);
  });
});

describe('encodeClasses', () => {
  it('sorts labels as np.unique does and codes each row', () => {
    assert.deepEqual(encodeClasses(['b', 'a', 'b', 'B'], 4), { classes: ['B', 'a', 'b'], codes: Int32Array.of(2, 1, 2, 0) });
    assert.deepEqual(encodeClasses([10, 2, 2], 3).classes, [2, 10]);
    assert.deepEqual(encodeClasses([true, false], 2).classes, [false, true]);
    assert.deepEqual(encodeClasses(Int32Array.of(5, -3, 5), 3), { classes: [-3, 5], codes: Int32Array.of(1, 0, 1) });
    assert.deepEqual(encodeClasses([0.5, 2, 0.5], 3).classes, [0.5, 2]);
  });

  it('refuses mixed and missing labels, and labels not seen in training', () => {
    assert.throws(() => encodeClasses([1, 'a'], 2), /mixes number and string labels/);
    assert.throws(() => encodeClasses([1, null as never], 2), /missing label at row 1/);
    assert.throws(() => encodeWithClasses(['c'], ['a', 'b'], 1), /label "c" at row 0 was not among the training classes \("a", "b"\)/);
  });
});

describe('collectRegressionTarget', () => {
  it('reads numbers and booleans as float32', () => {
    assert.deepEqual(collectRegressionTarget([1.5, true], 2), Float32Array.of(1.5, 1));
  });
});
