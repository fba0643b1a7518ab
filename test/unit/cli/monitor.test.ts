import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as aq from 'arquero';
import { profile } from '../../../src/core/data/profile';
import { parseRule } from '../../../src/core/monitor/rules/parseRule';
import { DIST, REPO } from '../paths';

const CLI = path.join(DIST, 'cli.js');
const cli = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, 'monitor', ...args], { cwd, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('modelbook monitor on vega-datasets flights', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-monitor-'));
    const rows = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/vega-datasets/data/flights-20k.json'), 'utf8')) as { delay: number; distance: number; origin: string; destination: string }[];
    // the same period split in two (even / odd rows): no drift; its halves' later months do drift a little in delay
    const early = rows.filter((_, i) => i % 2 === 0);
    const late = rows.filter((_, i) => i % 2 === 1);
    fs.mkdirSync(path.join(dir, 'pkg/reference'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pkg/reference/training-profile.json'), JSON.stringify(profile(aq.from(early)).toJSON()));
    const csv = (rs: typeof rows) => ['delay,distance,origin,destination', ...rs.map((r) => `${r.delay},${r.distance},${r.origin},${r.destination}`)].join('\n');
    fs.writeFileSync(path.join(dir, 'later.csv'), csv(late));
    // a real shift: delays up by an hour, a third of the flights rerouted to a new airport
    fs.writeFileSync(path.join(dir, 'shifted.csv'), csv(late.map((r, i) => ({ ...r, delay: r.delay + 60, origin: i % 3 ? r.origin : 'NEW' }))));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on the other half of the same data and 2 on a shifted copy, naming the drifted features', () => {
    const same = cli(['pkg', 'later.csv'], dir);
    assert.equal(same.code, 0, same.stdout + same.stderr);
    const shifted = cli(['pkg', 'shifted.csv', '--format', 'json'], dir);
    assert.equal(shifted.code, 2, shifted.stderr);
    const report = JSON.parse(shifted.stdout) as { features: { name: string; drift: { drifted: boolean } | null; quality: { newCategoryRows: number } }[] };
    const drifted = report.features.filter((f) => f.drift?.drifted).map((f) => f.name);
    assert.deepEqual(drifted.sort(), ['delay', 'origin']);
  });

  it('exits 1 when only a warning rule fires, 3 when the reference is missing or a rule is malformed', () => {
    fs.writeFileSync(path.join(dir, 'rules.json'), JSON.stringify([{ rule: 'psi(delay) > 0.25', severity: 'warning' }]));
    assert.equal(cli(['pkg', 'shifted.csv', '--rules', 'rules.json'], dir).code, 1);
    fs.writeFileSync(path.join(dir, 'rules.yaml'), 'rules:\n  - rule: js(origin) > 0.2\n    severity: warning\n');
    assert.equal(cli(['pkg', 'shifted.csv', '--rules', 'rules.yaml'], dir).code, 1);
    assert.equal(cli(['nowhere', 'shifted.csv'], dir).code, 3);
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(['psi(delay) >> 0.25']));
    const bad = cli(['pkg', 'shifted.csv', '--rules', 'bad.json'], dir);
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /column 13/);
  });

  it('writes Markdown and a self-contained HTML report with inline SVG charts and no scripts or URLs', () => {
    const md = cli(['pkg', 'shifted.csv', '--format', 'md'], dir);
    assert.match(md.stdout, /\| delay \|/);
    assert.ok(md.stdout.length < 8000, `md ${md.stdout.length} chars`);
    assert.equal(cli(['pkg', 'shifted.csv', '--format', 'html', '--out', 'r.html'], dir).code, 2);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    assert.match(html, /<svg/);
    assert.doesNotMatch(html, /<script|https?:\/\//i);
  });
});

describe('monitor rules', () => {
  it('parse in the gates style, with a column, a bound, a percentage and a reference on the right', () => {
    assert.deepEqual(parseRule('psi(income) > 0.25', 'critical'), { text: 'psi(income) > 0.25', name: 'psi', column: 'income', op: '>', value: 0.25, severity: 'critical' });
    assert.equal(parseRule('invalid_rows > 1%').value, 0.01);
    const r = parseRule('auc.upper < reference.auc - 0.02');
    assert.equal(r.reference, 'auc');
    assert.equal(r.bound, 'upper');
    assert.ok(Math.abs(r.value + 0.02) < 1e-15);
  });

  it('point at the column of a syntax error and name unknown statistics', () => {
    assert.throws(() => parseRule('drifted_share >> 0.3'), /column 16/);
    assert.throws(() => parseRule('psi > 0.3'), /needs a column, e\.g\. psi\(income\)/);
    assert.throws(() => parseRule('pzi(a) > 0.3'), /unknown name 'pzi'/);
  });
});

describe('modelbook monitor on a real model package and a batch of raw inputs', () => {
  it("scores the batch with the package's own model, so prediction drift and performance decay are checked", async () => {
    const { penguinsPackage } = await import('../store/predict/penguinsPackage');
    const { dir, rows } = await penguinsPackage('species');
    const ws = path.dirname(dir);
    try {
      const columns = Object.keys(rows[0]);
      const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
      fs.writeFileSync(path.join(ws, 'batch.csv'), [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n'));
      const r = spawnSync(process.execPath, [CLI, 'monitor', 'species', 'batch.csv', '--labels', 'Species', '--format', 'json'], { cwd: ws, encoding: 'utf8', timeout: 180_000 });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      const report = JSON.parse(r.stdout) as { performance?: { metrics: { name: string; current: number | null }[] }; notes?: string[] };
      // This package was exported without an evaluation (no score profile, no reference metrics): the batch's own metrics, from the model's predictions.
      assert.ok(!report.notes?.some((n) => /no score column/i.test(n)), `the batch was scored (notes: ${JSON.stringify(report.notes)})`);
      assert.ok(report.performance && report.performance.metrics.length > 0, `performance was checked (notes: ${JSON.stringify(report.notes)})`);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
