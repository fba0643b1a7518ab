import { strict as assert } from 'node:assert';
import { anchorThreads } from '../../../../src/core/review/anchorThreads';
import { createThread } from '../../../../src/core/review/threadEdits';
import { fixedContext } from './threadHelpers';

const me = { name: 'Ada', email: 'ada@example.com' };

describe('core/review/anchorThreads', () => {
  const ctx = fixedContext();
  const onB = createThread({ notebook: 'churn.mlnb', cellId: 'b' }, me, 'on b', ctx);
  const onGone = createThread({ notebook: 'churn.mlnb', cellId: 'gone' }, me, 'on a deleted cell', ctx);
  const elsewhere = createThread({ notebook: 'other.mlnb', cellId: 'b' }, me, 'other notebook', ctx);

  it('places each thread on the cell with its id, and marks a thread whose cell is gone outdated', () => {
    const placed = anchorThreads([onB, onGone, elsewhere], 'churn.mlnb', ['a', 'b', 'c']);
    assert.deepEqual(
      placed.map((p) => [p.thread.anchor.cellId, p.kind, p.kind === 'placed' ? p.cellIndex : -1]),
      [
        ['b', 'placed', 1],
        ['gone', 'outdated', -1],
      ],
    );
  });

  it('follows the cell after a cell is inserted above it or the cells are reordered', () => {
    const [p] = anchorThreads([onB], 'churn.mlnb', ['new', 'a', 'c', 'b']);
    assert.deepEqual(p!.kind === 'placed' && p!.cellIndex, 3);
  });

  it('takes the first of repeated cell ids and skips cells without an id', () => {
    const [p] = anchorThreads([onB], 'churn.mlnb', [undefined, 'b', 'b']);
    assert.deepEqual(p!.kind === 'placed' && p!.cellIndex, 1);
  });
});
