import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as aq from 'arquero';
import { LinearRegression } from '../../../src/core/models/linear/linearRegression';
import { collectPackageParts } from '../../../src/core/package/collectParts';
import { loadModel } from '../../../src/store/package/loadModel';
import { writePackage } from '../../../src/store/package/writePackage';
import { DIST, FIXTURES } from '../paths';
import { penguinsPackage } from '../store/predict/penguinsPackage';

const CLI = path.join(DIST, 'cli.js');

function cli(args: string[], cwd: string, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const csvField = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** Parses our own CSV output (quoted fields hold no line breaks there). */
function readCsv(text: string): Record<string, string>[] {
  const split = (line: string) => {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === ',' && !quoted) {
        fields.push(field);
        field = '';
      } else {
        field += ch;
      }
    }
    return [...fields, field];
  };
  const [head, ...lines] = text.trimEnd().split('\n');
  const names = split(head);
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [names[i], v])));
}

describe('cli predict', function () {
  this.timeout(300_000);
  let work: string;
  let pkg: Awaited<ReturnType<typeof penguinsPackage>>;
  let expected: string[];

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-predict-'));
    pkg = await penguinsPackage();
    const model = await loadModel(pkg.dir);
    expected = (await model.predict(pkg.rows)).predictions.map((p) => String(p?.prediction));
    // A 10-column CSV: the inputs, the label, and three extra columns with commas, quotes and line breaks.
    const names = [...Object.keys(pkg.rows[0]), 'name', 'note', 'tag'];
    const lines = pkg.rows.map((r, i) => [...Object.values(r), `penguin, no. ${i}`, `said "hi"\non line two`, 'x'].map(csvField).join(','));
    assert.equal(names.length, 10);
    fs.writeFileSync(path.join(work, 'in.csv'), `${names.map(csvField).join(',')}\n${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(work, 'in.jsonl'), pkg.rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    fs.writeFileSync(path.join(work, 'in.arrow'), aq.from(pkg.rows).toArrowIPC());
  });

  it('scores a 10-column CSV with quoted commas, quotes and line breaks, as the loaded model does', () => {
    const r = cli(['predict', pkg.dir, 'in.csv', '--out', 'out.csv', '--proba', '--id', 'name'], work);
    assert.equal(r.code, 0, r.stderr);
    const out = readCsv(fs.readFileSync(path.join(work, 'out.csv'), 'utf8'));
    assert.deepEqual(
      out.map((o) => o.prediction),
      expected,
    );
    assert.equal(out[3].name, 'penguin, no. 3');
    assert.deepEqual(Object.keys(out[0]), ['name', 'prediction', 'proba_Adelie', 'proba_Chinstrap', 'proba_Gentoo']);
    assert.ok(Math.abs(Number(out[0].proba_Adelie) + Number(out[0].proba_Chinstrap) + Number(out[0].proba_Gentoo) - 1) < 1e-9);
    assert.match(r.stderr, new RegExp(`Wrote ${expected.length} predictions to out.csv`));
  });

  it('draws a progress bar on a terminal, for every input format, and nothing when stderr is not one', async () => {
    const { runPredictCommand, progressBar } = await import('../../../src/cli/predict');
    assert.equal(progressBar(0.5), `[${'█'.repeat(12)}${'░'.repeat(12)}]  50% `);
    assert.equal(progressBar(undefined), '');
    for (const input of ['in.csv', 'in.jsonl', 'in.arrow']) {
      let err = '';
      const io = { out: () => undefined, err: (t: string) => void (err += t), errIsTty: true };
      const code = await runPredictCommand([pkg.dir, path.join(work, input), '--out', path.join(work, `bar-${input}.csv`)], io);
      assert.equal(code, 0, err);
      assert.match(err, /\[█+░*\] +\d+% scored [\d,]+ rows/, `a bar for ${input}: ${JSON.stringify(err)}`);
    }
    const quiet = cli(['predict', pkg.dir, 'in.csv', '--out', 'quiet.csv'], work);
    assert.doesNotMatch(quiet.stderr, /█|░/);
  });

  it('reads JSON lines and Arrow IPC, and writes JSON lines to stdout', () => {
    for (const input of ['in.jsonl', 'in.arrow']) {
      const r = cli(['predict', pkg.dir, input, '--format', 'jsonl'], work);
      assert.equal(r.code, 0, r.stderr);
      const out = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { row: number; prediction: string });
      assert.deepEqual(
        out.map((o) => o.prediction),
        expected,
        input,
      );
      assert.deepEqual(
        out.slice(0, 3).map((o) => o.row),
        [0, 1, 2],
      );
    }
  });

  it('reads Parquet a row group at a time', async () => {
    const small = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'data', 'small.json'), 'utf8')) as { id: number[] };
    const train = aq.table({ id: [1, 2, 3, 4, 5, 6, 7, 8], y: [3, 5, 7, 9, 11, 13, 15, 17] });
    const model = await new LinearRegression().fit(train, 'y');
    const dir = path.join(work, 'byid');
    writePackage(dir, await collectPackageParts({ model, reference: train, name: 'byid', label: 'y', environment: { libraries: {} }, createdAt: '2026-01-01T00:00:00.000Z' }));
    const r = cli(['predict', dir, path.join(FIXTURES, 'data', 'small.parquet'), '--format', 'jsonl'], work);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { prediction: number });
    assert.deepEqual(
      out.map((o) => Math.round(o.prediction * 1e6) / 1e6),
      small.id.map((id) => 2 * id + 1),
    );
  });

  describe('invalid rows', () => {
    before(() => {
      const rows = pkg.rows.slice(0, 5).map((r) => ({ ...r }));
      rows[2].Island = 'Atlantis';
      rows[3]['Body Mass (g)'] = 'heavy';
      fs.writeFileSync(path.join(work, 'bad.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    });

    it('fail (the default): exit 1, the first bad row and column named, no output file', () => {
      const r = cli(['predict', pkg.dir, 'bad.jsonl', '--out', 'bad-out.csv'], work);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /bad\.jsonl: Row 3: column "Island" is "Atlantis", a category training never saw/);
      assert.equal(fs.existsSync(path.join(work, 'bad-out.csv')), false);
      assert.deepEqual(
        fs.readdirSync(work).filter((f) => f.includes('bad-out')),
        [],
      );
    });

    it('skip: leaves the bad rows out and says how many', () => {
      const r = cli(['predict', pkg.dir, 'bad.jsonl', '--on-invalid', 'skip'], work);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        readCsv(r.stdout).map((o) => o.row),
        ['0', '1', '4'],
      );
      assert.match(r.stderr, /2 rows failed the input schema and were left out/);
    });

    it('null: keeps every row, the bad ones with an empty prediction', () => {
      const r = cli(['predict', pkg.dir, 'bad.jsonl', '--on-invalid', 'null'], work);
      assert.equal(r.code, 0, r.stderr);
      const out = readCsv(r.stdout);
      assert.deepEqual(
        out.map((o) => o.prediction),
        [expected[0], expected[1], '', '', expected[4]],
      );
    });

    it('names the row in the whole file, not in its batch', () => {
      const rows = Array.from({ length: 20_000 }, (_, i) => pkg.rows[i % pkg.rows.length]);
      fs.writeFileSync(path.join(work, 'long.jsonl'), rows.map((r, i) => JSON.stringify(i === 17_000 ? { ...r, Sex: 'unknown' } : r)).join('\n'));
      const r = cli(['predict', pkg.dir, 'long.jsonl', '--out', 'long.csv'], work);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /Row 17001: column "Sex" is "unknown"/);
    });
  });

  it('exit 2: a missing package, an input that does not exist, an unknown format or policy', () => {
    assert.equal(cli(['predict', path.join(work, 'nope'), 'in.csv'], work).code, 2);
    assert.match(cli(['predict', pkg.dir, 'missing.csv'], work).stderr, /No file missing\.csv/);
    assert.match(cli(['predict', pkg.dir, 'in.txt'], work).stderr, /Cannot tell the format of in\.txt/);
    const r = cli(['predict', pkg.dir, 'in.csv', '--on-invalid', 'drop'], work);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--on-invalid must be fail\|skip\|null/);
  });

  it('keeps memory bounded on a 2-million-row CSV under a 128 MB heap', () => {
    const file = path.join(work, 'big.csv');
    const head = `${Object.keys(pkg.rows[0]).map(csvField).join(',')}\n`;
    const block = pkg.rows.map((r) => Object.values(r).map(csvField).join(',')).join('\n') + '\n';
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, head);
    const copies = Math.ceil(2_000_000 / pkg.rows.length);
    for (let i = 0; i < copies; i += 100) fs.writeSync(fd, block.repeat(Math.min(100, copies - i)));
    fs.closeSync(fd);
    const r = cli(['predict', pkg.dir, file, '--out', path.join(work, 'big-out.csv')], work, ['--max-old-space-size=128']);
    assert.equal(r.code, 0, r.stderr);
    const lines = fs.readFileSync(path.join(work, 'big-out.csv'), 'utf8').split('\n').length - 2;
    assert.equal(lines, copies * pkg.rows.length);
  });
});
