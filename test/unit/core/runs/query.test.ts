import { strict as assert } from 'node:assert';
import { FilterSyntaxError } from '../../../../src/core/runs/filter/error';
import { groupRuns } from '../../../../src/core/runs/group';
import { queryRuns } from '../../../../src/core/runs/query';
import { compareValues, parseSortKey, sortRuns } from '../../../../src/core/runs/sort';
import { makeRows } from './helpers';

const rows = makeRows([
  { name: 'a', metrics: { auc: 0.85 }, params: { lr: 0.01 }, notebook: 'churn.mlnb' },
  { name: 'b', metrics: { auc: 0.91 }, params: { lr: 0.001 }, notebook: 'churn.mlnb' },
  { name: 'c', metrics: {}, params: { lr: 0.1 }, notebook: 'fraud.mlnb' },
  { name: 'd', metrics: { auc: 0.79 }, params: { lr: 'auto' }, notebook: 'fraud.mlnb', parentId: '01JD0000000000000000000000' },
  { name: 'e', metrics: { auc: 0.91 }, params: { lr: 0.01 }, notebook: undefined },
]);
const names = (r: { name: string }[]) => r.map((x) => x.name);

describe('core/runs sortRuns', () => {
  it('sorts by a column path either way, missing values last in both directions', () => {
    assert.deepEqual(names(sortRuns(rows, 'metrics.auc')), ['d', 'a', 'b', 'e', 'c']);
    assert.deepEqual(names(sortRuns(rows, '-metrics.auc')), ['b', 'e', 'a', 'd', 'c']);
    assert.deepEqual(names(sortRuns(rows, 'metrics.auc desc')), ['b', 'e', 'a', 'd', 'c']);
  });

  it('breaks ties with later keys and keeps input order otherwise (stable)', () => {
    assert.deepEqual(names(sortRuns(rows, ['-metrics.auc', '-name'])), ['e', 'b', 'a', 'd', 'c']);
    assert.deepEqual(names(sortRuns(rows, 'kind')), ['a', 'b', 'c', 'd', 'e']);
  });

  it('orders numbers before text when a column mixes them', () => {
    assert.deepEqual(names(sortRuns(rows, 'params.lr')), ['b', 'a', 'e', 'c', 'd']);
    assert.equal(compareValues(NaN, 1), 1);
    assert.equal(compareValues(null, undefined, true), 0);
  });

  it('rejects a malformed or unknown sort key with the position', () => {
    assert.deepEqual(parseSortKey('-params["learning rate"]'), { segments: ['params', 'learning rate'], text: 'params["learning rate"]', descending: true });
    assert.throws(
      () => sortRuns(rows, 'metric.auc'),
      (e: Error) => e instanceof FilterSyntaxError && /Cannot sort by "metric.auc": Unknown field "metric"/.test(e.message),
    );
    assert.throws(() => sortRuns(rows, 'metrics.auc >'), FilterSyntaxError);
  });
});

describe('core/runs groupRuns', () => {
  it('groups by notebook in order of first appearance, with counts, ids and the best run', () => {
    const groups = groupRuns(rows, 'notebook', { metric: 'metrics.auc' });
    assert.deepEqual(
      groups.map((g) => [g.key, g.count]),
      [
        ['churn.mlnb', 2],
        ['fraud.mlnb', 2],
        ['', 1],
      ],
    );
    assert.deepEqual(groups[0].best, { id: rows[1].id, value: 0.91 });
    assert.deepEqual(groups[1].runIds, [rows[2].id, rows[3].id]);
    assert.equal(groupRuns(rows, 'notebook', { metric: 'metrics.auc', best: 'min' })[0].best?.value, 0.85);
    assert.deepEqual(JSON.parse(JSON.stringify(groups)), groups, 'plain JSON');
  });

  it('groups by name or any column', () => {
    assert.equal(groupRuns(rows, 'name').length, 5);
    assert.deepEqual(
      groupRuns(rows, 'params.lr').map((g) => g.key),
      ['0.01', '0.001', '0.1', 'auto'],
    );
    assert.throws(() => groupRuns(rows, 'nb'), /Unknown field "nb"/);
  });
});

describe('core/runs queryRuns', () => {
  it('filters, sorts and pages, reporting how many matched', () => {
    const r = queryRuns(rows, { filter: 'metrics.auc > 0.8', sort: '-metrics.auc', limit: 2 });
    assert.deepEqual(names(r.rows), ['b', 'e']);
    assert.equal(r.matched, 3);
    assert.equal(r.total, 5);
    assert.deepEqual(names(queryRuns(rows, { filter: 'metrics.auc > 0.8', sort: '-metrics.auc', offset: 2 }).rows), ['a']);
  });

  it('lists newest first by default and narrows by notebook or parent', () => {
    assert.deepEqual(names(queryRuns(rows).rows), ['e', 'd', 'c', 'b', 'a']);
    assert.deepEqual(names(queryRuns(rows, { notebook: 'fraud.mlnb' }).rows), ['d', 'c']);
    assert.deepEqual(names(queryRuns(rows, { parentId: null }).rows), ['e', 'c', 'b', 'a']);
    assert.deepEqual(names(queryRuns(rows, { parentId: '01JD0000000000000000000000' }).rows), ['d']);
  });

  it('throws a FilterSyntaxError for a bad filter and a RangeError for a bad limit', () => {
    assert.throws(() => queryRuns(rows, { filter: 'metrics.auc >' }), FilterSyntaxError);
    assert.throws(() => queryRuns(rows, { limit: -1 }), /limit must be an integer ≥ 0/);
  });
});
