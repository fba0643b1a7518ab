import { strict as assert } from 'node:assert';
import { createRng } from '../../../../src/core/training/random';
import { permutation } from '../../../../src/core/training/shuffle';

describe('createRng', () => {
  it('gives the same sequence for the same seed and stream, pinned across versions', () => {
    const a = createRng(42, 'shuffle');
    const b = createRng(42, 'shuffle');
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    assert.deepEqual(
      seqA,
      Array.from({ length: 5 }, () => b.nextUint32()),
    );
    // Pinned: a change here changes every seeded model; bump it only on purpose.
    const zero = createRng(0);
    assert.deepEqual(
      Array.from({ length: 3 }, () => zero.nextUint32()),
      PINNED,
    );
  });

  it('gives independent streams for different seeds and stream names', () => {
    const first = (seed: number, stream = '') => createRng(seed, stream).nextUint32();
    assert.notEqual(first(1), first(2));
    assert.notEqual(first(1, 'init'), first(1, 'shuffle'));
    assert.notEqual(first(0.5), first(0));
  });

  it('draws floats in [0, 1) and unbiased integers in [0, n)', () => {
    const rng = createRng(7);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const u = rng.nextFloat();
      assert.ok(u >= 0 && u < 1);
      counts[rng.nextInt(6)]++;
    }
    for (const c of counts) assert.ok(Math.abs(c - 10_000) < 500, `counts ${counts}`);
    const v = rng.uniform(-2, 3);
    assert.ok(v >= -2 && v < 3);
  });

  it('refuses seeds that are not finite numbers', () => {
    assert.throws(() => createRng(NaN), /seed must be a finite number/);
    assert.throws(() => createRng(0).nextInt(0), /n must be an integer in \[1, 2\^32\]/);
  });
});

const PINNED = [4054697811, 3832729371, 1853517357];

describe('permutation and Rng.shuffle', () => {
  it('returns every index once, in a seeded order', () => {
    const p = permutation(1000, createRng(3));
    assert.deepEqual(
      [...p].sort((a, b) => a - b),
      Array.from({ length: 1000 }, (_, i) => i),
    );
    assert.deepEqual(p, permutation(1000, createRng(3)));
    assert.notDeepEqual(p, permutation(1000, createRng(4)));
  });

  it('shuffles a typed array in place', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    assert.equal(createRng(1).shuffle(a), a);
    assert.notDeepEqual(
      a,
      Int32Array.from({ length: 50 }, (_, i) => i),
    );
  });
});
