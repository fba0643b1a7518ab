import { strict as assert } from 'node:assert';
import { downsampleHistory } from '../../../../src/core/runs/downsample';

describe('core/runs downsampleHistory', () => {
  const series = (n: number) => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, metrics: { loss: Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1, acc: i / n } }));

  it('keeps short histories as they are', () => {
    const s = series(10);
    assert.deepEqual(downsampleHistory(s, 10), s);
  });

  it('keeps exactly max points, in epoch order, with the first, the last and every metric extreme', () => {
    const s = series(10_000);
    const d = downsampleHistory(s, 200);
    assert.equal(d.length, 200);
    assert.deepEqual(
      d.map((p) => p.epoch),
      [...d.map((p) => p.epoch)].sort((a, b) => a - b),
    );
    assert.equal(d[0].epoch, 1);
    assert.equal(d[199].epoch, 10_000);
    const minLoss = Math.min(...s.map((p) => p.metrics.loss));
    const maxLoss = Math.max(...s.map((p) => p.metrics.loss));
    assert.equal(Math.min(...d.map((p) => p.metrics.loss as number)), minLoss);
    assert.equal(Math.max(...d.map((p) => p.metrics.loss as number)), maxLoss);
  });

  it('rejects a cap below 2', () => {
    assert.throws(() => downsampleHistory(series(5), 1), /max must be an integer ≥ 2/);
  });
});
