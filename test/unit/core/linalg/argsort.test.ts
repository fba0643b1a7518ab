import { strict as assert } from 'node:assert';
import { argsortAscending, argsortDescending } from '../../../../src/core/linalg/argsort';
import { createRng } from '../../../../src/core/evaluation/random';

describe('core/evaluation argsort (radix)', () => {
  it('orders like a stable comparison sort, with ties, negatives, zeros and extremes', () => {
    const rng = createRng(9);
    const v = Float64Array.from({ length: 5000 }, () => {
      const u = rng.nextFloat();
      return u < 0.1 ? 0 : u < 0.15 ? -0 : u < 0.5 ? Math.round((u - 0.3) * 20) / 4 : (u - 0.5) * 1e6 * (rng.nextFloat() - 0.5);
    });
    v[0] = Number.MAX_VALUE;
    v[1] = -Number.MAX_VALUE;
    v[2] = Number.MIN_VALUE;
    const idx = Array.from({ length: v.length }, (_, i) => i);
    const asc = [...idx].sort((a, b) => v[a] - v[b] || a - b);
    const desc = [...idx].sort((a, b) => v[b] - v[a] || a - b);
    const gotAsc = Array.from(argsortAscending(v));
    const gotDesc = Array.from(argsortDescending(v));
    // -0 and 0 compare equal but order by sign in the bit pattern: compare values, and stability within equal bit patterns.
    assert.deepEqual(
      gotAsc.map((i) => v[i] + 0),
      asc.map((i) => v[i] + 0),
    );
    assert.deepEqual(
      gotDesc.map((i) => v[i] + 0),
      desc.map((i) => v[i] + 0),
    );
    for (let k = 1; k < gotDesc.length; k++) if (Object.is(v[gotDesc[k]], v[gotDesc[k - 1]])) assert.ok(gotDesc[k] > gotDesc[k - 1], 'stable');
  });

  it('handles empty and single-element input', () => {
    assert.deepEqual(Array.from(argsortDescending(new Float64Array(0))), []);
    assert.deepEqual(Array.from(argsortDescending(Float64Array.from([3]))), [0]);
  });
});
