import { strict as assert } from 'node:assert';
import { _prepareSide } from '../../../../src/core/review/prepareSide';
import { _encodeSides } from '../../../../src/core/review/encodeSides';
import { createRng } from '../../../../src/core/evaluation/random';
import { binaryPair, classSet } from './sets';

describe('review/prepareSide', () => {
  it('scores binary thresholded metrics from the kept predictions, even when they are not score ≥ 0.5', () => {
    // The model decided at another threshold: rows 1 and 2 are predicted positive with scores below 0.5.
    const set = { ...classSet([1, 1, 0, 0], [1, 1, 1, 0]), yScore: [0.9, 0.3, 0.4, 0.1], positiveLabel: '1' };
    const enc = _encodeSides('test', set, set);
    assert.equal(enc.base!.task === 'binary' && enc.base!.thresholdAgrees, false);
    const side = _prepareSide(enc.base!, Uint32Array.from([0, 1, 2, 3]), ['accuracy', 'precision', 'recall', 'auc']);
    assert.deepEqual([...side.evaluate()], [0.75, 2 / 3, 1, 0.75]);
  });

  it('reads counts through `at`: a group evaluator under global counts equals the subset under its own counts', () => {
    const { base } = binaryPair(300, 2);
    const enc = _encodeSides('test', base, base);
    const rows = Uint32Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 3 === 1);
    const counts = new Uint8Array(300);
    createRng(5).fillPoisson(counts);
    const metrics = ['accuracy', 'f1', 'auc', 'logLoss', 'selectionRate'] as const;
    const viaAt = _prepareSide(enc.base!, rows, [...metrics], rows).evaluate(counts);
    const direct = _prepareSide(enc.base!, rows, [...metrics]).evaluate(Uint8Array.from(rows, (i) => counts[i]));
    assert.deepEqual([...viaAt], [...direct]);
  });

  it('gives the same values whether the thresholded metrics come from the sorted pass or the hard-prediction pass', () => {
    const { base } = binaryPair(500, 8);
    const agree = _encodeSides('test', base, base).base!;
    assert.ok(agree.task === 'binary' && agree.thresholdAgrees);
    const apart = { ...agree, thresholdAgrees: false };
    const rows = Uint32Array.from({ length: 500 }, (_, i) => i);
    const counts = new Uint8Array(500);
    createRng(1).fillPoisson(counts);
    const names = ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'falsePositiveRate'] as const;
    const a = _prepareSide(agree, rows, [...names]).evaluate(counts);
    const b = _prepareSide(apart, rows, [...names]).evaluate(counts);
    names.forEach((m, j) => assert.ok(Math.abs(a[j] - b[j]) < 1e-12, `${m}: ${a[j]} vs ${b[j]}`));
  });
});
