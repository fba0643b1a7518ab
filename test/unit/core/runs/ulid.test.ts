import { strict as assert } from 'node:assert';
import { createIdGenerator, runIdTime } from '../../../../src/core/runs/ulid';

function seeded(seed: number) {
  return (n: number) => Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 31);
}

describe('core/runs ulid', () => {
  it('gives 26-character Crockford ids that encode the time and sort by it', () => {
    const next = createIdGenerator(seeded(1));
    const a = next(Date.UTC(2026, 0, 1));
    const b = next(Date.UTC(2026, 0, 2));
    assert.match(a, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.equal(runIdTime(a), Date.UTC(2026, 0, 1));
    assert.ok(a < b);
    assert.ok(Number.isNaN(runIdTime('not-an-id')));
  });

  it('counts up within one millisecond, so ids made together keep their order', () => {
    const next = createIdGenerator(() => new Array(16).fill(31));
    const t = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 100 }, () => next(t));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, 100);
  });

  it('rejects times outside the 48-bit range', () => {
    assert.throws(() => createIdGenerator()(-1), /outside the ULID range/);
  });
});
