import { strict as assert } from 'node:assert';
import { canonicalDiffJson, parseReviewRecord, serializeReviewRecord } from '../../../../src/core/review/reviewRecords';
import type { ModelDiff } from '../../../../src/core/review/contract';
import type { ReviewRecord } from '../../../../src/core/review/threadContract';

const record: ReviewRecord = {
  version: 1,
  id: '01JDQ7Z8K5W3M2T9XG4E6HRB1C',
  reviewer: { name: 'Ada', email: 'ada@example.com' },
  verdict: 'request-changes',
  base: { rev: 'main', runIds: ['01JDQ7Z8K5W3M2T9XG4E6HRB1D'] },
  head: { runIds: [] },
  diffHash: 'a'.repeat(64),
  createdAt: '2026-12-07T05:00:00.000Z',
  body: 'AUC dropped on **EU**.',
};

describe('core/review/reviewRecords', () => {
  it('round-trips a review record in the format key order', () => {
    const text = serializeReviewRecord(record);
    assert.deepEqual(Object.keys(JSON.parse(text) as object), ['version', 'id', 'reviewer', 'verdict', 'base', 'head', 'diffHash', 'createdAt', 'body']);
    const r = parseReviewRecord(text);
    assert.deepEqual(r, { kind: 'ok', value: record });
  });

  it('refuses a bad verdict, a bad hash and a runIds that is not a list', () => {
    for (const [patch, reason] of [
      [{ verdict: 'lgtm' }, /verdict must be one of/],
      [{ diffHash: 'not-hex' }, /diffHash/],
      [{ base: { runIds: 'x' } }, /base.runIds must be a list/],
    ] as const) {
      const r = parseReviewRecord(JSON.stringify({ ...record, ...patch }));
      assert.equal(r.kind, 'invalid');
      assert.match(r.kind === 'invalid' ? r.reason : '', reason);
    }
  });

  it('gives the same canonical JSON whatever order the diff keys were built in', () => {
    const a = { schemaVersion: 1, verdict: 'same', failed: false, notes: [1, NaN, undefined] } as unknown as ModelDiff;
    const b = { failed: false, notes: [1, NaN, undefined], verdict: 'same', schemaVersion: 1, skipped: undefined } as unknown as ModelDiff;
    assert.equal(canonicalDiffJson(a), canonicalDiffJson(b));
    assert.equal(canonicalDiffJson(a), '{"failed":false,"notes":[1,null,null],"schemaVersion":1,"verdict":"same"}');
  });
});
