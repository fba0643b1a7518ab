import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../paths';
import type { KernelSession } from '../../../src/kernel/host/session';
import { makeWorkspace, newSession, run, readRunRecords } from './helpers';
import { readPredictions } from '../../../src/store/review/readPredictions';

interface Rec {
  id: string;
  name: string;
  kind: string;
  status: string;
  parentId?: string;
  notebook?: string;
  cellId?: string;
  codeHash?: string;
  params: Record<string, unknown>;
  metrics: Record<string, number>;
  intervals?: Record<string, { low?: number; high?: number }>;
  history?: { epoch: number[]; metrics: Record<string, number[]> };
  data?: { role: string; fingerprint: { rows: number; hash: string } }[];
  model?: { type: string; parameterCount: number };
  gates?: { name: string; passed: boolean }[];
  environment?: { libraries?: Record<string, string> };
}

const SETUP = `import { readJSON, trainTestSplit, Pipeline, SimpleImputer, StandardScaler, numericColumns, LogisticRegression, MLPClassifier, crossValidate, gridSearch, evaluate, runs, KFold } from 'modelbook';
const penguins = (await readJSON('penguins.json')).filter((d) => d.Sex != null).derive({ adelie: (d) => (d.Species === 'Adelie' ? 1 : 0) }).select('adelie', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)');
const { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });
const pipe = () => new Pipeline({ steps: [new SimpleImputer({ columns: numericColumns() }), new StandardScaler({ columns: numericColumns() })], estimator: new LogisticRegression() });`;

describe('kernel: every fit, cross-validation, search and evaluation is recorded as a run', function () {
  this.timeout(120_000);
  let ws: string;
  let session: KernelSession;
  const records = (): Rec[] => readRunRecords<Rec>(ws);
  const newest = (kind: string) =>
    records()
      .filter((r) => r.kind === kind && !r.parentId)
      .sort((a, b) => b.id.localeCompare(a.id))[0];

  before(async () => {
    ws = makeWorkspace();
    fs.copyFileSync(path.join(REPO, 'examples/data/penguins.json'), path.join(ws, 'penguins.json'));
    session = newSession(ws, { notebookPath: path.join(ws, 'study.mlnb') });
    const r = await session.execute(SETUP, {}, { cellId: 'setup' });
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('records a plain fit with its notebook, cell, code hash, params, data fingerprint, model and history', async () => {
    const r = await session.execute("await pipe().fit(train, 'adelie');", {}, { cellId: 'fit-cell' });
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    const fit = newest('fit');
    assert.equal(fit.name, 'Pipeline(LogisticRegression)');
    assert.equal(fit.status, 'finished');
    assert.equal(fit.notebook, 'study.mlnb');
    assert.equal(fit.cellId, 'fit-cell');
    assert.match(fit.codeHash ?? '', /^[0-9a-f]+$/);
    assert.equal(fit.params.C, 1);
    assert.equal(fit.params.steps, 'SimpleImputer → StandardScaler');
    assert.equal(fit.data?.[0].role, 'train');
    assert.equal(fit.data?.[0].fingerprint.rows, 250);
    assert.ok(fit.model && fit.model.parameterCount > 0);
    assert.equal(fit.environment?.libraries?.modelbook, '0.1.0');
    assert.equal(records().filter((x) => x.kind === 'fit' && !x.parentId).length, 1, "the pipeline's inner estimator fit is not a second run");
  });

  it('records cross-validation as a cv run with a child per fold, and a search with a trial per candidate', async () => {
    const r = await run(
      session,
      "const cv = await crossValidate(pipe(), train, { label: 'adelie', cv: 4 });\nconst s = await gridSearch(pipe(), train, { label: 'adelie', paramGrid: { C: [0.01, 1] }, cv: 3, progress: false });",
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    const cv = newest('cv');
    assert.equal(cv.status, 'finished');
    assert.equal(typeof cv.metrics.accuracy, 'number');
    assert.equal(records().filter((x) => x.parentId === cv.id).length, 4);
    const search = newest('search');
    const trials = records().filter((x) => x.parentId === search.id);
    assert.deepEqual(trials.map((t) => t.params.C).sort(), [0.01, 1]);
    assert.ok(trials.every((t) => t.kind === 'trial' && typeof t.metrics.accuracy === 'number'));
  });

  it("keeps an evaluation's predictions beside its record, by id column or row hash, and readPredictions gives the same rows", async () => {
    const code = [
      "const m2 = await pipe().fit(train, 'adelie');",
      'const keyed = test.assign({ penguinId: Array.from({ length: test.numRows() }, (_, i) => `p${i}`) });',
      "await evaluate(m2, keyed, { label: 'adelie', idColumn: 'penguinId', bootstrap: false });",
      "const proba = await m2.predictProba(test.select(test.columnNames().filter((c) => c !== 'adelie')));",
      "JSON.stringify({ y: test.array('adelie'), score: Array.from({ length: proba.rows }, (_, i) => proba.data[i * 2 + 1]) })",
    ].join('\n');
    const r = await run(session, code);
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    const expected = JSON.parse((r.result!['text/plain'] as string).slice(1, -1)) as { y: number[]; score: number[] };
    const ev = newest('evaluation') as Rec & { predictions?: { path: string; rows: number; totalRows: number; identity: unknown } };
    assert.deepEqual(
      { ...ev.predictions, bytes: undefined },
      { path: `.modelbook/runs/${ev.id}.predictions`, rows: expected.y.length, totalRows: expected.y.length, identity: { kind: 'column', column: 'penguinId' }, bytes: undefined },
    );
    const set = readPredictions(path.join(ws, ev.predictions!.path));
    assert.deepEqual(
      set.rowIds,
      expected.y.map((_, i) => `p${i}`),
    );
    assert.deepEqual(set.yTrue, expected.y.map(String));
    assert.deepEqual(Array.from(set.yScore!), expected.score);
    assert.deepEqual(
      set.yPred,
      expected.score.map((s) => (s >= 0.5 ? '1' : '0')),
    );
    assert.deepEqual(Object.keys(set.features!), ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)']);

    const r2 = await run(session, "await evaluate(m2, test, { label: 'adelie', bootstrap: false });");
    assert.equal(r2.status, 'ok', JSON.stringify(r2.error));
    const hashed = readPredictions(path.join(ws, '.modelbook', 'runs', `${newest('evaluation').id}.predictions`));
    assert.deepEqual(hashed.identity, { kind: 'hash' });
    assert.ok(hashed.rowIds.every((id) => /^[0-9a-f]{16}$/.test(id)) && new Set(hashed.rowIds).size === hashed.rowIds.length);
  });

  it('records an evaluation with metrics, their confidence intervals and gate results', async () => {
    const r = await run(
      session,
      "const m = await pipe().fit(train, 'adelie');\nconst ev = await evaluate(m, test, { label: 'adelie', gates: ['auc >= 0.5'], bootstrap: { resamples: 100, seed: 1 } });\nev.passed",
    );
    assert.equal(r.text, 'true');
    const ev = newest('evaluation');
    assert.equal(ev.status, 'finished');
    assert.ok(ev.metrics.auc > 0.5);
    assert.ok(ev.intervals?.auc && typeof ev.intervals.auc.low === 'number');
    assert.deepEqual(
      ev.gates?.map((g) => [g.name, g.passed]),
      [['auc >= 0.5', true]],
    );
    assert.equal(ev.data?.[0].role, 'test');
    // The test part of trainTestSplit: the evaluation (and the fit on the train part) keep the split, so a model diff shows a changed split.
    const split = { kind: 'trainTestSplit', params: { testSize: 0.25, trainSize: null, shuffle: true, stratify: 'adelie', seed: 1, trainRows: 250, testRows: 84 } };
    // …with its lineage: the hashes of the table split and of both parts, the same on both runs.
    const withoutParts = (r: Rec) => {
      const { parts, ...params } = (r as Rec & { splitter: { params: Record<string, unknown> } }).splitter.params;
      return { splitter: { kind: (r as Rec & { splitter: { kind: string } }).splitter.kind, params }, parts };
    };
    const evSplit = withoutParts(ev);
    const fitSplit = withoutParts(newest('fit'));
    assert.deepEqual(evSplit.splitter, split);
    assert.deepEqual(fitSplit.splitter, split);
    assert.deepEqual(Object.keys(evSplit.parts as object).sort(), ['source', 'test', 'train']);
    assert.deepEqual(fitSplit.parts, evSplit.parts);
  });

  it("records a pipeline's steps in order with their params, the CV splitter, and the data's quality findings", async () => {
    const r = await run(
      session,
      [
        "const dirty = test.derive({ note: () => 'same' });",
        "const mp = await pipe().fit(train, 'adelie');",
        "await evaluate(mp, dirty, { label: 'adelie', bootstrap: { resamples: 20, seed: 1 } });",
        "await crossValidate(pipe(), train, { label: 'adelie', cv: new KFold({ nSplits: 3, shuffle: true, seed: 2 }) });",
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    const ev = newest('evaluation') as Rec & {
      pipeline?: { name: string; kind: string; params: Record<string, unknown> }[];
      data?: { role: string; findings?: { kind: string; column?: string }[] }[];
    };
    assert.deepEqual(
      ev.pipeline?.map((s) => [s.name, s.kind]),
      [
        ['simpleImputer', 'SimpleImputer'],
        ['standardScaler', 'StandardScaler'],
        ['estimator', 'LogisticRegression'],
      ],
    );
    assert.equal(ev.pipeline?.[0].params.strategy, 'mean');
    assert.ok(
      ev.data?.[0].findings?.some((f) => f.kind === 'constant' && f.column === 'note'),
      JSON.stringify(ev.data?.[0].findings),
    );
    const cv = newest('cv') as Rec & { splitter?: unknown };
    assert.deepEqual(cv.splitter, { kind: 'KFold', params: { nSplits: 3, shuffle: true, seed: 2 } });
  });

  it('records the PII scan of the data a fit and an evaluation used, beside the quality findings', async () => {
    const r = await run(
      session,
      [
        "import { DropColumns } from 'modelbook';",
        "const mails = (t) => t.assign({ contact: Array.from({ length: t.numRows() }, (_, i) => 'customer' + i + '@example.com') });",
        "const piiPipe = () => new Pipeline({ steps: [new DropColumns({ columns: ['contact'] })], estimator: new LogisticRegression() });",
        "const mp2 = await piiPipe().fit(mails(train), 'adelie');",
        "await evaluate(mp2, mails(test), { label: 'adelie' });",
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    for (const kind of ['fit', 'evaluation']) {
      const rec = newest(kind) as Rec & { data?: { role: string; findings?: { kind: string; severity: string; column?: string }[] }[] };
      const findings = rec.data?.[0].findings ?? [];
      assert.ok(
        findings.some((f) => f.kind === 'pii-email' && f.column === 'contact' && f.severity === 'error'),
        `${kind}: ${JSON.stringify(findings)}`,
      );
      assert.ok(!findings.some((f) => f.kind.startsWith('pii') && f.column === 'adelie'), 'no PII where there is none');
    }
  });

  it('marks an interrupted training run as interrupted and keeps the epochs it finished', async () => {
    const pending = session.execute(
      "const big = new MLPClassifier({ hiddenLayerSizes: [64, 64], maxIter: 100000, tol: 0, nIterNoChange: 100000, progress: false });\nawait big.fit(train.select('Beak Length (mm)', 'Beak Depth (mm)'), train.array('adelie'));",
      {},
    );
    await new Promise((res) => setTimeout(res, 1500));
    session.interrupt();
    assert.equal((await pending).status, 'interrupted');
    // The cell stops at once; the training loop notices at its next batch and then writes the record.
    let fit = newest('fit');
    for (let i = 0; i < 50 && fit.status === 'running'; i++) {
      await new Promise((res) => setTimeout(res, 100));
      fit = newest('fit');
    }
    assert.equal(fit.name, 'MLPClassifier');
    assert.equal(fit.status, 'interrupted');
    assert.ok((fit.history?.epoch.length ?? 0) > 0, 'epochs before the interrupt are kept');
  });

  it('leaves the live training header saying "interrupted" with the epoch reached, not a stale ETA', async () => {
    const displays: Record<string, unknown>[] = [];
    const pending = session.execute(
      "const big2 = new MLPClassifier({ hiddenLayerSizes: [64, 64], maxIter: 100000, tol: 0, nIterNoChange: 100000 });\nawait big2.fit(train.select('Beak Length (mm)', 'Beak Depth (mm)'), train.array('adelie'));",
      { display: (d) => displays.push(d) },
    );
    await new Promise((res) => setTimeout(res, 1500));
    session.interrupt();
    assert.equal((await pending).status, 'interrupted');
    assert.ok(displays.length >= 2, `live updates were shown (${displays.length})`);
    const last = String(displays.at(-1)!['text/plain']);
    assert.match(last, /^MLPClassifier · interrupted (in|after) epoch \d+\/100000/);
    assert.doesNotMatch(last, /ETA/);
  });

  it("shows the notebook's recent runs with runs()", async () => {
    const r = await run(session, 'runs()');
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    const html = r.result!['text/html'] as string;
    assert.match(html, /MLPClassifier/);
    assert.match(r.result!['text/plain'] as string, /evaluate Pipeline\(Logistic/);
  });
});
