import { strict as assert } from 'node:assert';
import { addComment, createThread, deleteComment, editComment, setThreadStatus } from '../../../../src/core/review/threadEdits';
import { fixedContext } from './threadHelpers';
import { REVIEW_LIMITS, type ReviewThread } from '../../../../src/core/review/threadContract';
import { parseThread, serializeThread, validateThread } from '../../../../src/core/review/threads';

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
const bob = { name: 'Bob', email: 'bob@example.com' };

function sample(): ReviewThread {
  const ctx = fixedContext();
  const t = createThread({ notebook: 'nb/churn.mlnb', cellId: 'c1', metric: 'auc', slice: 'region=EU' }, ada, 'Why did **AUC** drop?', ctx);
  return addComment(t, bob, 'The split changed.', ctx);
}

describe('core/review/threads', () => {
  it('reads back what it writes (round trip)', () => {
    const t = sample();
    const r = parseThread(serializeThread(t));
    assert.equal(r.kind, 'ok');
    assert.deepEqual(r.kind === 'ok' && r.value, t);
  });

  it('writes the keys in the format order, whatever order the object was built in, with a final newline', () => {
    const t = sample();
    const shuffled = JSON.parse(
      JSON.stringify({ comments: t.comments, status: t.status, anchor: { slice: 'region=EU', metric: 'auc', cellId: 'c1', notebook: 'nb/churn.mlnb' }, createdAt: t.createdAt, id: t.id, version: 1 }),
    ) as ReviewThread;
    const text = serializeThread(shuffled);
    assert.equal(text, serializeThread(t));
    assert.ok(text.endsWith('}\n'));
    const keys = Object.keys(JSON.parse(text) as object);
    assert.deepEqual(keys, ['version', 'id', 'anchor', 'status', 'createdAt', 'comments']);
    assert.deepEqual(Object.keys((JSON.parse(text) as ReviewThread).anchor), ['notebook', 'cellId', 'metric', 'slice']);
  });

  it('a reply only adds lines at the end of the comments (merge-friendly)', () => {
    const t = sample();
    const before = serializeThread(t).split('\n');
    const after = serializeThread(addComment(t, ada, 'Thanks', fixedContext())).split('\n');
    const common = before.slice(0, before.length - 4);
    assert.deepEqual(after.slice(0, common.length), common);
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"version":1,', /not JSON/],
    ['an array', '[]', /the thread must be an object/],
    ['another version', JSON.stringify({ ...sample(), version: 2 }), /version must be 1/],
    ['an unknown field', JSON.stringify({ ...sample(), extra: 1 }), /unknown field "extra"/],
    ['a bad status', JSON.stringify({ ...sample(), status: 'closed' }), /status must be one of 'open', 'resolved'/],
    ['an id that is a path', JSON.stringify({ ...sample(), id: '../../etc/passwd' }), /id/],
    ['an absolute notebook path', JSON.stringify({ ...sample(), anchor: { notebook: '/etc/x.mlnb', cellId: 'c' } }), /workspace-relative/],
    ['a notebook path with ..', JSON.stringify({ ...sample(), anchor: { notebook: 'a/../../x.mlnb', cellId: 'c' } }), /no "\.\." segments/],
    ['a missing cell id', JSON.stringify({ ...sample(), anchor: { notebook: 'x.mlnb' } }), /anchor.cellId must be a string/],
    ['a comment body that is not text', JSON.stringify({ ...sample(), comments: [{ ...sample().comments[0], body: { html: '<script>' } }] }), /comments\[0\].body must be a string/],
    ['a bad time', JSON.stringify({ ...sample(), createdAt: 'yesterday' }), /createdAt must be an ISO 8601/],
    ['a huge body', JSON.stringify({ ...sample(), comments: [{ ...sample().comments[0], body: 'x'.repeat(REVIEW_LIMITS.bodyChars + 1) }] }), /longer than 20000/],
    ['too many comments', JSON.stringify({ ...sample(), comments: new Array(REVIEW_LIMITS.comments + 1).fill(sample().comments[0]) }), /more than 500/],
    ['repeated comment ids', JSON.stringify({ ...sample(), comments: [sample().comments[0], sample().comments[0]] }), /repeats/],
    ['a file over the size cap', ' '.repeat(REVIEW_LIMITS.fileBytes + 1), /larger than/],
    ['deep nesting', '['.repeat(200_000) + ']'.repeat(200_000), /.+/],
    ['__proto__ as a key', '{"__proto__": {"polluted": true}, "version": 1}', /unknown field "__proto__"/],
  ];
  for (const [what, text, reason] of bad) {
    it(`refuses ${what} with a reason, never a throw`, () => {
      const r = parseThread(text);
      assert.equal(r.kind, 'invalid');
      assert.match(r.kind === 'invalid' ? r.reason : '', reason);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  }

  it('validateThread keeps only the known fields, in a fresh object', () => {
    const t = sample();
    const r = validateThread(JSON.parse(serializeThread(t)));
    assert.equal(r.kind, 'ok');
    assert.notEqual(r.kind === 'ok' && r.value, t);
  });
});

describe('core/review/threadEdits', () => {
  it('edits and deletes only your own comments', () => {
    const t = sample();
    const [mine, theirs] = t.comments;
    const ctx = fixedContext();
    assert.equal(editComment(t, theirs!.id, ada, 'hijack', ctx), undefined);
    assert.equal(deleteComment(t, theirs!.id, ada), undefined);
    const edited = editComment(t, mine!.id, { name: 'A. L.', email: 'ADA@example.com' }, 'Reworded', ctx)!;
    assert.equal(edited.comments[0]!.body, 'Reworded');
    assert.ok(edited.comments[0]!.editedAt);
    assert.deepEqual(
      deleteComment(t, mine!.id, ada)!.comments.map((c) => c.id),
      [theirs!.id],
    );
  });

  it('resolves and reopens', () => {
    const t = setThreadStatus(sample(), 'resolved');
    assert.equal(t.status, 'resolved');
    assert.equal(setThreadStatus(t, 'open').status, 'open');
  });
});
