import { strict as assert } from 'node:assert';
import { collectRunTree, keyMetric, notebookFilter, toPanelRun } from '../../../../src/core/runs/collect';
import { summarizeRun } from '../../../../src/core/runs/summary';
import { compileFilter } from '../../../../src/core/runs/filter/compile';
import { makeRunRecord } from '../../../webview/runsFixture';

describe('runs tree and panel: collecting rows', () => {
  const rows = [0, 1, 2, 3, 4, 5].map((i) => summarizeRun(makeRunRecord(i), `.modelbook/runs/${i}.json`));

  it('groups runs by notebook, newest first, and nests folds under their parent', () => {
    const fold = { ...rows[5], id: 'FOLD', parentId: rows[4].id, notebook: 'churn.mlnb' };
    const { notebooks, children } = collectRunTree([...rows, fold]);
    assert.deepEqual(
      notebooks.map((n) => n.notebook),
      ['churn.mlnb', 'fraud.mlnb', 'notebooks/credit.mlnb', 'notebooks/ltv.mlnb'],
    );
    assert.deepEqual(
      notebooks[0].runs.map((r) => r.id),
      [rows[4].id, rows[0].id],
      'newest first, the fold not at the top level',
    );
    assert.deepEqual(
      children.get(rows[4].id)?.map((r) => r.id),
      ['FOLD'],
    );
  });

  it('picks a key metric people recognise, and builds a filter that matches a notebook', () => {
    assert.equal(keyMetric({ metrics: { loss: 0.2, auc: 0.91 } })?.text, 'auc 0.91');
    assert.equal(keyMetric({ metrics: {} }), undefined);
    const keep = compileFilter(notebookFilter('notebooks/a "b".mlnb'));
    assert.equal(keep({ ...rows[0], notebook: 'notebooks/a "b".mlnb' }), true);
    assert.equal(keep(rows[0]), false);
  });

  it('sends the panel rows without library versions and writer host', () => {
    const r = toPanelRun({ ...rows[0], host: { hostname: 'h', pid: 1 } });
    assert.equal('libraries' in r, false);
    assert.equal('host' in r, false);
    assert.equal(r.metrics.auc, rows[0].metrics.auc);
  });
});
