import { strict as assert } from 'node:assert';
import { compareRuns, metricDirection } from '../../../../src/core/runs/compare';
import { toMetricHistory } from '../../../../src/core/runs/metricHistory';
import { makeRecord } from './helpers';

const fp = (hash: string, rows: number) => ({ hash, rows, columns: [{ name: 'x', type: 'number' }] });

describe('core/runs compareRuns', () => {
  const base = makeRecord({
    id: '01JD0000000000000000000001',
    name: 'base',
    params: { lr: 0.01, optimizer: { name: 'adam' }, epochs: 10 },
    metrics: { auc: 0.85, loss: 0.4 },
    intervals: { auc: { low: 0.82, high: 0.88, level: 0.95 } },
    data: [{ role: 'train', fingerprint: fp('aaaaaaaaaaaaaaaa', 800) }],
    history: toMetricHistory([1, 2, 3].map((epoch) => ({ epoch, metrics: { loss: 1 / epoch } }))),
    codeHash: 'c1',
    git: { commit: 'abcdef1', dirty: false },
    model: { type: 'MLP', parameterCount: 100 },
    environment: { libraries: { tfjs: '4.22.0' }, backend: 'wasm' },
  });
  const cand = makeRecord({
    id: '01JD0000000000000000000002',
    name: 'candidate',
    params: { lr: 0.001, optimizer: { name: 'adam' }, epochs: 10, dropout: 0.2 },
    metrics: { auc: 0.9, loss: 0.35, f1: 0.7 },
    data: [{ role: 'train', fingerprint: fp('bbbbbbbbbbbbbbbb', 800) }],
    history: toMetricHistory([2, 4].map((epoch) => ({ epoch, metrics: { loss: 0.9 / epoch, valLoss: 1 / epoch } }))),
    codeHash: 'c2',
    git: { commit: 'abcdef1', dirty: true },
    model: { type: 'MLP', parameterCount: 140 },
    environment: { libraries: { tfjs: '4.22.0' }, backend: 'wasm' },
  });

  it('flags the parameters that differ, flattening nested ones', () => {
    const view = compareRuns([base, cand]);
    assert.deepEqual(view.params, [
      { key: 'dropout', values: [null, 0.2], differs: true },
      { key: 'epochs', values: [10, 10], differs: false },
      { key: 'lr', values: [0.01, 0.001], differs: true },
      { key: 'optimizer.name', values: ['adam', 'adam'], differs: false },
    ]);
  });

  it('gives metric deltas against the first run, intervals, and the best run by direction', () => {
    const auc = compareRuns([base, cand]).metrics.find((m) => m.key === 'auc')!;
    assert.deepEqual(auc.values, [0.85, 0.9]);
    assert.ok(Math.abs(auc.deltas[1]! - 0.05) < 1e-12);
    assert.equal(auc.deltas[0], 0);
    assert.deepEqual(auc.intervals, [{ low: 0.82, high: 0.88, level: 0.95 }, null]);
    assert.equal(auc.better, 'higher');
    assert.equal(auc.best, 1);
    const loss = compareRuns([base, cand]).metrics.find((m) => m.key === 'loss')!;
    assert.equal(loss.better, 'lower');
    assert.equal(loss.best, 1);
    const f1 = compareRuns([base, cand]).metrics.find((m) => m.key === 'f1')!;
    assert.deepEqual(f1.deltas, [null, null]);
  });

  it('flags different data, model size and code, and aligns histories on one epoch axis', () => {
    const view = compareRuns([base, cand]);
    assert.equal(view.data[0].differs, true);
    assert.equal(view.model.find((m) => m.key === 'parameterCount')!.differs, true);
    assert.equal(view.context.find((c) => c.key === 'codeHash')!.differs, true);
    assert.equal(view.context.find((c) => c.key === 'commit')!.differs, false);
    assert.deepEqual(view.history.epochs, [1, 2, 3, 4]);
    assert.deepEqual(view.history.series.find((s) => s.metric === 'loss')!.values, [
      [1, 0.5, 1 / 3, null],
      [null, 0.45, null, 0.225],
    ]);
    assert.deepEqual(view.history.series.find((s) => s.metric === 'valLoss')!.values[0], [null, null, null, null]);
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view, 'the view model is plain JSON');
  });

  it('guesses metric direction from the name', () => {
    assert.deepEqual(['valLoss', 'rmse', 'rocAuc', 'balancedAccuracy', 'r2', 'epochs'].map(metricDirection), ['lower', 'lower', 'higher', 'higher', 'higher', null]);
    assert.throws(() => compareRuns([]), /non-empty array of run records/);
  });
});
