import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import { annotateRun } from '../../../../src/store/runs/annotate';
import { openRunRecorder } from '../../../../src/store/runs/recorder';
import { RunIndex } from '../../../../src/store/runs/runIndex';
import { tempWorkspace } from './processes';

describe('store/runs annotateRun', () => {
  let ws: string;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('adds and removes tags and replaces notes of an ended run, in its file and the index', () => {
    const recorder = openRunRecorder(ws);
    const run = recorder.start({ name: 'fit', kind: 'fit', tags: ['draft', 'mlp'] });
    run.finish();
    const running = recorder.start({ name: 'still going', kind: 'fit' });
    const index = RunIndex.openSync(ws);
    annotateRun(index, run.id, { addTags: ['baseline', 'mlp'], removeTags: ['draft'], notes: 'Chosen for release.' });
    const r = parseRunRecord(fs.readFileSync(path.join(ws, '.modelbook', 'runs', `${run.id}.json`), 'utf8'));
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual([r.record.tags, r.record.notes], [['mlp', 'baseline'], 'Chosen for release.']);
    assert.equal(index.query({ filter: 'tags has "baseline"' }).matched, 1);
    assert.throws(() => annotateRun(index, running.id, { addTags: ['x'] }), /still running; tag it from its cell/);
    assert.throws(() => annotateRun(index, 'nope', {}), /No run with id nope/);
    assert.throws(() => annotateRun(index, run.id, { addTags: [''] }), /non-empty strings/);
    running.finish();
    recorder.dispose();
  });
});
