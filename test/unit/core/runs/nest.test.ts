import { strict as assert } from 'node:assert';
import { nestChildRuns } from '../../../../src/core/runs/nest';

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('core/runs nestChildRuns', () => {
  it('puts the folds of a cross-validation right below it, newest-first order otherwise kept', () => {
    // Newest first: the folds started after their parent, and a later fit started after them.
    const rows = [{ id: 'fit2' }, { id: 'fold3', parentId: 'cv' }, { id: 'fold2', parentId: 'cv' }, { id: 'fold1', parentId: 'cv' }, { id: 'cv' }, { id: 'fit1' }];
    assert.deepEqual(ids(nestChildRuns(rows)), ['fit2', 'cv', 'fold3', 'fold2', 'fold1', 'fit1']);
  });

  it('follows chains and leaves children of filtered-out parents in place', () => {
    const rows = [{ id: 'f', parentId: 't' }, { id: 't', parentId: 's' }, { id: 'orphan', parentId: 'gone' }, { id: 's' }];
    assert.deepEqual(ids(nestChildRuns(rows)), ['orphan', 's', 't', 'f']);
  });

  it('keeps every row once, even with a cycle of parents', () => {
    const rows = [{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }, { id: 'c' }];
    assert.deepEqual(ids(nestChildRuns(rows)).sort(), ['a', 'b', 'c']);
  });
});
