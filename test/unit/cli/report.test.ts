import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunRecord } from '../../../src/core/runs/contract';
import { readPredictions } from '../../../src/store/review/readPredictions';
import { DIST, FIXTURES } from '../paths';

const CLI = path.join(DIST, 'cli.js');
const WORDS = ['--who', 'penguins', '--flags', 'calls male', '--positive', 'are male', '--negative', 'are female'];

/** The value at a record path such as `metrics.auc`, `data[0].fingerprint.rows` or `params.importance[1].importance`. */
function readField(record: unknown, field: string): unknown {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<unknown>((v, k) => (v === null || typeof v !== 'object' ? undefined : (v as Record<string, unknown>)[k]), record);
}

describe('cli: modelbook report on a notebook run headless', function () {
  this.timeout(180_000);
  let dir: string;
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const record = (id: string) => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook/runs', `${id}.json`), 'utf8')) as RunRecord;

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-report-')));
    for (const f of ['card.mlnb', 'penguins.json']) fs.copyFileSync(path.join(FIXTURES, 'workspace', f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const run = cli(['run', 'card.mlnb']);
    assert.equal(run.code, 0, run.stderr);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every number of the Markdown report equals its run record’s field (slice numbers recomputed from the kept predictions), and the words say it plainly', () => {
    const md = cli(['report', 'card.mlnb', ...WORDS]);
    assert.equal(md.code, 0, md.stderr);
    const json = cli(['card', 'card.mlnb', '--format', 'json']);
    const card = JSON.parse(json.stdout) as { sections: { modelDetails: { evaluationRunId: string } } };
    const evaluation = record(card.sections.modelDetails.evaluationRunId);
    const predictions = readPredictions(path.join(dir, evaluation.predictions!.path));
    // Each number the HTML marks up carries its sources; a single-source number is checked against the file it names.
    const html = cli(['report', 'card.mlnb', '--format', 'html', ...WORDS]).stdout;
    const numbers = [...html.matchAll(/<span class="n" title="([^"]+)">([^<]+)<\/span>/g)].map((m) => ({ sources: m[1].split('; ').map((s) => s.split(' ')), text: m[2] }));
    assert.ok(numbers.length >= 15, `numbers in the report: ${numbers.length}`);
    let checked = 0;
    for (const n of numbers) {
      if (n.sources.length !== 1) continue;
      const [runId, field] = n.sources[0];
      const slice = /^predictions\.slices\.([^[]+)\[("(?:[^"\\]|\\.)*")\]\.(rows|accuracy)$/.exec(field.replace(/&quot;/g, '"'));
      let value: number;
      if (slice) {
        const [, column, key, what] = slice;
        const rows = predictions.yTrue.map((_, i) => i).filter((i) => predictions.slices![column][i] === JSON.parse(key));
        value = what === 'rows' ? rows.length : rows.filter((i) => String(predictions.yTrue[i]) === String(predictions.yPred[i])).length / rows.length;
      } else value = readField(record(runId), field) as number;
      assert.equal(typeof value, 'number', `${runId} ${field}`);
      const expected = /^\d+$/.test(n.text) && !Number.isInteger(value) ? String(Math.round(100 * value)) : undefined;
      if (expected !== undefined) assert.equal(n.text, expected, `${field}: ${value} per 100`);
      else if (Number.isInteger(value)) assert.equal(n.text.replace(/,/g, ''), String(value), field);
      else assert.ok(Math.abs(Number(n.text) - value) <= Math.abs(value) * 5e-4, `${field}: ${n.text} vs ${value}`);
      checked++;
    }
    assert.ok(checked >= 15, `checked ${checked}`);
    const precision = evaluation.metrics.precision!;
    const ci = evaluation.intervals!.precision;
    assert.match(md.stdout, new RegExp(`Out of 100 penguins it calls male, about ${Math.round(100 * precision)} are male \\(95% CI ${Math.round(100 * ci.low)}–${Math.round(100 * ci.high)}\\)\\.`));
    assert.match(md.stdout, /## Where it works worse\n\n- No group of Island is significantly worse/);
    assert.match(md.stdout, /Purpose: Tell the sex of a penguin/);
    // The notebook's stakeholderReport(...) cell says the same, in the same words.
    const nb = JSON.parse(fs.readFileSync(path.join(dir, 'card.mlnb'), 'utf8')) as { cells: { outputs: { data?: Record<string, string[]> }[] }[] };
    const cell = nb.cells[3].outputs[0].data!;
    assert.equal(cell['text/markdown'].join(''), md.stdout);
    assert.match(cell['text/html'].join(''), /Out of 100 penguins it calls male, about <span class="n" title="[0-9A-Z]{26} metrics\.precision">91<\/span> are male/);
  });

  it('HTML is self-contained (inline SVG charts, no script, no URL) and the same bytes on a second run; --out writes the file', () => {
    const a = cli(['report', 'card.mlnb', '--format', 'html', '--out', 'out/report.html', ...WORDS]);
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stderr, /wrote the stakeholder report \(html\) to out\/report\.html/);
    const first = fs.readFileSync(path.join(dir, 'out/report.html'), 'utf8');
    assert.equal(cli(['report', 'card.mlnb', '--format', 'html', ...WORDS]).stdout, first);
    assert.equal((first.match(/<svg/g) ?? []).length, 3, 'three charts');
    assert.ok((first.match(/<path/g) ?? []).length > 6, 'charts with drawn marks');
    assert.doesNotMatch(first, /<script/i);
    assert.doesNotMatch(first, /https?:|file:|data:|\bsrc=|\bhref=|xlink/i);
    assert.equal(cli(['report', 'card.mlnb', ...WORDS]).stdout, cli(['report', 'card.mlnb', ...WORDS]).stdout, 'Markdown too');
  });

  it('exit codes as modelbook card: 2 for a bad format or an unknown run, 1 when the card’s required prose is missing', () => {
    assert.equal(cli(['report', 'card.mlnb', '--format', 'pdf']).code, 2);
    const unknown = cli(['report', 'nope.mlnb']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^modelbook report: no run or notebook "nope\.mlnb"/);
    const thin = JSON.parse(fs.readFileSync(path.join(dir, 'card.mlnb'), 'utf8')) as { cells: { source: string[] }[] };
    thin.cells = [thin.cells[1], { ...thin.cells[2], source: ["import { modelCard } from 'modelbook';\nmodelCard({ run: ev, intendedUse: 'Surveys', limitations: 'Three islands only' })"] }];
    fs.writeFileSync(path.join(dir, 'thin.mlnb'), JSON.stringify(thin));
    assert.equal(cli(['run', 'thin.mlnb']).code, 0);
    const r = cli(['report', 'thin.mlnb']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /missing required prose: ethicalConsiderations\.prose/);
    assert.match(r.stdout, /Ethical considerations: not written yet/);
  });
});
