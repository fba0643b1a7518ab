import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { runCli, codeNotebook } from './cliHelpers';
import { parseNotebook } from '../../../src/core/notebook/parse';
import type { CodeCell } from '../../../src/core/notebook/contract';
import { HAS_MKFIFO, plantFifo } from '../store/fifo';

const cli = (args: string[], cwd: string) => runCli(args, cwd, { timeout: 60_000 });

describe('cli: modelbook run', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-cli-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, cells: string[]) => fs.writeFileSync(path.join(dir, name), codeNotebook(cells));
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));

  it('runs every cell, writes outputs in place and exits 0', () => {
    write('a.mlnb', ["console.log('hi')", 'const x: number = 20;\nx * 2 + 2']);
    const r = cli(['run', 'a.mlnb'], dir);
    assert.equal(r.code, 0, r.stderr);
    const nb = read('a.mlnb');
    assert.deepEqual(nb.cells[0].outputs, [{ name: 'stdout', output_type: 'stream', text: ['hi\n'] }]);
    assert.deepEqual(nb.cells[1].outputs[0].data, { 'text/plain': ['42'] });
    assert.deepEqual(
      nb.cells.map((c: { execution_count: number }) => c.execution_count),
      [1, 2],
    );
    assert.match(r.stderr, /2 cells ran, 0 failed/);
  });

  it('writes to --out and leaves the original untouched; a second run gives the same bytes', () => {
    write('a.mlnb', ["import * as aq from 'arquero';\naq.table({ a: [1, 2] })", "console.log('det')"]);
    const original = fs.readFileSync(path.join(dir, 'a.mlnb'), 'utf8');
    assert.equal(cli(['run', 'a.mlnb', '--out', 'b.mlnb'], dir).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.mlnb'), 'utf8'), original);
    const first = fs.readFileSync(path.join(dir, 'b.mlnb'), 'utf8');
    assert.equal(cli(['run', 'b.mlnb'], dir).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'b.mlnb'), 'utf8'), first);
  });

  it('exits 1 on a failed cell, names it, and stops there unless told to continue', () => {
    write('f.mlnb', ['1', "throw new Error('broken step')", "console.log('after')"]);
    const r = cli(['run', 'f.mlnb'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Cell 2 \(id c1\) failed:\n {2}Error: broken step/);
    const nb = read('f.mlnb');
    assert.equal(nb.cells[1].outputs[0].output_type, 'error');
    assert.deepEqual(nb.cells[2].outputs, [], 'the cell after the failure did not run');
    const c = cli(['run', 'f.mlnb', '--continue-on-error'], dir);
    assert.equal(c.code, 1);
    assert.equal(read('f.mlnb').cells[2].outputs[0].text[0], 'after\n');
  });

  it('interrupts a cell that exceeds --cell-timeout; with --continue-on-error later cells see earlier variables', () => {
    write('t.mlnb', ["const kept = 'yes';", 'while (true) {}', 'kept']);
    const r = cli(['run', 't.mlnb', '--cell-timeout', '1', '--continue-on-error'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Cell 2 \(id c1\) timeout:[\s\S]*longer than 1 s/);
    assert.deepEqual(read('t.mlnb').cells[2].outputs[0].data, { 'text/plain': ["'yes'"] });
  });

  it('honours //% skip and //% allow-error', () => {
    write('d.mlnb', ["//% skip\nthrow new Error('never runs')", "//% allow-error\nthrow new Error('expected')", '2']);
    const r = cli(['run', 'd.mlnb'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /2 cells ran, 0 failed, 1 skipped/);
  });

  it('prints outputs with --print', () => {
    write('p.mlnb', ["console.log('line')", '6 * 7']);
    const r = cli(['run', 'p.mlnb', '--print'], dir);
    assert.equal(r.stdout, '[1] line\n[2] 42\n');
  });

  it('exits 2 with a clear message for a malformed notebook, and does not touch it', () => {
    fs.writeFileSync(path.join(dir, 'bad.mlnb'), '{"cells": [');
    const r = cli(['run', 'bad.mlnb'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.mlnb is not valid JSON/);
    assert.equal(fs.readFileSync(path.join(dir, 'bad.mlnb'), 'utf8'), '{"cells": [');
  });

  it('writes a notebook it can open again when a cell displays a number as text/html or an object as image/png', () => {
    write('m.mlnb', ["({ [Symbol.for('modelbook.mimeBundle')]: () => ({ 'text/html': 42, 'image/png': {}, 'text/plain': 'x' }) })"]);
    const r = cli(['run', 'm.mlnb'], dir);
    assert.equal(r.code, 0, r.stderr);
    const cell = parseNotebook(fs.readFileSync(path.join(dir, 'm.mlnb'), 'utf8')).cells[0] as CodeCell;
    assert.deepEqual(
      cell.outputs.map((o) => o.output_type),
      ['stream', 'execute_result'],
    );
    assert.match((cell.outputs[0] as { text: string }).text, /converted the text\/html value[^\n]*\n.*dropped the image\/png value/);
    assert.deepEqual((cell.outputs[1] as { data: unknown }).data, { 'text/html': '42', 'text/plain': 'x' });
  });

  it('exits 2 with one sentence naming the size and the limit for a 700 MB notebook, without reading it', () => {
    const big = path.join(dir, 'big.mlnb');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 700 * 2 ** 20); // sparse: no disk used
    const r = cli(['run', 'big.mlnb'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^Cannot read big\.mlnb: 700 MB, larger than the 256 MB limit for a notebook; clear its outputs \(`jupyter nbconvert --clear-output --inplace big\.mlnb`\)[^\n]*\.\n$/);
    assert.equal(fs.statSync(big).size, 700 * 2 ** 20, 'the notebook is untouched');
  });

  it('exits 2 at once for a FIFO or a folder given as the notebook, and for text that is not JSON', function () {
    fs.mkdirSync(path.join(dir, 'folder.mlnb'));
    assert.deepEqual(
      [cli(['run', 'folder.mlnb'], dir)].map((r) => [r.code, r.stderr]),
      [[2, 'Cannot read folder.mlnb: a folder, not a regular file.\n']],
    );
    fs.writeFileSync(path.join(dir, 'text.mlnb'), 'hello\n');
    const text = cli(['run', 'text.mlnb'], dir);
    assert.equal(text.code, 2);
    assert.match(text.stderr, /^text\.mlnb is not valid JSON/);
    if (!HAS_MKFIFO) return;
    const release = plantFifo(path.join(dir, 'pipe.mlnb'));
    try {
      const start = Date.now();
      const r = cli(['run', 'pipe.mlnb'], dir);
      assert.ok(Date.now() - start < 4000, `took ${Date.now() - start} ms`);
      assert.deepEqual([r.code, r.stderr], [2, 'Cannot read pipe.mlnb: a FIFO (named pipe), not a regular file.\n']);
    } finally {
      release();
    }
  });

  it('exits 2 for unknown options and missing notebooks', () => {
    assert.equal(cli(['run'], dir).code, 2);
    assert.match(cli(['run', 'a.mlnb', '--fast'], dir).stderr, /Unknown option "--fast"/);
    assert.match(cli(['run', 'missing.mlnb'], dir).stderr, /No such notebook: missing\.mlnb/);
  });
});

describe('cli: argument parsing', () => {
  it('parses run options and sandbox flags', () => {
    const a = parseArgs(['run', 'x.mlnb', '--cell-timeout=5', '--allow-read', 'data', '--allow-child-process', '--memory-limit-mb', '512', '--no-sandbox']);
    assert.equal(a.command, 'run');
    if (a.command !== 'run') return;
    assert.equal(a.cellTimeoutSeconds, 5);
    assert.deepEqual(a.sandbox.allowRead, ['data']);
    assert.equal(a.sandbox.allowChildProcess, true);
    assert.equal(a.sandbox.enabled, false);
    assert.equal(a.memoryLimitMb, 512);
  });

  it('parses --max-output sizes in bytes, kB, MB and GB', () => {
    const size = (v: string) => (parseArgs(['run', 'x.mlnb', '--max-output', v]) as { maxOutputBytes?: number }).maxOutputBytes;
    assert.deepEqual([size('1000'), size('500kB'), size('5MB'), size('1.5m'), size('1G')], [1000, 500_000, 5_000_000, 1_500_000, 1_000_000_000]);
    assert.throws(
      () => parseArgs(['run', 'x.mlnb', '--max-output', 'lots']),
      (e: Error) => e instanceof UsageError && /--max-output needs a size such as 5MB/.test(e.message),
    );
  });

  it('rejects bad numbers with the option name', () => {
    assert.throws(
      () => parseArgs(['run', 'x.mlnb', '--cell-timeout', 'soon']),
      (e: Error) => e instanceof UsageError && /--cell-timeout needs a positive number, got "soon"/.test(e.message),
    );
  });
});
