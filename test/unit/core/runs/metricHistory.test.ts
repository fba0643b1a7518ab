import { strict as assert } from 'node:assert';
import type { HistoryPoint } from '../../../../src/core/runs/contract';
import { historyLength, historyPoints, toMetricHistory } from '../../../../src/core/runs/metricHistory';

describe('core/runs metric history', () => {
  const points: HistoryPoint[] = [
    { epoch: 1, metrics: { loss: 0.7 } },
    { epoch: 2, metrics: { loss: 0.5, valLoss: 0.6 }, elapsedMs: 900 },
  ];

  it('stores points as one array per metric, null where a point lacks it', () => {
    assert.deepEqual(toMetricHistory(points), { epoch: [1, 2], elapsedMs: [null, 900], metrics: { loss: [0.7, 0.5], valLoss: [null, 0.6] } });
    assert.deepEqual(toMetricHistory([]), { epoch: [], metrics: {} });
    assert.equal(toMetricHistory(points, 10).total, 10);
    assert.equal(toMetricHistory(points, 2).total, undefined, 'total only when points were dropped');
  });

  it('gives the points back, and the logged length', () => {
    assert.deepEqual(historyPoints(toMetricHistory(points)), [
      { epoch: 1, metrics: { loss: 0.7, valLoss: null } },
      { epoch: 2, metrics: { loss: 0.5, valLoss: 0.6 }, elapsedMs: 900 },
    ]);
    assert.equal(historyLength(toMetricHistory(points, 10)), 10);
    assert.equal(historyLength(toMetricHistory(points)), 2);
  });
});
