import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunRecord } from '../../../src/core/runs/contract';
import { readPredictions } from '../../../src/store/review/readPredictions';
import { referenceOrSkip, runPython } from '../core/data/python';
import { REPO } from '../paths';
import { codeNotebook, runCli } from './cliHelpers';

const PROSE = "intendedUse: 'Teaching', limitations: 'Few inputs, one data set', ethics: 'A sensitive attribute is an input'";

const TITANIC = [
  `import { readCSV, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, numericColumns, categoricalColumns, LogisticRegression } from 'modelbook';
const raw = await readCSV('data/titanic.csv');
const titanic = raw.select(['sex', 'age', 'passengerClass', 'survived']).reify();
const { train, test } = trainTestSplit(titanic, { testSize: 0.25, stratify: 'survived', seed: 42 });
const steps = [new SimpleImputer({ columns: numericColumns(), strategy: 'median' }), new StandardScaler({ columns: numericColumns() }), new OneHotEncoder({ columns: categoricalColumns(), handleUnknown: 'ignore' })];
const model = await new Pipeline({ steps, estimator: new LogisticRegression({ C: 1 }) }).fit(train, 'survived');`,
  `import { evaluate } from 'modelbook';
const ev = await evaluate(model, test, { label: 'survived', positiveLabel: 'yes', slices: ['sex', 'passengerClass'], bootstrap: { resamples: 100, seed: 1 } });`,
  `import { modelCard } from 'modelbook';
modelCard({ run: ev, ${PROSE} });`,
];

const CARS = [
  `import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, numericColumns, categoricalColumns, Ridge } from 'modelbook';
const all = await readJSON('data/cars.json');
const cars = all.filter('d.Miles_per_Gallon > 0').select(['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Origin', 'Miles_per_Gallon']).reify();
const { train, test } = trainTestSplit(cars, { testSize: 0.4, seed: 42 });
const steps = [new SimpleImputer({ columns: numericColumns(), strategy: 'median' }), new StandardScaler({ columns: numericColumns() }), new OneHotEncoder({ columns: categoricalColumns(), handleUnknown: 'ignore' })];
const model = await new Pipeline({ steps, estimator: new Ridge({ alpha: 1 }) }).fit(train, 'Miles_per_Gallon');`,
  `import { evaluate } from 'modelbook';
const ev = await evaluate(model, test, { label: 'Miles_per_Gallon', slices: ['Origin', 'Cylinders'], bootstrap: { resamples: 100, seed: 1 } });`,
  `import { modelCard } from 'modelbook';
modelCard({ run: ev, ${PROSE} });`,
];

describe('cli: modelbook report and card on a classifier and a regressor evaluated with slices on real data', function () {
  this.timeout(240_000);
  let dir: string;
  const record = (id: string) => JSON.parse(fs.readFileSync(path.join(dir, '.modelbook/runs', `${id}.json`), 'utf8')) as RunRecord;
  const evaluationOf = (notebook: string) => {
    const card = JSON.parse(runCli(['card', notebook, '--format', 'json'], dir).stdout) as { sections: { modelDetails: { evaluationRunId: string } } };
    return record(card.sections.modelDetails.evaluationRunId);
  };

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-counts-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'data'));
    for (const f of ['titanic.csv', 'cars.json']) fs.copyFileSync(path.join(REPO, 'templates', 'data', f), path.join(dir, 'data', f));
    fs.writeFileSync(path.join(dir, 'titanic.mlnb'), codeNotebook(TITANIC));
    fs.writeFileSync(path.join(dir, 'cars.mlnb'), codeNotebook(CARS));
    for (const nb of ['titanic.mlnb', 'cars.mlnb']) {
      const run = runCli(['run', nb], dir, { timeout: 200_000 });
      assert.equal(run.code, 0, run.stderr);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the classifier’s record keeps its confusion counts (equal to the kept predictions), and the report and card say them', () => {
    const ev = evaluationOf('titanic.mlnb');
    const c = ev.confusion;
    assert.ok(c?.kind === 'binary', JSON.stringify(c));
    assert.equal(c.positiveLabel, 'yes');
    assert.equal(c.threshold, ev.params.threshold);
    // The counts are those of the predictions the run kept (every test row: no sample at this size).
    const kept = readPredictions(path.join(dir, ev.predictions!.path));
    const pairs = kept.yTrue.map((t, i) => `${String(t)}>${String(kept.yPred[i])}`);
    const n = (p: string) => pairs.filter((x) => x === p).length;
    assert.deepEqual({ tp: c.tp, fp: c.fp, tn: c.tn, fn: c.fn }, { tp: n('yes>yes'), fp: n('no>yes'), tn: n('no>no'), fn: n('yes>no') });
    assert.equal(c.tp + c.fp + c.tn + c.fn, ev.params.rows);

    const words = ['--who', 'passengers', '--flags', 'predicts to survive', '--positive', 'survived', '--negative', 'died'];
    const md = runCli(['report', 'titanic.mlnb', ...words], dir);
    assert.equal(md.code, 0, md.stderr);
    const pct = Math.round((100 * c.tp) / (c.tp + c.fn));
    assert.ok(md.stdout.includes(`- Of the ${c.tp + c.fn} passengers that survived, it predicts to survive ${c.tp} (${pct}%) and misses ${c.fn}.`), md.stdout);
    assert.ok(md.stdout.includes(`- Of the ${c.tp + c.fp} passengers it predicts to survive, ${c.fp} were wrong: they died.`), md.stdout);
    assert.ok(md.stdout.includes(`| Passengers that survived (yes) | ${c.tp} | ${c.fn} | ${c.tp + c.fn} |`), md.stdout);
    assert.ok(md.stdout.includes(`| Passengers that died (no) | ${c.fp} | ${c.tn} | ${c.fp + c.tn} |`), md.stdout);
    // HTML: each count carries the record field it came from.
    const html = runCli(['report', 'titanic.mlnb', '--format', 'html', ...words], dir).stdout;
    assert.ok(html.includes(`<span class="n" title="${ev.id} confusion.fp">${c.fp}</span>`));
    const card = runCli(['card', 'titanic.mlnb'], dir).stdout;
    assert.ok(card.includes(`| no | ${c.tn} | ${c.fp} | ${c.tn + c.fp} |`) && card.includes(`| yes | ${c.fn} | ${c.tp} | ${c.fn + c.tp} |`), card);
    assert.match(card, new RegExp(`### Confusion matrix at threshold 0\\.5: rows, from ${ev.id} confusion`));
  });

  it('the regressor’s slices are tested with Welch’s t-test: the report names exactly the groups whose errors scipy finds significantly larger', function () {
    const ev = evaluationOf('cars.mlnb');
    assert.equal(ev.confusion, undefined, 'a regression records no confusion');
    const kept = readPredictions(path.join(dir, ev.predictions!.path));
    const abs = kept.yTrue.map((t, i) => Math.abs(Number(t) - Number(kept.yPred[i])));
    const slices = kept.slices!;
    const ref = referenceOrSkip(
      this,
      runPython<Record<string, Record<string, { n: number; p: number | null; mean: number; rest: number }>>>(
        `from scipy.stats import ttest_ind
out = {}
for col, values in data['slices'].items():
    out[col] = {}
    for g in sorted(set(values)):
        a = [x for x, v in zip(data['abs'], values) if v == g]
        b = [x for x, v in zip(data['abs'], values) if v != g]
        p = float(ttest_ind(a, b, equal_var=False).pvalue) if len(a) > 1 else None
        out[col][g] = {'n': len(a), 'p': p, 'mean': sum(a) / len(a), 'rest': sum(b) / len(b)}
print(json.dumps(out))`,
        { abs, slices },
        ['scipy'],
      ),
    );
    const md = runCli(['report', 'cars.mlnb', '--who', 'cars'], dir);
    assert.equal(md.code, 0, md.stderr);
    assert.doesNotMatch(md.stdout, /not tested for significance/);
    let named = 0;
    for (const [column, groups] of Object.entries(ref)) {
      for (const [key, r] of Object.entries(groups)) {
        const worse = r.p !== null && r.n >= 30 && r.mean > r.rest && r.p < 0.05;
        const sentence = new RegExp(
          `For ${column} ${key} \\(${r.n} cars\\) its estimates are off by ([\\d.]+) on average, against ([\\d.]+) for the other (\\d+) — a gap unlikely to be chance \\(p = ([\\d.e-]+)\\)\\.`,
        );
        const m = sentence.exec(md.stdout);
        assert.equal(Boolean(m), worse, `${column} ${key}: p = ${r.p}, n = ${r.n}, mean ${r.mean} vs ${r.rest}`);
        if (!m) continue;
        named++;
        assert.ok(Math.abs(Number(m[1]) - r.mean) <= 5e-4 * r.mean && Math.abs(Number(m[2]) - r.rest) <= 5e-4 * r.rest, m[0]);
        assert.ok(Math.abs(Number(m[4]) - r.p!) <= 5e-4 * r.p!, `${m[4]} vs scipy ${r.p}`);
      }
      if (!Object.values(groups).some((r) => r.p !== null && r.n >= 30 && r.mean > r.rest && r.p < 0.05))
        assert.match(md.stdout, new RegExp(`No group of ${column} has significantly larger errors than the rest`));
    }
    console.log(`      (${named} regression group(s) named worse)`);
    // The card shows each group's spread of the errors beside its mean.
    assert.match(runCli(['card', 'cars.mlnb'], dir).stdout, /\| Group \| Rows \| mae \| sd of abs\. error \| Note \|/);
  });
});
