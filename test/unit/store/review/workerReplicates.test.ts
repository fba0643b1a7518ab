import { strict as assert } from 'node:assert';
import { diffPredictions } from '../../../../src/core/review/diffPredictions';
import { workerReplicates } from '../../../../src/store/review/workerReplicates';
import { binaryPair, reorder } from '../../core/review/sets';
import { DIST } from '../../paths';

describe('model diff bootstrap in worker threads', () => {
  const { base, head } = binaryPair(3000, 5);
  // Head: rows reordered, some of base's rows gone (paired) — or most of them (unpaired).
  const paired = reorder(
    head,
    Array.from({ length: 3000 }, (_, i) => (i * 1597) % 3000).filter((i) => i % 25 !== 1),
  );
  const unpaired = reorder(
    head,
    Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 3 === 0),
  );

  for (const [name, h] of [
    ['paired', paired],
    ['unpaired', unpaired],
  ] as const) {
    it(`gives the ${name} intervals, p-values and slice deltas one thread gives, bit for bit`, async () => {
      const options = { bootstrap: { resamples: 400, seed: 3, sampling: 'poisson' as const } };
      const one = await diffPredictions(base, h, options);
      const parallel = workerReplicates(DIST, 3);
      try {
        const split = await diffPredictions(base, h, { ...options, parallel });
        assert.equal(split.pairing.method, name === 'paired' ? 'paired-bootstrap' : 'unpaired-bootstrap');
        assert.deepEqual(split.metrics, one.metrics);
        assert.deepEqual(split.slices, one.slices);
        assert.deepEqual(split.fairness, one.fairness);
        assert.ok(split.slices.length > 0, 'slice groups were resampled too');
        assert.equal(parallel.completed, 3, 'three of the four parts ran in worker threads');
      } finally {
        await parallel.close();
      }
    });
  }

  it('still gives the same diff when the worker cannot start (the part runs on this thread)', async () => {
    const options = { bootstrap: { resamples: 300, seed: 1, sampling: 'poisson' as const } };
    const one = await diffPredictions(base, paired, options);
    const broken = workerReplicates('/nonexistent-modelbook-dist', 2);
    try {
      const split = await diffPredictions(base, paired, { ...options, parallel: broken });
      assert.deepEqual(split.metrics, one.metrics);
      assert.equal(broken.completed, 0);
    } finally {
      await broken.close();
    }
  });

  it('keeps multinomial resamples on one stream (they cannot be split exactly)', async () => {
    const options = { slices: false, bootstrap: { resamples: 300, seed: 1, sampling: 'multinomial' as const } };
    const one = await diffPredictions(base, paired, options);
    let calls = 0;
    const counting = { workers: 2, run: () => (calls++, Promise.reject(new Error('not expected'))) };
    const split = await diffPredictions(base, paired, { ...options, parallel: counting });
    assert.equal(calls, 0);
    assert.deepEqual(split.metrics, one.metrics);
  });
});
