import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { RunRecord } from '../../../../src/core/runs/contract';
import { stringifyRunRecord } from '../../../../src/core/runs/stringify';
import { ensureRunFolders } from '../../../../src/store/runs/paths';
import { RunIndex, type IndexChange } from '../../../../src/store/runs/runIndex';
import { FIXTURES } from '../../paths';
import { makeRecord } from '../../core/runs/helpers';
import { HAS_MKFIFO, plantFifo, timed } from '../fifo';
import { tempWorkspace } from './processes';

const VALID = path.join(FIXTURES, 'runs', 'valid');

function idAt(i: number): string {
  return `01JF${String(i).padStart(22, '0')}`;
}

function put(dir: string, record: RunRecord): string {
  const file = path.join(dir, `${record.id}.json`);
  fs.writeFileSync(file, stringifyRunRecord(record));
  return file;
}

describe('store/runs RunIndex', () => {
  let ws: string;
  let runs: string;
  beforeEach(() => {
    ws = tempWorkspace();
    runs = ensureRunFolders(ws);
    for (const name of fs.readdirSync(VALID)) fs.copyFileSync(path.join(VALID, name), path.join(runs, name));
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('loads every record of the workspace into summary rows', () => {
    const index = RunIndex.openSync(ws);
    assert.equal(index.size, 3);
    assert.deepEqual(index.problems(), []);
    const fit = index.get('01JNE3ZK00AAAAAAAAAAAAAAAA')!;
    assert.equal(fit.metrics.auc, 0.912);
    assert.equal(fit.epochs, 5);
    assert.deepEqual(fit.historyMetrics, ['accuracy', 'loss', 'valLoss']);
    assert.deepEqual(fit.data.train, { hash: '3f2a9c0d11e4b5a6', rows: 800, columns: 3, name: 'customers.csv' });
    assert.deepEqual(fit.gates, { passed: 1, failed: 1 });
    assert.equal(fit.file, '.modelbook/runs/01JNE3ZK00AAAAAAAAAAAAAAAA.json');
    assert.equal((fit as unknown as { history?: unknown }).history, undefined, 'histories stay on disk');
    assert.equal(index.readRecord(fit.id).history.epoch.length, 5);
  });

  it('reports corrupt and foreign files with path and reason, skips them, and never throws', () => {
    fs.writeFileSync(path.join(runs, '01JF0000000000000000000000.json'), '{"version": 1, "id": ');
    fs.writeFileSync(path.join(runs, 'notes.txt'), 'hello');
    fs.mkdirSync(path.join(runs, 'old.json'));
    fs.writeFileSync(path.join(runs, 'copy.json'), fs.readFileSync(path.join(VALID, '01JNE3ZK00AAAAAAAAAAAAAAAA.json')));
    fs.writeFileSync(path.join(runs, 'future.json'), JSON.stringify({ version: 2 }));
    fs.writeFileSync(path.join(runs, '.01JF0000000000000000000001.json.999999.abc.tmp'), '{"half');
    fs.writeFileSync(path.join(runs, '.DS_Store'), '');
    fs.writeFileSync(path.join(runs, '01JNE3ZK00AAAAAAAAAAAAAAAA.predictions'), 'ARROW1'); // an evaluation's kept predictions: not a problem
    const index = RunIndex.openSync(ws);
    assert.equal(index.size, 3);
    const problems = Object.fromEntries(index.problems().map((p) => [p.path, p.reason]));
    assert.deepEqual(Object.keys(problems), [
      '.modelbook/runs/01JF0000000000000000000000.json',
      '.modelbook/runs/copy.json',
      '.modelbook/runs/future.json',
      '.modelbook/runs/notes.txt',
      '.modelbook/runs/old.json',
    ]);
    assert.match(problems['.modelbook/runs/01JF0000000000000000000000.json'], /not valid JSON/);
    assert.match(problems['.modelbook/runs/copy.json'], /file name does not match the run id 01JNE3ZK00AAAAAAAAAAAAAAAA/);
    assert.match(problems['.modelbook/runs/future.json'], /newer Modelbook/);
    assert.match(problems['.modelbook/runs/notes.txt'], /only <run id>\.json records and their <run id>\.predictions belong/);
    assert.match(problems['.modelbook/runs/old.json'], /a folder, not a regular file/);
  });

  it('lists a FIFO, socket-like or linked *.json as a problem without blocking, on open, change and refresh', async function () {
    if (!HAS_MKFIFO) this.skip();
    const pipe = path.join(runs, '01JF0000000000000000000009.json');
    const release = plantFifo(pipe);
    try {
      fs.symlinkSync(path.join(VALID, '01JNE3ZK00AAAAAAAAAAAAAAAA.json'), path.join(runs, 'link.json'));
      const ms = await timed(async () => {
        const index = await RunIndex.open(ws);
        assert.equal(index.size, 3);
        const problems = Object.fromEntries(index.problems().map((p) => [p.path, p.reason]));
        assert.match(problems['.modelbook/runs/01JF0000000000000000000009.json'], /^a FIFO \(named pipe\), not a regular file \(only <run id>\.json record files belong/);
        assert.match(problems['.modelbook/runs/link.json'], /^a symbolic link/);
        assert.equal(index.applyChange(pipe, 'changed').kind, 'problem');
        assert.deepEqual(index.refresh(), []);
      });
      assert.ok(ms < 2000, `took ${ms} ms`);
    } finally {
      release();
    }
  });

  it('updates one file at a time from change events, without re-reading the others', () => {
    const index = RunIndex.openSync(ws);
    const heard: IndexChange[][] = [];
    const stop = index.onDidChange((c) => heard.push(c));
    // Corrupt a file behind the index's back: no event, so the index keeps its row (it did not re-read).
    fs.writeFileSync(path.join(runs, '01JNE3ZK01BBBBBBBBBBBBBBBB.json'), 'garbage');

    const file = put(runs, makeRecord({ id: idAt(1), metrics: { auc: 0.5 } }));
    assert.deepEqual(index.applyChange(file, 'created'), { kind: 'added', file: `.modelbook/runs/${idAt(1)}.json`, id: idAt(1) });
    put(runs, makeRecord({ id: idAt(1), metrics: { auc: 0.7 } }));
    assert.equal(index.applyChange({ fsPath: file }, 'changed').kind, 'updated');
    assert.equal(index.get(idAt(1))!.metrics.auc, 0.7);
    assert.ok(index.get('01JNE3ZK01BBBBBBBBBBBBBBBB'), 'the untouched row is still there');

    fs.writeFileSync(file, '{');
    assert.equal(index.applyChange(file, 'changed').kind, 'problem');
    assert.equal(index.get(idAt(1)), undefined, 'a record that became corrupt leaves the index');
    assert.equal(index.problems().length, 1);
    put(runs, makeRecord({ id: idAt(1) }));
    assert.equal(index.applyChange(file, 'changed').kind, 'added');
    assert.equal(index.problems().length, 0, 'fixing the file clears its problem');

    fs.rmSync(file);
    assert.deepEqual(index.applyChange(file, 'deleted'), { kind: 'removed', file: `.modelbook/runs/${idAt(1)}.json`, id: idAt(1) });
    assert.equal(index.applyChange(path.join(ws, 'elsewhere.json'), 'created').kind, 'ignored');
    assert.equal(index.applyChange(path.join(runs, '.x.json.1.a.tmp'), 'created').kind, 'ignored');
    assert.equal(heard.length, 5);
    stop();
    index.applyChange(file, 'deleted');
    assert.equal(heard.length, 5);
  });

  it('refreshes by listing the folder and re-reading only new or changed files', () => {
    const index = RunIndex.openSync(ws);
    assert.deepEqual(index.refresh(), []);
    put(runs, makeRecord({ id: idAt(2) }));
    fs.rmSync(path.join(runs, '01JNE3ZK02CCCCCCCCCCCCCCCC.json'));
    const changed = put(runs, { ...makeRecord({ id: '01JNE3ZK01BBBBBBBBBBBBBBBB', name: 'renamed run' }) });
    fs.utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const changes = index
      .refresh()
      .map((c) => [c.kind, c.id])
      .sort();
    assert.deepEqual(changes, [
      ['added', idAt(2)],
      ['removed', '01JNE3ZK02CCCCCCCCCCCCCCCC'],
      ['updated', '01JNE3ZK01BBBBBBBBBBBBBBBB'],
    ]);
    assert.equal(index.get('01JNE3ZK01BBBBBBBBBBBBBBBB')!.name, 'renamed run');
    fs.writeFileSync(path.join(runs, 'notes.txt'), 'x');
    assert.equal(index.refresh().length, 1);
    assert.equal(index.refresh().length, 0, 'a known problem file is not reported again');
  });

  it('opens asynchronously in chunks to the same rows as openSync', async () => {
    for (let i = 0; i < 1200; i++) put(runs, makeRecord({ id: idAt(100 + i), name: `r${i}`, metrics: { auc: (i % 100) / 100 } }));
    const a = await RunIndex.open(ws);
    const b = RunIndex.openSync(ws);
    assert.equal(a.size, 1203);
    assert.deepEqual(a.rows(), b.rows());
    const top = a.query({ filter: 'metrics.auc >= 0.99', sort: ['-metrics.auc', 'name'], limit: 3 });
    assert.deepEqual(
      top.rows.map((r) => r.name),
      ['r1099', 'r1199', 'r199'],
    );
    assert.equal(top.matched, 12);
  });

  it('finds runs by id prefix, case-insensitively', () => {
    const index = RunIndex.openSync(ws);
    assert.deepEqual(
      index.findByPrefix('01jne3zk01').map((r) => r.id),
      ['01JNE3ZK01BBBBBBBBBBBBBBBB'],
    );
    assert.equal(index.findByPrefix('01JNE3ZK0').length, 3);
    assert.equal(index.findByPrefix('').length, 0);
    assert.throws(() => index.readRecord('nope'), /No run with id nope/);
  });

  it('is empty, not an error, for a workspace without runs', () => {
    const empty = tempWorkspace();
    const index = RunIndex.openSync(empty);
    assert.equal(index.size, 0);
    assert.deepEqual(index.refresh(), []);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});

describe('store/runs RunIndex summary cache', () => {
  let ws: string;
  let runs: string;
  let cacheFile: string;
  beforeEach(() => {
    ws = tempWorkspace();
    runs = ensureRunFolders(ws);
    cacheFile = path.join(tempWorkspace(), 'storage', 'runs-index.json');
    for (let i = 0; i < 20; i++) put(runs, makeRecord({ id: idAt(i), name: `r${i}` }));
  });
  afterEach(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(path.dirname(path.dirname(cacheFile)), { recursive: true, force: true });
  });

  it('reuses rows of files whose size and mtime did not change, and re-reads the others', () => {
    // A whole-second mtime can be restored exactly after the rewrite below.
    const file = path.join(runs, `${idAt(3)}.json`);
    const when = new Date(Date.UTC(2026, 2, 1));
    fs.utimesSync(file, when, when);
    const first = RunIndex.openSync(ws, { cacheFile });
    assert.ok(fs.existsSync(cacheFile));
    // Same size, same mtime, different bytes: only a reader that skipped the file keeps the old row.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"r3"', '"R3"'));
    fs.utimesSync(file, when, when);
    const changed = path.join(runs, `${idAt(4)}.json`);
    put(runs, makeRecord({ id: idAt(4), name: 'renamed' }));
    fs.utimesSync(changed, new Date(), new Date(Date.now() + 10_000));
    fs.rmSync(path.join(runs, `${idAt(5)}.json`));
    put(runs, makeRecord({ id: idAt(99), name: 'new' }));

    const cached = RunIndex.openSync(ws, { cacheFile });
    assert.equal(cached.get(idAt(3))!.name, 'r3', 'unchanged stat: served from the cache');
    assert.equal(cached.get(idAt(4))!.name, 'renamed', 'changed mtime: read again');
    assert.equal(cached.get(idAt(5)), undefined);
    assert.equal(cached.get(idAt(99))!.name, 'new');
    assert.equal(RunIndex.openSync(ws).get(idAt(3))!.name, 'R3', 'without the cache every file is read');
    assert.deepEqual(first.get(idAt(0)), cached.get(idAt(0)));
  });

  it('ignores a corrupt cache, or one written for another folder', () => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, '{"version": 1, "entr');
    assert.equal(RunIndex.openSync(ws, { cacheFile }).size, 20);
    const other = tempWorkspace();
    ensureRunFolders(other);
    RunIndex.openSync(other, { cacheFile });
    assert.equal(RunIndex.openSync(ws, { cacheFile }).size, 20);
    fs.rmSync(other, { recursive: true, force: true });
  });

  it('saves changes taken in after opening when asked', () => {
    const index = RunIndex.openSync(ws, { cacheFile });
    const before = fs.statSync(cacheFile).mtimeMs;
    index.saveCache();
    assert.equal(fs.statSync(cacheFile).mtimeMs, before, 'nothing changed: not rewritten');
    fs.rmSync(path.join(runs, `${idAt(0)}.json`));
    index.applyChange(path.join(runs, `${idAt(0)}.json`), 'deleted');
    index.saveCache();
    assert.equal(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries).length, 19);
  });
});
