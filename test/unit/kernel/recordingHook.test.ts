import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../paths';
import type { KernelSession } from '../../../src/kernel/host/session';
import { makeWorkspace, newSession, run, readRunRecords } from './helpers';

interface Rec {
  id: string;
  name: string;
  kind: string;
  status: string;
  parentId?: string;
  cellId?: string;
  params: Record<string, unknown>;
  history?: { epoch: number[]; metrics: Record<string, number[]> };
  data?: { role: string; fingerprint: { rows: number } }[];
  error?: { message: string };
}

const SETUP = `import { readJSON, trainTestSplit, Pipeline, StandardScaler, numericColumns, LogisticRegression, BaseEstimator, observeFit, crossValidate, registerEstimator, createEstimator } from 'modelbook';
const penguins = (await readJSON('penguins.json')).filter((d) => d.Sex != null).derive({ adelie: (d) => (d.Species === 'Adelie' ? 1 : 0) }).select('adelie', 'Beak Length (mm)', 'Beak Depth (mm)');
const { train } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'adelie', seed: 1 });
const x = train.select('Beak Length (mm)', 'Beak Depth (mm)');
const y = train.array('adelie');
const pipe = (C) => new Pipeline({ steps: [new StandardScaler({ columns: numericColumns() })], estimator: new LogisticRegression({ C }) });
/** A notebook-written estimator: the mean of y, trained in steps that yield to the event loop. */
class MeanModel extends BaseEstimator {
  constructor(params = {}) { super(); this.params = { epochs: 3, ...params }; }
  spec() { return { type: 'MeanModel', params: this.params }; }
  async fitModel(x, y, options) {
    if (this.params.fail) throw new Error('MeanModel cannot fit this');
    for (let epoch = 1; epoch <= this.params.epochs; epoch++) {
      await new Promise((r) => setTimeout(r, 5));
      options.onProgress?.({ epoch, epochs: this.params.epochs, metrics: { loss: 1 / epoch }, elapsedMs: 0 });
    }
    this.mean = Array.from(y).reduce((a, b) => a + b, 0) / y.length;
  }
  async predict(x) { return new Float64Array(x.numRows()).fill(this.mean); }
}`;

describe('kernel: every fit goes through the recording hook, per async context', function () {
  this.timeout(120_000);
  let ws: string;
  let session: KernelSession;
  const records = (): Rec[] => readRunRecords<Rec>(ws);
  /** The runs a cell made, oldest first. */
  const runsOf = async (cellId: string, source: string): Promise<Rec[]> => {
    const r = await session.execute(source, {}, { cellId });
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    return records()
      .filter((x) => x.cellId === cellId)
      .sort((a, b) => a.id.localeCompare(b.id));
  };
  const topLevel = (rs: Rec[]) => rs.filter((r) => !r.parentId);

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

  it('records the fit of an estimator class written in a cell, with its params, data and progress', async () => {
    const rs = await runsOf('user-fit', 'const mm = await new MeanModel({ epochs: 4 }).fit(x, y);\nmm.mean');
    assert.equal(rs.length, 1);
    const [fit] = rs;
    assert.equal(fit.name, 'MeanModel');
    assert.equal(fit.kind, 'fit');
    assert.equal(fit.status, 'finished');
    assert.equal(fit.params.epochs, 4);
    assert.equal(fit.data?.[0].role, 'train');
    assert.equal(fit.data?.[0].fingerprint.rows, 250);
    assert.deepEqual(fit.history?.epoch, [1, 2, 3, 4]);
  });

  it("records a cell-written estimator's failed fit as failed, and the cell still sees the error", async () => {
    const r = await run(session, 'await new MeanModel({ fail: true }).fit(x, y);');
    assert.equal(r.status, 'error');
    const failed = records().filter((x) => x.name === 'MeanModel' && x.status === 'failed');
    assert.equal(failed.length, 1);
    assert.match(failed[0].error?.message ?? '', /cannot fit this/);
  });

  it('records two concurrent fits each as its own top-level run with its own params', async () => {
    const rs = await runsOf('concurrent-fits', 'await Promise.all([new LogisticRegression({ C: 0.1 }).fit(x, y), new LogisticRegression({ C: 10 }).fit(x, y)]);');
    assert.deepEqual(
      rs.map((r) => [r.name, r.params.C, r.status, r.parentId]),
      [
        ['LogisticRegression', 0.1, 'finished', undefined],
        ['LogisticRegression', 10, 'finished', undefined],
      ],
    );
  });

  it('records concurrent fits of cell-written estimators whose training interleaves, each with its own history', async () => {
    const rs = await runsOf('concurrent-user', 'await Promise.all([new MeanModel({ epochs: 2 }).fit(x, y), new MeanModel({ epochs: 5 }).fit(x, y), new MeanModel({ epochs: 3 }).fit(x, y)]);');
    assert.deepEqual(
      rs.map((r) => [r.params.epochs, r.history?.epoch.length, r.parentId]),
      [
        [2, 2, undefined],
        [5, 5, undefined],
        [3, 3, undefined],
      ],
    );
  });

  it("keeps the nesting of concurrent calls: each pipeline is one run, a cross-validation's folds are its children only", async () => {
    const rs = await runsOf('concurrent-nested', "await Promise.all([pipe(0.5).fit(train, 'adelie'), crossValidate(pipe(1), train, { label: 'adelie', cv: 3 }), pipe(2).fit(train, 'adelie')]);");
    const top = topLevel(rs);
    assert.deepEqual(
      top.map((r) => [r.kind, r.name, r.params.C]),
      [
        ['fit', 'Pipeline(LogisticRegression)', 0.5],
        ['cv', 'cross-validate Pipeline(LogisticRegression)', 1],
        ['fit', 'Pipeline(LogisticRegression)', 2],
      ],
    );
    const cv = top[1];
    const children = rs.filter((r) => r.parentId);
    assert.equal(children.length, 3);
    assert.ok(
      children.every((c) => c.parentId === cv.id && c.name.startsWith('fold ')),
      "the folds' fits are children of the cv run, not runs of their own",
    );
  });

  it('records a cell-written class that follows the estimator contract by running its fit through observeFit', async () => {
    const source = `class Constant {
  constructor(value) { this.value = value; }
  spec() { return { type: 'Constant', params: { value: this.value } }; }
  fit(x, y, options = {}) { return observeFit(this, x, options, async () => this); }
  async predict(x) { return new Float64Array(x.numRows()).fill(this.value); }
}
await new Constant(7).fit(x, y);`;
    const rs = await runsOf('contract-fit', source);
    assert.deepEqual(
      rs.map((r) => [r.name, r.kind, r.status, r.params.value]),
      [['Constant', 'fit', 'finished', 7]],
    );
  });

  it('records the fit of a registered cell-written estimator built from its spec', async () => {
    const rs = await runsOf('registered-fit', "registerEstimator('MeanModel', { create: (p) => new MeanModel(p) });\nawait createEstimator({ type: 'MeanModel', params: { epochs: 2 } }).fit(x, y);");
    assert.deepEqual(
      rs.map((r) => [r.name, r.status, r.params.epochs, r.history?.epoch.length]),
      [['MeanModel', 'finished', 2, 2]],
    );
  });

  it('records a fit started from a timer that a finished recorded fit left behind as a run of its own', async () => {
    const source = `class Scheduler extends MeanModel {
  async fitModel(x, y, options) { await super.fitModel(x, y, options); globalThis.later = new Promise((r) => setTimeout(() => r(new LogisticRegression({ C: 3 }).fit(x, y)), 20)); }
}
await new Scheduler({ epochs: 1 }).fit(x, y);
await globalThis.later;`;
    const rs = await runsOf('timer-fit', source);
    assert.deepEqual(
      rs.map((r) => [r.name, r.status, r.parentId]),
      [
        ['MeanModel', 'finished', undefined],
        ['LogisticRegression', 'finished', undefined],
      ],
    );
  });

  it("records a cell-written estimator inside a pipeline as the pipeline's one run", async () => {
    const rs = await runsOf('user-in-pipeline', "await new Pipeline({ steps: [new StandardScaler({ columns: numericColumns() })], estimator: new MeanModel() }).fit(train, 'adelie');");
    assert.deepEqual(
      rs.map((r) => [r.name, r.kind, r.parentId]),
      [['Pipeline(MeanModel)', 'fit', undefined]],
    );
    assert.equal(rs[0].params.steps, 'StandardScaler');
    assert.equal(rs[0].params.epochs, 3);
  });
});
