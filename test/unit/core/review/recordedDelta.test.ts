import { strict as assert } from 'node:assert';
import { _recordedDelta } from '../../../../src/core/review/recordedDelta';

describe('review/recordedDelta', () => {
  it('reads each interval at its own level as a normal one and combines them as independent', () => {
    // A 90% interval of half-width 1.6449·0.01 and a 99% one of half-width 2.5758·0.02: standard errors 0.01 and 0.02.
    const d = _recordedDelta(
      'auc',
      { value: 0.8, interval: { low: 0.8 - 1.6448536269514722 * 0.01, high: 0.8 + 1.6448536269514722 * 0.01, level: 0.9 } },
      { value: 0.75, interval: { low: 0.75 - 2.5758293035489004 * 0.02, high: 0.75 + 2.5758293035489004 * 0.02, level: 0.99 } },
      0.95,
    );
    const se = Math.sqrt(0.01 ** 2 + 0.02 ** 2);
    assert.ok(Math.abs(d.ci![0] - (-0.05 - 1.959963984540054 * se)) < 1e-12 && Math.abs(d.ci![1] - (-0.05 + 1.959963984540054 * se)) < 1e-12, `${d.ci}`);
    // scipy: 2 * norm.sf(0.05 / sqrt(0.0005)) = 0.025347318677468252
    assert.ok(Math.abs(d.pValue! - 0.025347318677468252) < 1e-12, `p ${d.pValue}`);
    // The CI excludes 0 but the intervals overlap ([0.7985, 0.8165] and [0.6985, 0.8015]): not clearly separated.
    assert.deepEqual([d.significant, d.verdict, d.method], [false, 'unchanged', 'recorded-intervals']);
  });

  it("is 'none' without both values and intervals", () => {
    assert.equal(_recordedDelta('auc', undefined, { value: 0.8 }, 0.95).method, 'none');
    assert.deepEqual(_recordedDelta('auc', { value: null, interval: { low: 0, high: 1, level: 0.95 } }, { value: 0.8, interval: { low: 0.7, high: 0.9, level: 0.95 } }, 0.95).delta, null);
  });
});
