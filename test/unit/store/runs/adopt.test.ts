import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import type { RunRecord } from '../../../../src/core/runs/contract';
import { adoptUntitledRuns } from '../../../../src/store/runs/adopt';
import { openRunRecorder } from '../../../../src/store/runs/recorder';
import { tempWorkspace } from './processes';

describe('store/runs adoptUntitledRuns', () => {
  let ws: string;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  const read = (id: string): RunRecord => {
    const r = parseRunRecord(fs.readFileSync(path.join(ws, '.modelbook', 'runs', `${id}.json`), 'utf8'));
    assert.ok(r.ok);
    return r.record;
  };
  const me = { hostname: os.hostname(), pid: process.pid };

  it("gives the saved notebook's path to the runs its kernel recorded without one, and to no other run", () => {
    const sinceMs = Date.now();
    const recorder = openRunRecorder(ws);
    const untitled = recorder.start({ name: 'fit', kind: 'fit' });
    untitled.finish();
    const other = recorder.start({ name: 'fit elsewhere', kind: 'fit', context: { notebook: 'other.mlnb' } });
    other.finish();
    const stranger = recorder.start({ name: 'another process', kind: 'fit' });
    stranger.finish();
    recorder.dispose();
    // The same run as written by another kernel process.
    const strangerFile = path.join(ws, '.modelbook', 'runs', `${stranger.id}.json`);
    const strangerText = fs.readFileSync(strangerFile, 'utf8').replace(`"pid": ${process.pid}`, `"pid": ${process.pid + 100000}`);
    fs.writeFileSync(strangerFile, strangerText);

    const adopted = adoptUntitledRuns(ws, [me], { sinceMs, notebook: 'notebooks/foo.mlnb' });

    assert.deepEqual(adopted, [untitled.id]);
    assert.equal(read(untitled.id).notebook, 'notebooks/foo.mlnb');
    assert.equal(read(untitled.id).status, 'finished', 'the rest of the record is kept');
    assert.equal(read(other.id).notebook, 'other.mlnb');
    assert.equal(fs.readFileSync(strangerFile, 'utf8'), strangerText, "another process's run is not rewritten");
    assert.deepEqual(
      fs.readdirSync(path.join(ws, '.modelbook', 'runs')).filter((n) => n.endsWith('.tmp')),
      [],
      'no temp file left',
    );
  });

  it("leaves runs recorded before the notebook's kernel started, and does nothing without runs", () => {
    const recorder = openRunRecorder(ws);
    const earlier = recorder.start({ name: 'fit', kind: 'fit' });
    earlier.finish();
    recorder.dispose();
    assert.deepEqual(adoptUntitledRuns(ws, [me], { sinceMs: Date.now() + 60_000, notebook: 'foo.mlnb' }), []);
    assert.equal(read(earlier.id).notebook, undefined);
    assert.deepEqual(adoptUntitledRuns(path.join(ws, 'empty'), [me], { sinceMs: 0, notebook: 'foo.mlnb' }), []);
  });
});
