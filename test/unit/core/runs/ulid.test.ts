import { strict as assert } from 'node:assert';
import { createIdGenerator, runIdTime } from '../../../../src/core/runs/ulid';

function seeded(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
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
    assert.ok(Number.isNaN(runIdTime(a.toLowerCase())), 'run ids are upper case');
  });

  it('counts up within one millisecond, so ids made together keep their order', () => {
    const next = createIdGenerator(seeded(2));
    const t = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 100 }, () => next(t));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, 100);
    assert.ok(next(t - 5) > ids[99], 'a clock that steps back still gives a later id');
  });

  it('draws from crypto.getRandomValues by default: distinct ids in one millisecond across generators', () => {
    const t = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 50 }, () => createIdGenerator()(t));
    assert.equal(new Set(ids).size, 50);
    assert.ok(ids.every((id) => runIdTime(id) === t));
  });

  it('rejects times outside the 48-bit range', () => {
    assert.throws(() => createIdGenerator()(-1), /outside the ULID range/);
    assert.throws(() => createIdGenerator()(2 ** 48), /outside the ULID range/);
  });
});
