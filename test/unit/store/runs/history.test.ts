import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';
import { loadRunHistory } from '../../../../src/store/runs/history';
import { openRunRecorder } from '../../../../src/store/runs/recorder';
import { RunIndex } from '../../../../src/store/runs/runIndex';
import { tempWorkspace } from './processes';

describe('store/runs loadRunHistory', () => {
  let ws: string;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it("shows a notebook's newest top-level runs with their histories, the current one highlighted", () => {
    let now = Date.UTC(2026, 2, 1, 9);
    const recorder = openRunRecorder(ws, { clock: () => (now += 1000), context: { notebook: 'churn.mlnb' } });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const run = recorder.start({ name: `fit ${i}`, kind: 'fit', params: { lr: i } });
      for (let e = 1; e <= 4; e++) run.logEpoch(e, { loss: 1 / (e + i) });
      run.child({ name: 'fold', kind: 'fit' }).finish();
      run.finish({ auc: 0.5 + i / 100 });
      ids.push(run.id);
    }
    recorder.start({ name: 'other', kind: 'fit', context: { notebook: 'fraud.mlnb' } }).finish();
    recorder.dispose();
    const index = RunIndex.openSync(ws);
    const view = loadRunHistory(index, { notebook: 'churn.mlnb', current: ids[10], limit: 5 });
    assert.equal(view.title, 'Runs of churn.mlnb');
    assert.deepEqual(
      view.rows.map((r) => r.name),
      ['fit 11', 'fit 10', 'fit 9', 'fit 8', 'fit 7'],
    );
    assert.equal(view.total, 12, 'folds and other notebooks are not counted');
    assert.deepEqual(
      view.rows[1].history,
      [1 / 11, 1 / 12, 1 / 13, 1 / 14].map((v) => Number(v.toPrecision(6))),
    );
    assert.ok(view.rows[1].current);
    assert.match(view[MIME_BUNDLE]()['text/html'] as string, /<tr class="current">/);
    assert.equal(loadRunHistory(index, { notebook: 'churn.mlnb', nested: true }).total, 24);
    assert.equal(loadRunHistory(index, { filter: 'metrics.auc > 0.6' }).total, 1);
  });
});
