import { strict as assert } from 'node:assert';
import { collectGroups, groupRows } from '../../../../../src/core/evaluation/fairness/groups';

describe('core/evaluation collectGroups', () => {
  it('groups by one column, sorted by value, with a (missing) group last', () => {
    const g = collectGroups({ age: [30, 4, null, 30, 100] }, ['age']);
    assert.deepEqual(g.keys, ['4', '30', '100', '(missing)']);
    assert.deepEqual(g.sizes, [1, 2, 1, 1]);
    assert.deepEqual(Array.from(g.codes), [1, 0, 3, 1, 2]);
    assert.deepEqual(g.values[3], { age: null });
  });

  it('groups by the intersection of several columns', () => {
    const g = collectGroups({ sex: ['F', 'M', 'F', 'F'], island: ['x', 'x', 'y', 'x'] }, ['sex', 'island']);
    assert.equal(g.name, 'sex × island');
    assert.deepEqual(g.keys, ['F × x', 'F × y', 'M × x']);
    assert.deepEqual(g.sizes, [2, 1, 1]);
    assert.deepEqual(
      groupRows(g).map((r) => Array.from(r)),
      [[0, 3], [2], [1]],
    );
  });

  it('names a missing column and a length mismatch', () => {
    assert.throws(() => collectGroups({ sex: ['F'] }, ['race']), /no group column "race"; columns: sex/);
    assert.throws(() => collectGroups({ sex: ['F', 'M'] }, ['sex'], 3), /has 2 values for 3 rows/);
  });
});
