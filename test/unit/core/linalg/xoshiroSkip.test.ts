import { strict as assert } from 'node:assert';
import { _xoshiroSkip } from '../../../../src/core/linalg/xoshiroSkip';
import { createRng } from '../../../../src/core/evaluation/random';

describe('xoshiro jump-ahead', () => {
  it('lands where taking the steps one by one lands, for short and long jumps', () => {
    for (const steps of [0, 1, 2, 63, 64, 65, 1000, 123_457]) {
      const stepped = createRng(42);
      for (let i = 0; i < steps; i++) stepped.nextUint32();
      const jumped = createRng(42);
      jumped.skip(steps);
      const a = Array.from({ length: 8 }, () => stepped.nextUint32());
      const b = Array.from({ length: 8 }, () => jumped.nextUint32());
      assert.deepEqual(b, a, `after ${steps} steps`);
    }
  });

  it('composes: two jumps are one jump of their sum', () => {
    const once = _xoshiroSkip([1, 2, 3, 4], 5_000_000 + 777);
    const twice = _xoshiroSkip(_xoshiroSkip([1, 2, 3, 4], 5_000_000), 777);
    assert.deepEqual(twice, once);
  });

  it('starts a Poisson resample where the sequential stream would be (one draw per row)', () => {
    const n = 5000;
    const seq = createRng(7);
    const counts = new Uint8Array(n);
    for (let b = 0; b < 3; b++) seq.fillPoisson(counts);
    const jumped = createRng(7);
    jumped.skip(2 * n);
    const third = new Uint8Array(n);
    jumped.fillPoisson(third);
    assert.deepEqual(third, counts);
  });
});
