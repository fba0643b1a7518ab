import { strict as assert } from 'node:assert';
import type { DiffSide } from '../../../../src/core/review/contract';
import { headReviews } from '../../../../src/core/review/headReviews';
import { renderDiffMarkdown, renderDiffText } from '../../../../src/core/review/renderers';
import { renderDiffHtml } from '../../../../src/core/review/reportHtml';
import { REVIEW_RECORD_VERSION, type ReviewRecord } from '../../../../src/core/review/threadContract';
import { addComment, createThread, setThreadStatus } from '../../../../src/core/review/threadEdits';
import { fixedContext } from './threadHelpers';

const ada = { name: 'Ada', email: 'ada@example.com' };
const bob = { name: 'Bob <b>', email: 'bob@example.com' };
const COMMIT = '3f2a1c9d04e1aa00bb11cc22dd33ee44ff556677';
const head: DiffSide = { spec: 'HEAD', kind: 'revision', commit: COMMIT, runIds: ['01JDHEAD00000000000000000A'] };

function record(id: string, verdict: ReviewRecord['verdict'], side: ReviewRecord['head'], diffHash: string, createdAt: string, body?: string): ReviewRecord {
  return { version: REVIEW_RECORD_VERSION, id, reviewer: bob, verdict, base: { runIds: [] }, head: side, diffHash, createdAt, ...(body !== undefined ? { body } : {}) };
}

describe('core/review/headReviews: what a diff lists of the review at its head', () => {
  const ctx = fixedContext();
  const open = addComment(createThread({ notebook: 'nb/churn.mlnb', cellId: 'evaluate', metric: 'auc' }, ada, 'Why did **AUC** drop?\n\nDetails below.', ctx), bob, 'The split changed.', ctx);
  const resolved = setThreadStatus(createThread({ notebook: 'nb/churn.mlnb', cellId: 'load' }, bob, 'Fixed', ctx), 'resolved');
  const otherNotebook = createThread({ notebook: 'fraud.mlnb', cellId: 'c1', slice: 'region=EU' }, bob, `${'x'.repeat(300)}`, ctx);

  it('lists open threads only, oldest first, with their anchor, first author, comment count and a one-line title', () => {
    const { threads } = headReviews([otherNotebook, resolved, open], [], head, '');
    assert.deepEqual(
      threads.map((t) => t.id),
      [open.id, otherNotebook.id],
    );
    assert.deepEqual(threads[0], { id: open.id, notebook: 'nb/churn.mlnb', cellId: 'evaluate', metric: 'auc', author: 'Ada', createdAt: open.createdAt, comments: 2, title: 'Why did **AUC** drop?' });
    assert.equal(threads[1]!.title.length, 120);
    assert.ok(threads[1]!.title.endsWith('…'));
  });

  it('--notebook keeps the threads of that notebook (by path or file name)', () => {
    assert.deepEqual(
      headReviews([open, otherNotebook], [], head, '', 'churn.mlnb').threads.map((t) => t.id),
      [open.id],
    );
  });

  it('keeps the reviews of this head (its commit, a prefix of it, the revision asked, or the same runs) and says which saw this very diff', () => {
    const reviews = [
      record('01JD0000000000000000000004', 'request-changes', { rev: 'main', runIds: ['01JDOTHER0000000000000000A'] }, 'h', '2026-12-07T04:00:00.000Z'),
      record('01JD0000000000000000000001', 'approve', { rev: COMMIT, runIds: [] }, 'h', '2026-12-07T01:00:00.000Z'),
      record('01JD0000000000000000000002', 'request-changes', { rev: COMMIT.slice(0, 7), runIds: [] }, 'old', '2026-12-07T02:00:00.000Z', '\nPlease\u202e re-run the split.\nMore.'),
      record('01JD0000000000000000000003', 'approve', { runIds: ['01JDHEAD00000000000000000A'] }, 'h', '2026-12-07T03:00:00.000Z'),
      record('01JD0000000000000000000005', 'approve', { rev: COMMIT.slice(0, 4), runIds: [] }, 'h', '2026-12-07T05:00:00.000Z'),
    ];
    const listed = headReviews([], reviews, head, 'h').reviews;
    assert.deepEqual(
      listed.map((r) => [r.id.slice(-1), r.verdict, r.sameDiff]),
      [
        ['1', 'approve', true],
        ['2', 'request-changes', false],
        ['3', 'approve', true],
      ],
    );
    assert.equal(listed[1]!.title, 'Please re-run the split.', 'the first non-empty line, without bidi controls');
    assert.equal(headReviews([], reviews, head, '').reviews[0]!.sameDiff, false, 'no hash: nothing is the same diff');
  });

  it('text, Markdown and HTML show the section, escaped; Markdown folds a long one in <details>', () => {
    const base = {
      schemaVersion: 1 as const,
      base: { spec: 'main', kind: 'revision' as const, runIds: [] },
      head,
      code: [],
      pairs: [],
      unpaired: [],
      verdict: 'nothing to compare',
      failed: false,
      failOn: 'gates' as const,
    };
    const listed = headReviews([open], [record('01JD0000000000000000000001', 'approve', { rev: COMMIT, runIds: [] }, 'h', '2026-12-07T01:00:00.000Z')], head, 'h');
    const diff = { ...base, ...listed };
    const text = renderDiffText(diff);
    assert.match(
      text,
      /== review at head: 1 open review thread · 1 review\n {3}✓ approved by Bob <b> \(this diff, 2026-12-07\)\n {3}thread nb\/churn\.mlnb · cell evaluate · metric auc — Ada, 2 comments: Why did \*\*AUC\*\* drop\?/,
    );
    const md = renderDiffMarkdown(diff);
    assert.match(
      md,
      /\*\*Review:\*\* 1 open review thread · 1 review\n\n- ✅ approved by Bob &lt;b&gt; \(this diff, 2026-12-07\)\n- 💬 `nb\/churn\.mlnb` cell `evaluate` \(metric `auc`\) — Ada, 2 comments: Why did \*\*AUC\*\* drop\?/,
    );
    assert.doesNotMatch(md, /<details><summary><b>Review/);
    const many = Array.from({ length: 6 }, () => createThread({ notebook: 'a.mlnb', cellId: 'c' }, ada, 'Look', ctx));
    const long = renderDiffMarkdown({ ...base, ...headReviews(many, [], head, '') });
    assert.match(long, /<details><summary><b>Review:<\/b> 6 open review threads · 0 reviews<\/summary>\n\n(- 💬 .*\n){6}\n<\/details>/);
    const html = renderDiffHtml(diff);
    assert.match(html, /<section id="review"><h2>Review/);
    assert.match(html, /Bob &lt;b&gt;/);
    assert.doesNotMatch(html, /Bob <b>/);
    assert.doesNotMatch(renderDiffText(base), /review at head/, 'no section without threads or reviews');
  });
});
