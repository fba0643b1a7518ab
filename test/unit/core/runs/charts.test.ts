import { strict as assert } from 'node:assert';
import { buildHistorySpec, buildParallelSpec, buildScatterSpec, runLabels } from '../../../../src/core/runs/charts';
import { compareRuns } from '../../../../src/core/runs/compare';
import { toMetricHistory } from '../../../../src/core/runs/metricHistory';
import { makeRecord } from './helpers';

type Values = { data: { values: Record<string, unknown>[] }; encoding: Record<string, { type?: string; scale?: { type?: string } }> };

describe('core/runs charts (Experiments panel specs)', () => {
  const run = (id: string, name: string, losses: number[]) => makeRecord({ id, name, history: toMetricHistory(losses.map((loss, i) => ({ epoch: i + 1, metrics: { loss } }))) });

  it('overlays one line per selected run, labelled apart when names repeat', () => {
    const comparison = compareRuns([run('01JD0000000000000000000AAA', 'mlp', [0.9, 0.5]), run('01JD0000000000000000000BBB', 'mlp', [0.8])]);
    assert.deepEqual(runLabels(comparison), ['mlp (000AAA)', 'mlp (000BBB)']);
    const spec = buildHistorySpec(comparison, 'loss') as unknown as Values;
    assert.deepEqual(spec.data.values, [
      { epoch: 1, run: 'mlp (000AAA)', value: 0.9 },
      { epoch: 2, run: 'mlp (000AAA)', value: 0.5 },
      { epoch: 1, run: 'mlp (000BBB)', value: 0.8 },
    ]);
  });

  it('puts a parameter spanning two orders of magnitude on a log axis, and drops runs without the metric', () => {
    const rows = [0.001, 0.01, 0.1, 1].map((lr, i) => ({ id: String(i), name: `r${i}`, x: lr, y: i === 2 ? null : 0.8 + i / 100 }));
    const spec = buildScatterSpec(rows, 'lr', 'auc') as unknown as Values;
    assert.deepEqual(
      spec.data.values.map((v) => v.x),
      [0.001, 0.01, 1],
    );
    assert.equal(spec.encoding.x.type, 'quantitative');
    assert.equal(spec.encoding.x.scale?.type, 'log');
    const categories = buildScatterSpec([{ id: 'a', name: 'a', x: 'adam', y: 0.9 }], 'optimizer', 'auc') as unknown as Values;
    assert.equal(categories.encoding.x.type, 'nominal');
  });

  it('keeps dotted parameter names literal in parallel coordinates', () => {
    const spec = buildParallelSpec([{ _name: 'a', 'optimizer.lr': 0.1, auc: 0.9 }], ['optimizer.lr', 'auc'], 'auc') as unknown as { transform: { fold?: string[] }[]; data: Values['data'] };
    assert.deepEqual(spec.transform[0].fold, ['optimizer\\.lr', 'auc']);
    assert.deepEqual(spec.data.values, [{ _run: 0, _name: 'a', 'optimizer.lr': 0.1, auc: 0.9 }]);
  });
});
