import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringifyRunRecord } from '../../../../src/core/runs/stringify';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import { findRunWorkspace, workspaceRelative } from '../../../../src/store/runs/paths';
import { openRunRecorder } from '../../../../src/store/runs/recorder';
import { tempWorkspace } from './processes';

describe('store/runs openRunRecorder', () => {
  let ws: string;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('writes each run to .modelbook/runs/<id>.json as the stable writer prints it, stamped with host, pid and Node', () => {
    const recorder = openRunRecorder(ws, { context: { notebook: 'churn.mlnb' } });
    const run = recorder.start({ name: 'fit', kind: 'fit', params: { lr: 0.1 } });
    run.logEpoch(1, { loss: 0.5 });
    run.finish({ auc: 0.8 });
    recorder.dispose();
    const file = path.join(ws, '.modelbook', 'runs', `${run.id}.json`);
    const text = fs.readFileSync(file, 'utf8');
    const r = parseRunRecord(text, path.basename(file));
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(text, stringifyRunRecord(r.record));
    assert.deepEqual(r.record.host, { hostname: os.hostname(), pid: process.pid });
    assert.equal(r.record.environment.runtime, `node ${process.version}`);
    assert.equal(r.record.history.epoch.length, 1);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), [`${run.id}.json`], 'no temp files left');
  });

  it('creates .modelbook/.gitignore for artefacts once, and never overwrites one the team edited', () => {
    openRunRecorder(ws).dispose();
    const ignore = path.join(ws, '.modelbook', '.gitignore');
    assert.match(fs.readFileSync(ignore, 'utf8'), /^artifacts\/$/m);
    fs.writeFileSync(ignore, 'artifacts/\n*.bin\n');
    openRunRecorder(ws).dispose();
    assert.equal(fs.readFileSync(ignore, 'utf8'), 'artifacts/\n*.bin\n');
  });

  it('stores artefacts beside, not inside, the record', () => {
    const recorder = openRunRecorder(ws);
    const run = recorder.start({ name: 'fit', kind: 'fit' });
    const weights = new Uint8Array(1_000_000).fill(7);
    const art = run.saveArtifact('model/weights.bin', weights);
    run.finish();
    recorder.dispose();
    assert.deepEqual(art, { name: 'model/weights.bin', path: `.modelbook/artifacts/${run.id}/model/weights.bin`, bytes: 1_000_000 });
    assert.deepEqual(fs.readFileSync(path.join(ws, art.path)), Buffer.from(weights));
    assert.ok(fs.statSync(path.join(ws, '.modelbook', 'runs', `${run.id}.json`)).size < 2000);
  });

  it('stops listening for process exit when disposed', () => {
    const before = process.listenerCount('exit');
    const recorder = openRunRecorder(ws);
    assert.equal(process.listenerCount('exit'), before + 1);
    recorder.dispose();
    assert.equal(process.listenerCount('exit'), before);
    assert.throws(() => openRunRecorder(''), /needs the workspace folder/);
  });
});

describe('store/runs paths', () => {
  it('makes workspace-relative, slash-separated paths and refuses paths outside', () => {
    assert.equal(workspaceRelative('/w', '/w/nb/a.mlnb'), 'nb/a.mlnb');
    assert.equal(workspaceRelative('/w', 'nb/a.mlnb'), 'nb/a.mlnb');
    assert.equal(workspaceRelative('/w', '/elsewhere/a.mlnb'), undefined);
  });

  it('finds the workspace above a folder by its .modelbook/runs', () => {
    const ws = tempWorkspace();
    fs.mkdirSync(path.join(ws, '.modelbook', 'runs'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'notebooks', 'deep'), { recursive: true });
    assert.equal(findRunWorkspace(path.join(ws, 'notebooks', 'deep')), ws);
    fs.rmSync(ws, { recursive: true, force: true });
  });
});
