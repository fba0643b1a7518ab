import { strict as assert } from 'node:assert';
import { table } from 'arquero';
import { collectColumn } from '../../../../src/core/data/columns';
import { rowHashes } from '../../../../src/core/data/fingerprint';
import { countDuplicateRows } from '../../../../src/core/data/quality/duplicates';
import { referenceOrSkip, runPython } from './python';

const count = (t: ReturnType<typeof table>) => countDuplicateRows(t.columnNames().map((n) => collectColumn(t, n)));

describe('core/data countDuplicateRows', () => {
  it("counts repeated rows as pandas' duplicated() does, with missing values, -0 and text", function () {
    const data = { a: [1, 1, null, null, 0, -0, 2, 2], b: ['x', 'x', null, null, 'y', 'y', 'z', 'w'], c: [true, true, false, false, true, true, null, null] };
    const ref = referenceOrSkip<number>(this, runPython('import pandas as pd\nprint(int(pd.DataFrame(data).duplicated().sum()))', data));
    assert.equal(count(table(data)), ref);
  });

  it('agrees with counting distinct rowHashes on random data', () => {
    let seed = 1;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const n = 5000;
    const t = table({
      x: Array.from({ length: n }, () => Math.floor(rand() * 5)),
      s: Array.from({ length: n }, () => ['a', 'b', 'c'][Math.floor(rand() * 3)]),
      d: Array.from({ length: n }, () => new Date(Date.UTC(2020, 0, 1 + Math.floor(rand() * 4)))),
    });
    const distinct = new Set(rowHashes(t)).size;
    assert.equal(count(t), n - distinct);
    assert.ok(count(t) > 0);
  });
});
