import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { KernelSession } from '../../../../src/kernel/host/session';
import type { RunRecord } from '../../../../src/core/runs/contract';
import { REPO } from '../../paths';
import { fairness } from '../../../../src/core/checkpoints/fairness';
import { splitBeforeFit } from '../../../../src/core/checkpoints/splitBeforeFit';
import { runRunsCommand } from '../../../../src/cli/runs';
import type { CheckpointContext } from '../../../../src/core/checkpoints/contract';
import { readKeptPredictions } from '../../../../src/store/review/readPredictions';
import { makeWorkspace, newSession, readRunRecords, run, type Recorded } from '../helpers';

/**
 * Each checkpoint on a real kernel running short notebooks on real data: the notebook that makes the
 * mistake fails its checkpoint cell with the problem, the corrected one passes. A kernel restart
 * between the two starts a new session, so each sees only its own runs.
 */

const IMPORTS =
  "import { readJSON, readCSV, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, DropColumns, LogisticRegression, crossValidate, evaluate, problem, modelCard, checkpoint, defineCheckpoint, checkpoints } from 'modelbook';";
const PENGUINS = `${IMPORTS}
const penguins = (await readJSON('penguins.json')).filter((d) => d.Sex === 'MALE' || d.Sex === 'FEMALE').derive({ adelie: (d) => (d.Species === 'Adelie' ? 'yes' : 'no') }).select('adelie', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Sex');
const make = () => new Pipeline({ steps: [new StandardScaler({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() });
const islandOnly = () => new Pipeline({ steps: [new DropColumns({ columns: ['Beak Length (mm)', 'Beak Depth (mm)'] }), new OneHotEncoder({ columns: ['Island', 'Sex'] })], estimator: new LogisticRegression() });`;
const SPLIT = "const { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });";
const BOOT = 'bootstrap: { resamples: 200, seed: 1 }';

const TITANIC = `${IMPORTS}
const titanic = await readCSV('titanic.csv');
const { train, test } = trainTestSplit(titanic, { testSize: 0.3, stratify: 'survived', seed: 7 });
const model = (extra = []) => new Pipeline({ steps: [...(extra.includes('name') ? [] : [new DropColumns({ columns: ['name'] })]), new SimpleImputer({ columns: ['age'] }), new OneHotEncoder({ columns: ['sex', 'passengerClass', ...extra] })], estimator: new LogisticRegression() });`;
const TITANIC_PROBLEM =
  "problem({ objective: 'Study who survived the Titanic', target: 'survived (yes/no)', users: 'history students', decision: 'none: a teaching example', successCriteria: 'auc >= 0.8', constraints: 'no names', sensitiveAttributes: ['sex'] });";

describe('kernel: checkpoints', function () {
  this.timeout(300_000);
  let ws: string;
  let session: KernelSession;

  /** Restarts the kernel (a new session) and runs the cells; each must succeed. */
  async function notebook(cells: string[]): Promise<void> {
    await session.restart();
    for (const cell of cells) {
      const r = await run(session, cell);
      assert.equal(r.status, 'ok', `${cell}\n${JSON.stringify(r.error)}`);
    }
  }
  async function failing(source: string): Promise<Recorded> {
    const r = await run(session, source);
    assert.equal(r.status, 'error', `expected the checkpoint cell to fail: ${source}`);
    return r;
  }
  async function passing(source: string): Promise<Recorded> {
    const r = await run(session, source);
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    return r;
  }
  const errorText = (r: Recorded) => `${r.error?.message ?? ''}`;
  const latestCheckpoint = (id: string): RunRecord =>
    readRunRecords<RunRecord>(ws)
      .filter((r) => r.kind === 'checkpoint' && r.name === id)
      .sort((a, b) => b.id.localeCompare(a.id))[0];

  before(() => {
    ws = makeWorkspace();
    fs.copyFileSync(path.join(REPO, 'examples/data/penguins.json'), path.join(ws, 'penguins.json'));
    fs.copyFileSync(path.join(REPO, 'templates/data/titanic.csv'), path.join(ws, 'titanic.csv'));
    fs.copyFileSync(path.join(REPO, 'templates/data/arrests.csv'), path.join(ws, 'arrests.csv'));
    session = newSession(ws, { notebookPath: path.join(ws, 'study.mlnb') });
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  describe('split-before-fit', () => {
    it('fails a pipeline fitted on the whole table before the split, shows why, and records the failure', async () => {
      await notebook([PENGUINS, "const pipe = await make().fit(penguins, 'adelie');", SPLIT, "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: false });"]);
      const r = await failing("await checkpoint('split-before-fit');");
      assert.match(errorText(r), /Checkpoint 'split-before-fit' \(Split before fitting\) failed/);
      assert.match(errorText(r), /was fitted on 333 rows: the whole table the test part was split from \(its StandardScaler, OneHotEncoder learned from those rows too\)/);
      assert.match(errorText(r), /Fix: Call trainTestSplit first/);
      const html = r.displays.map((d) => d['text/html']).join('');
      assert.match(html, /✗<\/span> <b>Failed \(1 problem\)<\/b>/);
      assert.match(html, /Why it matters:/);
      const rec = latestCheckpoint('split-before-fit');
      assert.equal(rec.status, 'finished');
      assert.equal(rec.params.passed, false);
      assert.deepEqual(rec.metrics, { passed: 0 });
    });

    it('fails cross-validation on the test part, and passes the notebook that splits first and fits on train', async () => {
      await notebook([
        PENGUINS,
        SPLIT,
        "const pipe = await make().fit(train, 'adelie');",
        "await crossValidate(make(), test, { label: 'adelie', cv: 3 });",
        "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: false });",
      ]);
      assert.match(errorText(await failing("await checkpoint('split-before-fit');")), /cross-validate Pipeline\(LogisticRegression\) .* was cross-validated on the evaluation's test data itself/);
      await notebook([PENGUINS, SPLIT, "const pipe = await make().fit(train, 'adelie');", "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: false });"]);
      const r = await passing("await checkpoint('split-before-fit');");
      assert.match(r.text ?? '', /✓ Split before fitting \(checkpoint 'split-before-fit'\): passed/);
      assert.match(r.text ?? '', /fitted on the train part \(249 rows\) only/);
    });
    describe('on titanic without the name column (many passengers share sex, age and class)', () => {
      const NO_NAME = `${IMPORTS} import { DummyClassifier, gridSearch, StratifiedKFold } from 'modelbook';
const people = (await readCSV('titanic.csv')).select(['sex', 'age', 'passengerClass', 'survived']).reify();
const scaled = () => new Pipeline({ steps: [new SimpleImputer({ columns: ['age'] }), new StandardScaler({ columns: ['age'] }), new OneHotEncoder({ columns: ['sex', 'passengerClass'] })], estimator: new LogisticRegression() });`;
      const SPLIT_PEOPLE = "const { train, test } = trainTestSplit(people, { testSize: 0.25, stratify: 'survived', seed: 42 });";
      const EVALUATE = "await evaluate(pipe, test, { label: 'survived', positiveLabel: 'yes', bootstrap: false });";

      it('passes CV, a grid search and a baseline on the train part though test rows duplicate training rows', async () => {
        await notebook([
          NO_NAME,
          SPLIT_PEOPLE,
          "const folds = new StratifiedKFold({ nSplits: 3, shuffle: true, seed: 1 }); await crossValidate(scaled(), train, { label: 'survived', cv: folds });",
          "await gridSearch(scaled(), train, { label: 'survived', cv: folds, paramGrid: { C: [0.1, 1] }, scoring: 'rocAuc' });",
          "await new DummyClassifier({ strategy: 'prior' }).fit(train, 'survived'); const pipe = await scaled().fit(train, 'survived');",
          EVALUATE,
        ]);
        // The premise: identical passengers really are on both sides of the split.
        const dup = await passing('const seen = new Set(train.objects().map((o) => JSON.stringify(o))); test.objects().filter((o) => seen.has(JSON.stringify(o))).length');
        assert.ok(Number(dup.text) > 50, `duplicated test rows: ${dup.text}`);
        const r = await passing("await checkpoint('split-before-fit');");
        assert.match(r.text ?? '', /cross-validate Pipeline\(LogisticRegression\) .*: fitted on the train part \(\d+ rows\) only/);
        assert.match(r.text ?? '', /grid search Pipeline\(LogisticRegression\) .*: fitted on the train part/);
        assert.match(r.text ?? '', /DummyClassifier .*: fitted on the train part/);
      });

      it('passes CV and a grid search on tables derived from the train part (derive, filter) though test rows duplicate training rows, and records the split on each', async () => {
        await notebook([
          NO_NAME,
          SPLIT_PEOPLE,
          "const folds = new StratifiedKFold({ nSplits: 3, shuffle: true, seed: 1 }); await crossValidate(scaled(), train.derive({ older: (d) => (d.age > 30 ? 1 : 0) }), { label: 'survived', cv: folds });",
          "await gridSearch(scaled(), train.filter((d) => d.passengerClass !== '1st'), { label: 'survived', cv: folds, paramGrid: { C: [0.1, 1] }, scoring: 'rocAuc' });",
          "const pipe = await scaled().fit(train, 'survived');",
          EVALUATE,
        ]);
        const r = await passing("await checkpoint('split-before-fit');");
        assert.match(r.text ?? '', /cross-validate Pipeline\(LogisticRegression\) .*: fitted on 981 rows made from the train part only \(columns added: the same rows in order/);
        assert.match(r.text ?? '', /grid search Pipeline\(LogisticRegression\) .*: fitted on [\d,]+ rows made from the train part only \(a row subset: /);
        assert.doesNotMatch(r.text ?? '', /rows were compared/);
        const runs = readRunRecords<RunRecord>(ws).filter((x) => (x.kind === 'cv' || x.kind === 'search') && x.session === latestCheckpoint('split-before-fit').session);
        assert.deepEqual(runs.map((x) => [x.kind, x.splitter?.kind, x.split?.kind, (x.split?.params.parts as { role?: string }).role]).sort(), [
          ['cv', 'StratifiedKFold', 'trainTestSplit', 'train'],
          ['search', 'StratifiedKFold', 'trainTestSplit', 'train'],
        ]);
      });

      it('fails CV on the whole table before the split, and on a table derived from it, with what, why and fix', async () => {
        const folds = 'const folds = new StratifiedKFold({ nSplits: 3, shuffle: true, seed: 1 });';
        await notebook([NO_NAME, `${folds} await crossValidate(scaled(), people, { label: 'survived', cv: folds });`, SPLIT_PEOPLE, "const pipe = await scaled().fit(train, 'survived');", EVALUATE]);
        let r = await failing("await checkpoint('split-before-fit');");
        assert.match(
          errorText(r),
          /cross-validate Pipeline\(LogisticRegression\) .* was cross-validated on 1,309 rows: the whole table the test part was split from \(its SimpleImputer, StandardScaler, OneHotEncoder learned from those rows too\)/,
        );
        assert.match(errorText(r), /Fix: Call trainTestSplit first/);
        await notebook([
          NO_NAME,
          SPLIT_PEOPLE,
          `${folds} await crossValidate(scaled(), people.derive({ older: (d) => (d.age > 30 ? 1 : 0) }), { label: 'survived', cv: folds });`,
          "const pipe = await scaled().fit(train, 'survived');",
          EVALUATE,
        ]);
        r = await failing("await checkpoint('split-before-fit');");
        assert.match(errorText(r), /was cross-validated on 1,309 rows made from the table the test part was split from \(columns added: the same rows in order/);
      });

      it('fails a scaler fitted (in the pipeline) on the whole table before the split', async () => {
        await notebook([NO_NAME, "const pipe = await scaled().fit(people, 'survived');", SPLIT_PEOPLE, EVALUATE]);
        const r = await failing("await checkpoint('split-before-fit');");
        assert.match(errorText(r), /was fitted on 1,309 rows: the whole table the test part was split from \(its SimpleImputer, StandardScaler, OneHotEncoder learned from those rows too\)/);
      });
    });
    describe('on arrests, through column operations (many arrests have identical rows)', () => {
      const ARRESTS = `${IMPORTS}
const arrests = await readCSV('arrests.csv');
const inputs = ['year', 'age', 'employed', 'citizen', 'checks'];
const { train, test: audit } = trainTestSplit(arrests, { testSize: 0.5, stratify: 'released', seed: 14 });
const scaled = () => new Pipeline({ steps: [new StandardScaler({ columns: ['age', 'checks', 'year'] }), new OneHotEncoder({ columns: ['employed', 'citizen'] })], estimator: new LogisticRegression() });`;
      const EVALUATE = "await evaluate(pipe, audit.select([...inputs, 'released']), { label: 'released', positiveLabel: 'Yes', bootstrap: false });";
      const latestFits = (n: number) =>
        readRunRecords<RunRecord>(ws)
          .filter((r) => r.kind === 'fit')
          .sort((a, b) => a.id.localeCompare(b.id))
          .slice(-n);

      it('passes a pipeline fitted on train.select(…) and train.derive(…), evaluated on audit.select(…), and records why', async () => {
        await notebook([
          ARRESTS,
          "const pipe = await scaled().fit(train.select([...inputs, 'released']), 'released');",
          "await scaled().fit(train.select([...inputs, 'released']).derive({ older: (d) => (d.age > 30 ? 1 : 0) }), 'released');",
          "await scaled().fit(train.filter((d) => d.year > 1998).select([...inputs, 'released']), 'released');",
          EVALUATE,
        ]);
        // The premise: identical people really are on both sides of the split, on the columns the model sees.
        const dup = await passing(
          "const key = (o) => JSON.stringify([...inputs, 'released'].map((c) => o[c])); const seen = new Set(train.objects().map(key)); audit.objects().filter((o) => seen.has(key(o))).length",
        );
        assert.ok(Number(dup.text) > 500, `duplicated audit rows: ${dup.text}`);
        const r = await passing("await checkpoint('split-before-fit');");
        assert.match(r.text ?? '', /fitted on 2,613 rows made from the train part only \(columns selected: the same rows in order, compared on 6 of 8 columns\)/);
        assert.match(r.text ?? '', /fitted on 2,613 rows made from the train part only \(columns selected and added: the same rows in order, compared on 6 of 8 columns\)/);
        assert.match(r.text ?? '', /made from the train part only \(a row subset: [\d,]+ rows, all in the train part, \d+ only there, none only in the test part/);
        // The records explain the verdict: each fit's split says which part its data was made from, and how.
        const parts = latestFits(3).map((f) => (f.splitter?.params as { parts?: { role?: string; note?: string } }).parts);
        assert.deepEqual(
          parts.map((p) => p?.role),
          ['train', 'train', 'train'],
        );
        assert.match(parts[0]?.note ?? '', /^columns selected/);
      });

      it('fails a StandardScaler fitted on its own on the whole table before the split, and passes one fitted on train', async () => {
        const PIPE = "const pipe = await scaled().fit(train.select([...inputs, 'released']), 'released');";
        await notebook([ARRESTS, "const scaler = new StandardScaler({ columns: ['age', 'checks'] }).fit(arrests);", PIPE, EVALUATE]);
        const r = await failing("await checkpoint('split-before-fit');");
        assert.match(
          errorText(r),
          /A StandardScaler was fitted on its own on 5,226 rows: the table the test part was split from \(columns unchanged: the same rows in order, compared on 8 of 8 columns\)/,
        );
        assert.match(errorText(r), /make it a step of the Pipeline/);
        await notebook([ARRESTS, "const scaler = new StandardScaler({ columns: ['age', 'checks'] }).fit(train);", PIPE, EVALUATE]);
        await passing("await checkpoint('split-before-fit');");
      });

      it('reads a StandardScaler fitted on its own on the whole table from the records: after a restart the verdict is the same, and the default run lists leave it out', async () => {
        await notebook([ARRESTS, "new StandardScaler({ columns: ['age', 'checks'] }).fit(arrests);", "const pipe = await scaled().fit(train.select([...inputs, 'released']), 'released');", EVALUATE]);
        const inKernel = await failing("await checkpoint('split-before-fit');");
        const recorded = latestCheckpoint('split-before-fit');
        await session.restart(); // nothing of that session stays in memory: no table, no scaler
        const runs = readRunRecords<RunRecord>(ws)
          .filter((x) => x.session === recorded.session && x.kind !== 'checkpoint')
          .sort((a, b) => a.id.localeCompare(b.id));
        const scaler = runs.find((x) => x.kind === 'fit' && x.name === 'StandardScaler');
        assert.deepEqual(scaler?.tags, ['preprocessor']);
        assert.equal((scaler?.splitter?.params.parts as { role?: string }).role, 'source');
        const again = await splitBeforeFit.check({ runs, options: {}, kernel: { sharedRows: () => undefined, predictions: () => undefined } } as CheckpointContext);
        assert.equal(again.passed, false);
        assert.deepEqual(again.problems, recorded.params.problems);
        assert.match(again.problems[0].what, /^A StandardScaler was fitted on its own on 5,226 rows: the table the test part was split from/);
        assert.ok(errorText(inKernel).includes(again.problems[0].what), errorText(inKernel));
        const out: string[] = [];
        const err: string[] = [];
        const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
        assert.equal(await runRunsCommand(['--limit', '200'], io, ws), 0);
        assert.doesNotMatch(out.join(''), /StandardScaler/);
        assert.match(err.join(''), /\d+ preprocessor fits? not listed \(--filter 'tags has "preprocessor"' lists them\)/);
        out.length = 0;
        assert.equal(await runRunsCommand(['--filter', 'tags has "preprocessor"'], io, ws), 0);
        assert.match(out.join(''), /StandardScaler +fit +finished/);
        // Re-running the later cells in the new session (the scaler's cell not among them) sees only that session's runs: the pipeline on train passes.
        for (const cell of [ARRESTS, "const pipe = await scaled().fit(train.select([...inputs, 'released']), 'released');", EVALUATE]) assert.equal((await run(session, cell)).status, 'ok');
        await passing("await checkpoint('split-before-fit');");
      });

      it('fails a pipeline fitted on the whole table, on a selection of it, and on the audit part', async () => {
        await notebook([ARRESTS, "const pipe = await scaled().fit(arrests.select([...inputs, 'released']), 'released');", EVALUATE]);
        let r = await failing("await checkpoint('split-before-fit');");
        assert.match(
          errorText(r),
          /was fitted on 5,226 rows made from the table the test part was split from \(columns selected: the same rows in order, compared on 6 of 8 columns\) \(its StandardScaler, OneHotEncoder learned from those rows too\)/,
        );
        await notebook([ARRESTS, "const pipe = await scaled().fit(audit.filter((d) => d.year > 1998).select([...inputs, 'released']), 'released');", EVALUATE]);
        r = await failing("await checkpoint('split-before-fit');");
        assert.match(
          errorText(r),
          /was fitted on the evaluation's test data \(data made from the test part: a row subset: [\d,]+ rows, all in the test part, \d+ only there, compared on 6 of 8 columns\)/,
        );
      });
    });
  });

  describe('seeds-fixed', () => {
    it('names the split without a seed with the exact option to add; the bootstrap and a stratified DummyClassifier fall back to seed 0 and pass', async () => {
      const DUMMY = "import { DummyClassifier } from 'modelbook'; await new DummyClassifier({ strategy: 'stratified' }).fit(train, 'adelie');";
      const FIT = "const pipe = await make().fit(train, 'adelie');";
      const EVALUATE = "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: { resamples: 200 } });";
      await notebook([PENGUINS, "const { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie' });", FIT, DUMMY, EVALUATE]);
      const r = await failing("await checkpoint('seeds-fixed');");
      assert.match(
        errorText(r),
        /failed:\n1\. trainTestSplit has no seed \(fit Pipeline\(LogisticRegression\) .*\)\. Fix: Add seed to the split: trainTestSplit\(data, \{ testSize: 0.25, seed: 42 \}\)\.$/,
      );
      await notebook([PENGUINS, SPLIT, FIT, DUMMY, EVALUATE]);
      const text = (await passing("await checkpoint('seeds-fixed');")).text ?? '';
      assert.match(text, /the evaluation's bootstrap seed 0 \(the default: the same on every run\)/);
      assert.match(text, /fit DummyClassifier .*: DummyClassifier's random 'stratified' predictions seed 0/);
    });
  });

  describe('beats-baseline', () => {
    it('fails an evaluation without a baseline, then a bare point estimate, and passes with the bootstrap interval of the difference above zero', async () => {
      const fitBoth = "const pipe = await make().fit(train, 'adelie'); const base = await islandOnly().fit(train, 'adelie');";
      await notebook([PENGUINS, SPLIT, fitBoth, `await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', ${BOOT} });`]);
      assert.match(errorText(await failing("await checkpoint('beats-baseline');")), /has no baseline comparison\. Fix: Pass a baseline model/);
      await notebook([PENGUINS, SPLIT, fitBoth, "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', baseline: base, bootstrap: false });"]);
      assert.match(
        errorText(await failing("await checkpoint('beats-baseline');")),
        /The auc difference from the baseline \(.*\) is a bare point estimate.* Fix: Turn the bootstrap on: .*bootstrap: \{ resamples: 1000, seed: 1 \}/,
      );
      await notebook([PENGUINS, SPLIT, fitBoth, `await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', baseline: base, ${BOOT} });`]);
      assert.match((await passing("await checkpoint('beats-baseline');")).text ?? '', /auc: model .* vs baseline .*, difference 95% interval/);
      const ev = readRunRecords<RunRecord>(ws)
        .filter((r) => r.kind === 'evaluation')
        .sort((a, b) => b.id.localeCompare(a.id))[0];
      const baseline = ev.params.baseline as { name: string; comparisons: { metric: string; low?: number; high?: number; level?: number; pValue: number | null }[] };
      const auc = baseline.comparisons.find((c) => c.metric === 'auc')!;
      assert.ok(auc.low! > 0 && auc.high! >= auc.low!, JSON.stringify(auc));
      assert.equal(auc.level, 0.95);
    });
  });

  describe('card-complete', () => {
    it('fails a card without limitations and ethics, naming each, and passes the complete card', async () => {
      const cells = [PENGUINS, SPLIT, "const pipe = await make().fit(train, 'adelie');", "const ev = await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: false });"];
      await notebook([...cells, "modelCard({ run: ev, intendedUse: 'Sorting field measurements before review.' });"]);
      const r = await failing("await checkpoint('card-complete');");
      assert.match(errorText(r), /has no limitations\. Fix: Write it: modelCard\(\{ run: ev, …, limitations: '…' \}\)/);
      assert.match(errorText(r), /has no ethics\./);
      await notebook([...cells, "modelCard({ run: ev, intendedUse: 'Sorting field measurements before review.', limitations: 'Three islands, one season.', ethics: 'No person is affected.' });"]);
      assert.match((await passing("await checkpoint('card-complete');")).text ?? '', /intendedUse, limitations, ethics written/);
    });
  });

  describe('data-quality', () => {
    it("fails a fit whose features include the passengers' names, and passes without them or with a justification", async () => {
      await notebook([TITANIC, "await model(['name']).fit(train, 'survived');"]);
      const r = await failing("await checkpoint('data-quality');");
      assert.match(errorText(r), /Column 'name' looks like personal data \(.*\) and is among the features of fit Pipeline\(LogisticRegression\)/);
      assert.match(errorText(r), /checkpoint\('data-quality', \{ justify: \{ 'name': 'the reason' \} \}\)/);
      assert.match(
        (await passing("await checkpoint('data-quality', { justify: { name: 'a teaching example: names show titles such as Master' } });")).text ?? '',
        /column 'name' \(personal data\) justified/,
      );
      // The corrected notebook drops the names in the pipeline (a recorded DropColumns step).
      await notebook([TITANIC, "await model().fit(train, 'survived');"]);
      assert.match(
        (await passing("await checkpoint('data-quality');")).text ?? '',
        /✓ Data quality .*: passed\nChecked:\n {2}- fit Pipeline\(LogisticRegression\) .*: \d+ data findings recorded on its data/,
      );
    });
  });

  describe('fairness', () => {
    const FIT = "const pipe = await model().fit(train, 'survived');";
    it('fails an evaluation not sliced by the declared attribute, and a recall gap across sex the card does not explain; passes once the card explains it', async () => {
      await notebook([TITANIC, TITANIC_PROBLEM, FIT, "const ev = await evaluate(pipe, test, { label: 'survived', positiveLabel: 'yes', bootstrap: false });"]);
      assert.match(errorText(await failing("await checkpoint('fairness');")), /no slice by 'sex'\. Fix: Slice the evaluation by it: evaluate\(model, test, \{ …, slices: \['sex'\] \}\)/);
      const evaluated = "const ev = await evaluate(pipe, test, { label: 'survived', positiveLabel: 'yes', slices: ['sex'], bootstrap: false });";
      await notebook([TITANIC, TITANIC_PROBLEM, FIT, evaluated]);
      const r = await failing("await checkpoint('fairness');");
      assert.match(errorText(r), /The recall gap across 'sex' is [0-9.]+ \(male: [0-9.]+, female: [0-9.]+\), over the limit of 0\.1\./);
      const explained =
        "modelCard({ run: ev, intendedUse: 'Teaching.', limitations: 'Recall is far lower for sex = male: in 1912 men mostly gave up their places in the boats, so the data has few male survivors.', ethics: 'Historical data; no decision about people.' });";
      await notebook([TITANIC, TITANIC_PROBLEM, FIT, evaluated, explained]);
      assert.match((await passing("await checkpoint('fairness');")).text ?? '', /'sex': the gap is over the limit and the card \(.*\) explains it/);
    });

    it('gives the same verdict with the same numbers from the records alone, after the kernel restarted', async () => {
      const evaluated = "const ev = await evaluate(pipe, test, { label: 'survived', positiveLabel: 'yes', slices: ['sex'], bootstrap: false });";
      await notebook([TITANIC, TITANIC_PROBLEM, FIT, evaluated]);
      const inKernel = await failing("await checkpoint('fairness');");
      const recorded = latestCheckpoint('fairness');
      await session.restart(); // nothing of that session stays in memory
      const runs = readRunRecords<RunRecord>(ws)
        .filter((r) => r.session === recorded.session && r.kind !== 'checkpoint')
        .sort((a, b) => a.id.localeCompare(b.id));
      const facts = { sharedRows: () => undefined, predictions: (r: RunRecord) => readKeptPredictions(ws, r) };
      const again = await fairness.check({ runs, options: {}, kernel: facts } as CheckpointContext);
      assert.equal(again.passed, false);
      assert.deepEqual(again.problems, recorded.params.problems);
      assert.deepEqual(again.checked, recorded.params.checked);
      assert.ok(errorText(inKernel).includes(again.problems[0].what), errorText(inKernel));
      assert.match(again.problems[0].fix, /naming the column 'sex' exactly as written/);
    });

    it('takes the attributes from the option when the problem declares none, and warns about groups too small to judge', async () => {
      await notebook([TITANIC, FIT, "await evaluate(pipe, test, { label: 'survived', positiveLabel: 'yes', slices: ['passengerClass'], bootstrap: false });"]);
      const r = await run(session, "await checkpoint('fairness', { attributes: ['passengerClass'], maxGap: 1, minGroupSize: 100 });");
      const rec = latestCheckpoint('fairness');
      assert.ok(
        (rec.params.checked as string[]).some((l) => /^warning: 'passengerClass' group 2nd has \d+ test rows \(< 100\)/.test(l)),
        JSON.stringify(rec.params.checked),
      );
      assert.equal(r.status, rec.params.passed ? 'ok' : 'error');
    });
  });

  describe('the API', () => {
    it('records a checkpoint run in the contract layout, in the same session as the runs it checked', async () => {
      await notebook([PENGUINS, SPLIT, "const pipe = await make().fit(train, 'adelie');", "await evaluate(pipe, test, { label: 'adelie', positiveLabel: 'yes', bootstrap: false });"]);
      await passing("await checkpoint('split-before-fit');");
      const rec = latestCheckpoint('split-before-fit');
      const fit = readRunRecords<RunRecord>(ws).find((r) => r.kind === 'fit' && r.session === rec.session);
      assert.ok(fit, 'the fit of this session');
      assert.equal(rec.kind, 'checkpoint');
      assert.equal(rec.status, 'finished');
      assert.equal(rec.notebook, 'study.mlnb');
      assert.ok(rec.cellId !== undefined || rec.codeHash !== undefined);
      assert.deepEqual(Object.keys(rec.params).sort(), ['checked', 'checkpoint', 'passed', 'problems', 'subject', 'title']);
      assert.equal(rec.params.checkpoint, 'split-before-fit');
      assert.equal(rec.params.title, 'Split before fitting');
      assert.deepEqual(rec.params.problems, []);
      assert.ok((rec.params.subject as string[]).includes(fit.id));
      assert.deepEqual(rec.metrics, { passed: 1 });
      assert.deepEqual(rec.gates, [{ name: 'checkpoint:split-before-fit', passed: true, detail: 'passed' }]);
    });

    it("runs, records and shows a team's own checkpoint, refuses a built-in's id, and lists every checkpoint", async () => {
      await notebook([PENGUINS]);
      await passing(`defineCheckpoint({ id: 'no-sex-feature', title: 'No sex feature', why: 'We promised not to use it.', check: (ctx) => {
        const used = ctx.runs.some((r) => r.kind === 'fit' && r.data.some((d) => d.fingerprint.columns.some((c) => c.name === 'Sex')));
        return { passed: !used, checked: [ctx.runs.length + ' runs read'], problems: used ? [{ what: 'A fit used Sex.', why: 'We promised.', fix: 'Drop it.' }] : [] };
      } });`);
      await passing(SPLIT + " await make().fit(train, 'adelie');");
      const r = await failing("await checkpoint('no-sex-feature');");
      assert.match(errorText(r), /Checkpoint 'no-sex-feature' \(No sex feature\) failed:\n1\. A fit used Sex\. Fix: Drop it\./);
      assert.match(r.displays.map((d) => d['text/html']).join(''), /No sex feature/);
      const rec = latestCheckpoint('no-sex-feature');
      assert.equal(rec.params.passed, false);
      assert.deepEqual(rec.gates, [{ name: 'checkpoint:no-sex-feature', passed: false, detail: 'A fit used Sex.' }]);
      const clash = await run(session, "defineCheckpoint({ id: 'fairness', title: 'Mine', why: 'Mine.', check: () => ({ passed: true, problems: [], checked: [] }) });");
      assert.equal(clash.status, 'error');
      assert.match(errorText(clash), /'fairness' is a built-in checkpoint; give your checkpoint another id/);
      const listed = await passing('checkpoints().map((c) => c.id).join(",")');
      assert.equal(listed.text, "'data-quality,split-before-fit,seeds-fixed,beats-baseline,fairness,card-complete,no-sex-feature'");
      assert.match(errorText(await run(session, "await checkpoint('nope');")), /unknown checkpoint "nope"/);
    });
  });
});
