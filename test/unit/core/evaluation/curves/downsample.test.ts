import { strict as assert } from 'node:assert';
import { _curveView, _downsampleIndices } from '../../../../../src/core/evaluation/curves/downsample';

describe('core/evaluation curve downsampling', () => {
  it('keeps every point of a small curve', () => {
    assert.deepEqual(_downsampleIndices([0, 0.5, 1], [0, 0.7, 1], 10), [0, 1, 2]);
  });

  it('keeps at most maxPoints exact points of a long curve, including both ends and a sharp step', () => {
    const n = 100000;
    const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = Float64Array.from(x, (v) => (v < 0.3 ? v / 3 : 0.9 + v / 10));
    const keep = _downsampleIndices(x, y, 200);
    assert.ok(keep.length <= 200, `${keep.length} points`);
    assert.equal(keep[0], 0);
    assert.equal(keep[keep.length - 1], n - 1);
    const jump = keep.findIndex((i) => x[i] >= 0.3);
    assert.ok(y[keep[jump]] - y[keep[jump - 1]] > 0.7, 'the step survives as one segment');
  });

  it('makes a JSON-safe view: an Infinity threshold and a NaN area become null', () => {
    const v = _curveView([0, 1], [0, 1], [Infinity, 0.5], NaN, 10);
    assert.deepEqual(v, { x: [0, 1], y: [0, 1], thresholds: [null, 0.5], points: 2, area: null });
  });
});
