import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeNotebook, runCli } from './cliHelpers';
import { DIST, REPO } from '../paths';

const cli = (args: string[], cwd: string) => runCli(args, cwd, { timeout: 90_000 });

describe('cli: modelbook check', function () {
  this.timeout(90_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(path.join(DIST, 'types', 'modelbook.d.ts'))) this.skip(); // dist/types comes from `node esbuild.mjs --types` (npm test builds it)
  });
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-check-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A notebook whose third cell (after a markdown cell, so the fourth cell) misuses a name from the first. */
  const writeBroken = (name: string) => {
    const nb = JSON.parse(codeNotebook(['const total = 41;', 'const label = "n";', 'const shout: string = total;\ntotal.toFixed(1)'])) as { cells: unknown[] };
    nb.cells.splice(1, 0, { cell_type: 'markdown', id: 'md', metadata: {}, source: '# notes' });
    fs.writeFileSync(path.join(dir, name), JSON.stringify(nb));
  };

  it('prints file:cell:line:col: message for a type error and exits 1', () => {
    writeBroken('broken.mlnb');
    const r = cli(['check', 'broken.mlnb'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, "broken.mlnb:4:1:7: error TS2322: Type 'number' is not assignable to type 'string'.\n");
    assert.match(r.stderr, /1 type error in 1 notebook/);
  });

  it('exits 0 and prints nothing on stdout for a clean notebook, the quickstart among them', () => {
    fs.writeFileSync(
      path.join(dir, 'clean.mlnb'),
      codeNotebook(["import { LogisticRegression } from 'modelbook';", 'const m = new LogisticRegression({ C: 1 });', 'const r = await Promise.resolve(m);']),
    );
    const r = cli(['check', 'clean.mlnb', path.join(REPO, 'examples', 'quickstart.mlnb')], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no type errors in 2 notebooks/);
  });

  it('gives every problem as JSON with --format json', () => {
    writeBroken('broken.mlnb');
    const r = cli(['check', 'broken.mlnb', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { errors: number; notebooks: { file: string; problems: Record<string, unknown>[] }[] };
    assert.equal(out.errors, 1);
    assert.deepEqual(out.notebooks[0].problems, [
      { cell: 4, cellId: 'c2', line: 1, column: 7, endLine: 1, endColumn: 12, code: 2322, category: 'error', message: "Type 'number' is not assignable to type 'string'." },
    ]);
  });

  it('exits 2 on bad arguments or a notebook it cannot read', () => {
    const none = cli(['check'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /usage: modelbook check NOTEBOOK/);
    assert.equal(cli(['check', 'a.mlnb', '--format', 'xml'], dir).code, 2);
    const missing = cli(['check', 'missing.mlnb'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.mlnb/);
    fs.writeFileSync(path.join(dir, 'bad.mlnb'), '{ not json');
    assert.equal(cli(['check', 'bad.mlnb'], dir).code, 2);
  });

  it('run --check does not run a notebook with a type error (exit 1), and runs a clean one', () => {
    writeBroken('broken.mlnb');
    const before = fs.readFileSync(path.join(dir, 'broken.mlnb'), 'utf8');
    const r = cli(['run', 'broken.mlnb', '--check'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /broken\.mlnb:4:1:7: error TS2322/);
    assert.match(r.stderr, /not run: the notebook has type errors/);
    assert.equal(fs.readFileSync(path.join(dir, 'broken.mlnb'), 'utf8'), before, 'no cell ran, nothing was written');
    fs.writeFileSync(path.join(dir, 'ok.mlnb'), codeNotebook(['const n = 20;', 'n * 2 + 2']));
    const ok = cli(['run', 'ok.mlnb', '--check'], dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, 'ok.mlnb'), 'utf8'))), /"42"/);
  });
});
