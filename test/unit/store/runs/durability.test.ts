import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import { hostLiveness } from '../../../../src/store/runs/liveness';
import { runsFolder } from '../../../../src/store/runs/paths';
import { markInterruptedRuns } from '../../../../src/store/runs/annotate';
import { RunIndex } from '../../../../src/store/runs/runIndex';
import { isTempFile, removeStaleTempFiles } from '../../../../src/store/runs/tempFiles';
import { buildWriter, exited, firstLine, startWriter, tempWorkspace } from './processes';

const KILLS = 40;

/** Every file in the runs folder is a valid record or a writer's temp file; returns the counts. */
function checkFolder(dir: string): { records: number; temps: number } {
  let records = 0;
  let temps = 0;
  for (const name of fs.readdirSync(dir)) {
    if (isTempFile(name)) {
      temps++;
      continue;
    }
    const r = parseRunRecord(fs.readFileSync(path.join(dir, name), 'utf8'), name);
    assert.ok(r.ok, `${name} is not a valid record after a kill: ${r.ok ? '' : r.reason}`);
    records++;
  }
  return { records, temps };
}

describe('store/runs durability', function () {
  this.timeout(180_000);
  let writer: string;
  let ws: string;
  before(() => (writer = buildWriter()));
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));
  after(() => fs.rmSync(path.dirname(writer), { recursive: true, force: true }));

  it(`never leaves a half-written record when the writer is SIGKILLed at random moments (${KILLS} kills)`, async () => {
    let seed = 20260301;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < KILLS; i++) {
      const child = startWriter(writer, ['loop', ws]);
      await firstLine(child);
      await new Promise((r) => setTimeout(r, 2 + random() * 120));
      child.kill('SIGKILL');
      await exited(child);
      checkFolder(runsFolder(ws));
    }
    const { records, temps } = checkFolder(runsFolder(ws));
    assert.ok(records >= KILLS, `${records} records written`);
    // Each kill that landed between creating a temp file and renaming it left one behind.
    console.log(`      ${records} records, all valid, after ${KILLS} kills; ${temps} kills landed mid-write`);

    // Killed mid-run, some runs are stored as running: their writers are dead, so they read as interrupted.
    const index = RunIndex.openSync(ws, { liveness: () => hostLiveness({ staleAfterMs: 0 }) });
    assert.deepEqual(index.problems(), []);
    assert.equal(index.size, records);
    const running = index.rows().filter((r) => r.recordedStatus === 'running');
    assert.ok(running.length > 0, 'some runs were killed mid-run');
    assert.ok(running.every((r) => r.status === 'interrupted'));

    // Temp files of dead writers are cleaned up; marking rewrites the killed runs on request only.
    removeStaleTempFiles(runsFolder(ws), 0);
    assert.equal(checkFolder(runsFolder(ws)).temps, 0);
    assert.deepEqual(markInterruptedRuns(index).sort(), running.map((r) => r.id).sort());
    assert.equal(
      RunIndex.openSync(ws)
        .rows()
        .filter((r) => r.recordedStatus === 'running').length,
      0,
    );
  });

  it('loses no run when four processes write runs at the same time', async () => {
    const children = Array.from({ length: 4 }, () => startWriter(writer, ['batch', ws, '100']));
    const codes = await Promise.all(children.map(exited));
    assert.deepEqual(codes, [0, 0, 0, 0]);
    const { records, temps } = checkFolder(runsFolder(ws));
    assert.equal(records, 400);
    assert.equal(temps, 0);
    const index = RunIndex.openSync(ws);
    assert.equal(index.size, 400);
    assert.equal(new Set(index.rows().map((r) => r.name)).size, 400, 'every process wrote all of its runs');
    assert.ok(index.rows().every((r) => r.status === 'finished'));
    assert.equal(fs.readFileSync(path.join(ws, '.modelbook', '.gitignore'), 'utf8').includes('artifacts/'), true);
  });

  it('shows a killed run as interrupted on read without rewriting its file, and a live one as running', async () => {
    const child = startWriter(writer, ['hang', ws]);
    const id = await firstLine(child);
    const file = path.join(runsFolder(ws), `${id}.json`);
    const liveness = () => hostLiveness({ staleAfterMs: 0 });
    assert.equal(RunIndex.openSync(ws, { liveness }).get(id)?.status, 'running', 'its process is alive');
    child.kill('SIGKILL');
    await exited(child);
    const before = fs.readFileSync(file, 'utf8');
    const index = RunIndex.openSync(ws, { liveness });
    assert.equal(index.get(id)?.status, 'interrupted');
    assert.equal(index.get(id)?.recordedStatus, 'running');
    assert.equal(index.query({ filter: 'status == "interrupted"' }).rows.length, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'reading did not rewrite the file');
    assert.equal(RunIndex.openSync(ws).get(id)?.status, 'running', 'with the default 30 s grace it is not yet called interrupted');
  });

  it('writes records inside the kernel sandbox (Node permission model), where fsync is refused', async () => {
    const sandbox = ['--experimental-permission', '--allow-fs-read=*', `--allow-fs-write=${ws}/`, '--no-warnings'];
    const child = startWriter(writer, ['batch', ws, '5'], sandbox);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    assert.equal(await exited(child), 0, err);
    assert.deepEqual(checkFolder(runsFolder(ws)), { records: 5, temps: 0 });
  });

  it('marks runs still open when the process exits as interrupted', async () => {
    const child = startWriter(writer, ['exit', ws]);
    const id = await firstLine(child);
    assert.equal(await exited(child), 0);
    const r = parseRunRecord(fs.readFileSync(path.join(runsFolder(ws), `${id}.json`), 'utf8'));
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.record.status, 'interrupted');
      assert.equal(r.record.error?.message, 'the process exited before the run ended');
    }
  });
});
