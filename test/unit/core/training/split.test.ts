import { strict as assert } from 'node:assert';
import { createRng } from '../../../../src/core/training/random';
import { splitValidation } from '../../../../src/core/training/split';

describe('splitValidation', () => {
  it('holds out ceil(fraction · n) rows, disjoint from the training rows, both sorted', () => {
    const s = splitValidation(101, 0.1, createRng(0));
    assert.equal(s.validation.length, 11);
    assert.equal(s.train.length, 90);
    const all = [...s.train, ...s.validation].sort((a, b) => a - b);
    assert.deepEqual(
      all,
      Array.from({ length: 101 }, (_, i) => i),
    );
    assert.deepEqual(
      [...s.train],
      [...s.train].sort((a, b) => a - b),
    );
  });

  it("keeps each class's share when stratified", () => {
    const codes = Int32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : i < 980 ? 1 : 2));
    const s = splitValidation(1000, 0.2, createRng(5), codes);
    const count = (rows: Int32Array, k: number) => [...rows].filter((r) => codes[r] === k).length;
    assert.deepEqual(
      [0, 1, 2].map((k) => count(s.validation, k)),
      [180, 16, 4],
    );
  });

  it('is seeded', () => {
    assert.deepEqual(splitValidation(50, 0.3, createRng(1)), splitValidation(50, 0.3, createRng(1)));
    assert.notDeepEqual(splitValidation(50, 0.3, createRng(1)), splitValidation(50, 0.3, createRng(2)));
  });

  it('refuses fractions outside (0, 1) and too few rows', () => {
    assert.throws(() => splitValidation(10, 1, createRng(0)), /fraction must be in \(0, 1\)/);
    assert.throws(() => splitValidation(1, 0.5, createRng(0)), /at least 2 rows/);
  });
});
