import { strict as assert } from 'node:assert';
import { matchRows } from '../../../../src/core/review/matchRows';

/** The matched pairs as [baseId, headId] for reading. */
function pairs(base: string[], head: string[]): [string, string][] {
  const m = matchRows({ rowIds: base }, { rowIds: head });
  return Array.from(m.base, (i, k) => [`${base[i]}@${i}`, `${head[m.head[k]]}@${m.head[k]}`]);
}

describe('review/matchRows', () => {
  it('matches identical rows one to one, in base order', () => {
    const m = matchRows({ rowIds: ['a', 'b', 'c'] }, { rowIds: ['a', 'b', 'c'] });
    assert.deepEqual([...m.base], [0, 1, 2]);
    assert.deepEqual([...m.head], [0, 1, 2]);
    assert.deepEqual([m.onlyBase, m.onlyHead, m.duplicateIds], [0, 0, 0]);
  });

  it('matches reordered rows by id', () => {
    assert.deepEqual(pairs(['a', 'b', 'c', 'd'], ['d', 'b', 'a', 'c']), [
      ['a@0', 'a@2'],
      ['b@1', 'b@1'],
      ['c@2', 'c@3'],
      ['d@3', 'd@0'],
    ]);
  });

  it('counts rows kept on one side only (removed from head, added in head)', () => {
    const m = matchRows({ rowIds: ['a', 'b', 'c', 'x'] }, { rowIds: ['c', 'y', 'a', 'z', 'w'] });
    assert.deepEqual([...m.base], [0, 2]);
    assert.deepEqual([...m.head], [2, 0]);
    assert.equal(m.onlyBase, 2); // b, x
    assert.equal(m.onlyHead, 3); // y, z, w
  });

  it('matches a repeated id in order of occurrence and counts it', () => {
    // 'a' three times in base, twice in head: first with first, second with second, the third left over.
    assert.deepEqual(pairs(['a', 'b', 'a', 'a'], ['a', 'a', 'b']), [
      ['a@0', 'a@0'],
      ['b@1', 'b@2'],
      ['a@2', 'a@1'],
    ]);
    const m = matchRows({ rowIds: ['a', 'b', 'a', 'a', 'q', 'q'] }, { rowIds: ['a', 'a', 'b', 'r', 'r'] });
    assert.equal(m.duplicateIds, 3); // a (both sides), q (base only), r (head only)
    assert.deepEqual([m.onlyBase, m.onlyHead], [3, 2]);
  });

  it('matches nothing between disjoint or empty sides', () => {
    const m = matchRows({ rowIds: ['a'] }, { rowIds: ['b'] });
    assert.deepEqual([m.base.length, m.onlyBase, m.onlyHead], [0, 1, 1]);
    assert.equal(matchRows({ rowIds: [] }, { rowIds: [] }).base.length, 0);
  });

  it('says which side lacks row ids', () => {
    assert.throws(() => matchRows({ rowIds: ['a'] }, {} as never), /matchRows: the head prediction set has no rowIds list/);
  });
});
