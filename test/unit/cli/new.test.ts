import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPLATES } from '../../../src/core/templates/catalog';
import { REPO } from '../paths';
import { runCli } from './cliHelpers';

describe('cli: modelbook new', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => (dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-new-')))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const shipped = (rel: string) => fs.readFileSync(path.join(REPO, 'templates', rel));

  it('copies the notebook into DIR and its data into DIR/data, byte for byte, and says how to run it', () => {
    const r = runCli(['new', 'binary-classification', 'project'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'project')).sort(), ['data', 'titanic.mlnb']);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'project', 'data')), ['titanic.csv']);
    assert.ok(fs.readFileSync(path.join(dir, 'project', 'titanic.mlnb')).equals(shipped('binary-classification/titanic.mlnb')));
    assert.ok(fs.readFileSync(path.join(dir, 'project', 'data', 'titanic.csv')).equals(shipped('data/titanic.csv')));
    assert.match(r.stdout, /Created project\/titanic\.mlnb, project\/data\/titanic\.csv\./);
    assert.match(r.stdout, /modelbook run project\/titanic\.mlnb/);
  });

  it('copies into the current folder without DIR', () => {
    assert.equal(runCli(['new', 'regression'], dir).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'cars-mpg.mlnb')));
    assert.ok(fs.existsSync(path.join(dir, 'data', 'cars.json')));
  });

  it('refuses with exit 1 when a target file exists, names it, and writes nothing', () => {
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'titanic.csv'), 'mine');
    const r = runCli(['new', 'binary-classification', '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /data\/titanic\.csv already exists/);
    assert.match(r.stderr, /Nothing was overwritten/);
    assert.equal(fs.readFileSync(path.join(dir, 'data', 'titanic.csv'), 'utf8'), 'mine');
    assert.ok(!fs.existsSync(path.join(dir, 'titanic.mlnb')), 'the notebook was not written either');
  });

  it('refuses a second copy into the same folder, listing both files', () => {
    assert.equal(runCli(['new', 'regression', 'mpg'], dir).code, 0);
    const r = runCli(['new', 'regression', 'mpg'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cars-mpg\.mlnb, data\/cars\.json already exist in /);
  });

  it('exits 2 for an unknown template and lists the ids', () => {
    const r = runCli(['new', 'churn'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown template "churn"; the templates are: binary-classification, regression, fairness-audit, drift-monitoring/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('exits 2 with the usage for missing or extra arguments and unknown options', () => {
    for (const args of [['new'], ['new', 'regression', 'a', 'b'], ['new', '--force', 'regression']]) {
      const r = runCli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /usage: modelbook new TEMPLATE \[DIR\]/, args.join(' '));
    }
  });

  it('--list names every template with its title; --help documents the exit codes', () => {
    const list = runCli(['new', '--list'], dir);
    assert.equal(list.code, 0);
    assert.deepEqual(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
      TEMPLATES.map((t) => t.id),
    );
    for (const t of TEMPLATES) assert.ok(list.stdout.includes(`${t.title}: ${t.description}`), t.id);
    const help = runCli(['new', '--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /exit codes: 0 created, 1 a target file exists \(nothing is overwritten\), 2 usage or unknown template/);
    assert.match(runCli(['--help'], dir).stdout, /modelbook new TEMPLATE \[DIR\] \| --list/);
  });
});
