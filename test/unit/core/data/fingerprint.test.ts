import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { dataFingerprint, rowHashes } from '../../../../src/core/data/fingerprint';

describe('core/data fingerprint', () => {
  it('gives equal rows equal hashes and different rows different ones', () => {
    const h = rowHashes(aq.table({ a: [1, 1, 2], b: ['x', 'x', 'x'] }));
    assert.equal(h[0], h[1]);
    assert.notEqual(h[0], h[2]);
  });

  it('does not confuse a number with the same text, or shifted values between columns', () => {
    const h1 = rowHashes(aq.table({ a: [1], b: ['1'] }));
    const h2 = rowHashes(aq.table({ a: ['1'], b: [1] }));
    const h3 = rowHashes(aq.table({ a: ['ab'], b: ['c'] }));
    const h4 = rowHashes(aq.table({ a: ['a'], b: ['bc'] }));
    assert.notEqual(h1[0], h2[0]);
    assert.notEqual(h3[0], h4[0]);
  });

  it('fingerprints content, rows and schema; the same data gives the same hash', () => {
    const t = aq.table({ age: [30, 40], name: ['a', 'b'] });
    const f = dataFingerprint(t);
    assert.deepEqual(f.columns, [
      { name: 'age', type: 'number' },
      { name: 'name', type: 'string' },
    ]);
    assert.equal(f.rows, 2);
    assert.equal(dataFingerprint(aq.table({ age: [30, 40], name: ['a', 'b'] })).hash, f.hash);
    assert.notEqual(dataFingerprint(aq.table({ age: [30, 41], name: ['a', 'b'] })).hash, f.hash);
    assert.match(f.hash, /^[0-9a-f]{16}$/);
  });
});
