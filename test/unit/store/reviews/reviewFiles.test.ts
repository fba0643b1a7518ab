import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModelDiff } from '../../../../src/core/review/contract';
import { createThread } from '../../../../src/core/review/threadEdits';
import { THREADS_DIR } from '../../../../src/core/review/threadContract';
import { serializeThread } from '../../../../src/core/review/threads';
import { deleteThread, hashModelDiff, listReviews, listThreads, readThread, writeReview, writeThread } from '../../../../src/store/reviews/reviewFiles';
import { fixedContext } from '../../core/review/threadHelpers';
import { HAS_MKFIFO, plantFifo } from '../fifo';

const me = { name: 'Ada', email: 'ada@example.com' };

describe('store/reviews/reviewFiles', () => {
  let ws: string;
  beforeEach(() => (ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-reviews-'))));
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('writes a thread atomically under .modelbook/reviews/threads/<id>.json, lists, reads and deletes it', () => {
    const t = createThread({ notebook: 'churn.mlnb', cellId: 'c1' }, me, 'hello', fixedContext());
    const file = writeThread(ws, t);
    assert.equal(file, path.join(ws, THREADS_DIR, `${t.id}.json`));
    writeThread(ws, { ...t, status: 'resolved' });
    assert.deepEqual(fs.readdirSync(path.dirname(file)), [`${t.id}.json`], 'no temp files left');
    assert.deepEqual(listThreads(ws), { items: [{ ...t, status: 'resolved' }], problems: [] });
    assert.equal(readThread(ws, t.id).kind, 'ok');
    deleteThread(ws, t.id);
    assert.deepEqual(listThreads(ws), { items: [], problems: [] });
  });

  it('lists nothing (and no problem) when there is no reviews folder', () => {
    assert.deepEqual(listThreads(ws), { items: [], problems: [] });
    assert.deepEqual(listReviews(ws), { items: [], problems: [] });
  });

  it('reports bad files with a reason and keeps the good ones: not JSON, a symlink, a FIFO, a wrong id, too big', () => {
    const ctx = fixedContext();
    const good = createThread({ notebook: 'a.mlnb', cellId: 'c' }, me, 'ok', ctx);
    writeThread(ws, good);
    const dir = path.join(ws, THREADS_DIR);
    const other = createThread({ notebook: 'a.mlnb', cellId: 'c' }, me, 'x', ctx);
    fs.writeFileSync(path.join(dir, '01AAAAAAAAAAAAAAAAAAAAAAAA.json'), '{oops');
    fs.writeFileSync(path.join(dir, '01BBBBBBBBBBBBBBBBBBBBBBBB.json'), serializeThread(other));
    fs.writeFileSync(path.join(dir, '01CCCCCCCCCCCCCCCCCCCCCCCC.json'), ' '.repeat((1 << 20) + 1));
    fs.symlinkSync('/etc/passwd', path.join(dir, '01DDDDDDDDDDDDDDDDDDDDDDDD.json'));
    const stopFifo = HAS_MKFIFO ? plantFifo(path.join(dir, '01EEEEEEEEEEEEEEEEEEEEEEEE.json')) : undefined;
    const { items, problems } = listThreads(ws);
    assert.deepEqual(
      items.map((t) => t.id),
      [good.id],
    );
    const reasons = Object.fromEntries(problems.map((p) => [path.basename(p.file).slice(0, 2) + path.basename(p.file)[2], p.reason]));
    assert.match(reasons['01A']!, /not JSON/);
    assert.match(reasons['01B']!, /does not match its file name/);
    assert.match(reasons['01C']!, /larger than|bytes/);
    assert.match(reasons['01D']!, /link/);
    if (stopFifo) {
      assert.match(reasons['01E']!, /FIFO/);
      stopFifo();
    }
  });

  it('refuses to write through a symlinked reviews folder (a cell could plant one pointing outside)', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-outside-'));
    fs.mkdirSync(path.join(ws, '.modelbook'));
    fs.symlinkSync(outside, path.join(ws, '.modelbook', 'reviews'));
    const t = createThread({ notebook: 'a.mlnb', cellId: 'c' }, me, 'x', fixedContext());
    assert.throws(() => writeThread(ws, t), /symbolic link/);
    assert.deepEqual(fs.readdirSync(outside), []);
    assert.equal(listThreads(ws).problems.length, 1);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('refuses ids that are not ULIDs (no path traversal through an id)', () => {
    const t = createThread({ notebook: 'a.mlnb', cellId: 'c' }, me, 'x', fixedContext());
    assert.throws(() => writeThread(ws, { ...t, id: '../../x' }), /ULID/);
    assert.throws(() => deleteThread(ws, '../x'), /not a thread id/);
    assert.equal(readThread(ws, '../x').kind, 'invalid');
  });

  it('writes review records and hashes the canonical diff JSON with sha-256', () => {
    const diff = { schemaVersion: 1, verdict: 'v', failed: false } as unknown as ModelDiff;
    const hash = hashModelDiff(diff);
    assert.equal(hash, createHash('sha256').update('{"failed":false,"schemaVersion":1,"verdict":"v"}').digest('hex'));
    writeReview(ws, {
      version: 1,
      id: '01JDQ7Z8K5W3M2T9XG4E6HRB1C',
      reviewer: me,
      verdict: 'approve',
      base: { rev: 'main', runIds: [] },
      head: { rev: 'HEAD', runIds: ['r1'] },
      diffHash: hash,
      createdAt: '2026-12-07T05:00:00.000Z',
    });
    const { items, problems } = listReviews(ws);
    assert.deepEqual(problems, []);
    assert.equal(items[0]!.diffHash, hash);
  });
});
