import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { RunRecord } from '../../../../src/core/runs/contract';
import type { DiffSide, ModelDiff } from '../../../../src/core/review/contract';
import { diffModels, _pairEvaluations, type DiffEvaluation, type DiffInput } from '../../../../src/core/review/diffModels';
import { diffData, diffEnvironment, diffGates, diffModel, diffParams, flattenJson } from '../../../../src/core/review/diffRecords';
import { diffCells } from '../../../../src/core/review/diffCode';
import { formatDelta, verdictOf } from '../../../../src/core/review/verdict';
import { DIFF_COMMENT_MARKER, renderDiffMarkdown } from '../../../../src/core/review/renderDiffMarkdown';
import { renderDiffText } from '../../../../src/core/review/renderDiffText';
import { makeRecord } from '../runs/helpers';
import { binaryPair } from './sets';
import { REPO } from '../../paths';

const FAST = { bootstrap: { resamples: 200, seed: 1 } };
let seq = 0;
function evaluation(overrides: Partial<RunRecord> = {}): RunRecord {
  const n = seq++;
  const id = `01JD${String(n).padStart(22, '0')}`;
  return makeRecord({ id, kind: 'evaluation', name: 'evaluate model', cellId: 'eval', startedAt: `2026-03-01T09:${String(n % 60).padStart(2, '0')}:00.000Z`, ...overrides });
}
const side = (spec: string, evaluations: DiffEvaluation[], notebooks: Record<string, string> = {}): DiffInput => ({
  side: { spec, kind: 'revision', commit: `${spec}0000000000000000`, runIds: evaluations.map((e) => e.record.id) } as DiffSide,
  evaluations,
  notebooks,
});
function notebook(cells: { id: string; source: string; outputs?: unknown[]; execution_count?: number | null }[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((c) => ({ cell_type: 'code', id: c.id, metadata: {}, source: c.source, outputs: c.outputs ?? [], execution_count: c.execution_count ?? null })),
  });
}

describe('core/review diffModels', function () {
  this.timeout(60_000);

  describe('pairing', () => {
    it('pairs by notebook and cell id, then by run name, and lists the rest with a reason', () => {
      const b1 = { record: evaluation({ notebook: 'a.mlnb', cellId: 'c1', name: 'evaluate lr' }) };
      const b2 = { record: evaluation({ notebook: 'a.mlnb', cellId: 'old', name: 'evaluate mlp' }) };
      const b3 = { record: evaluation({ notebook: 'b.mlnb', cellId: 'x', name: 'evaluate gone' }) };
      const h1 = { record: evaluation({ notebook: 'a.mlnb', cellId: 'c1', name: 'evaluate lr (tuned)' }) };
      const h2 = { record: evaluation({ notebook: 'a.mlnb', cellId: 'new', name: 'evaluate mlp' }) };
      const h3 = { record: evaluation({ notebook: 'c.mlnb', cellId: 'y', name: 'evaluate new' }) };
      const { pairs, unpaired } = _pairEvaluations([b1, b2, b3], [h1, h2, h3]);
      assert.deepEqual(
        pairs.map(([b, h]) => [b.record.id, h.record.id]),
        [
          [b1.record.id, h1.record.id], // same cell, renamed run
          [b2.record.id, h2.record.id], // cell id changed, same run name
        ],
      );
      assert.deepEqual(
        unpaired.map((u) => [u.side, u.runId]),
        [
          ['base', b3.record.id],
          ['head', h3.record.id],
        ],
      );
      assert.match(unpaired[0].reason, /no head evaluation from cell x of b\.mlnb or named "evaluate gone"/);
    });

    it('keeps the latest finished evaluation per notebook, cell and name; failed runs and fits never pair', async () => {
      const old = evaluation({ startedAt: '2026-03-01T08:00:00.000Z', params: { C: 0.1 } });
      const latest = evaluation({ startedAt: '2026-03-01T10:00:00.000Z', params: { C: 1 } });
      const failed = evaluation({ startedAt: '2026-03-01T11:00:00.000Z', status: 'failed', params: { C: 5 } });
      const fit = evaluation({ kind: 'fit' });
      const head = evaluation({ params: { C: 10 } });
      const d = await diffModels(side('main', [{ record: old }, { record: latest }, { record: failed }, { record: fit }]), side('HEAD', [{ record: head }]), { statistics: FAST });
      assert.equal(d.pairs.length, 1);
      assert.equal(d.pairs[0].base.runId, latest.id);
      assert.deepEqual(d.pairs[0].params, [{ name: 'C', change: 'changed', base: 1, head: 10 }]);
      assert.deepEqual(d.base.runIds, [latest.id]);
    });

    it('pairs two run sides directly, whatever their names; --notebook keeps one notebook', async () => {
      const a = evaluation({ name: 'x', notebook: 'a.mlnb' });
      const b = evaluation({ name: 'y', notebook: 'b.mlnb' });
      const runSide = (e: RunRecord): DiffInput => ({ side: { spec: e.id, kind: 'run', runIds: [e.id] }, evaluations: [{ record: e }], notebooks: new Map() });
      assert.equal((await diffModels(runSide(a), runSide(b), { statistics: FAST })).pairs.length, 1);
      const only = await diffModels(
        side('main', [{ record: a }, { record: b }]),
        side('HEAD', [{ record: evaluation({ name: 'x', notebook: 'a.mlnb' }) }, { record: evaluation({ name: 'y', notebook: 'b.mlnb' }) }]),
        {
          notebook: 'b.mlnb',
          statistics: FAST,
        },
      );
      assert.deepEqual(
        only.pairs.map((p) => p.notebook),
        ['b.mlnb'],
      );
    });

    it('says there is nothing to compare when no evaluation pairs', async () => {
      const d = await diffModels(side('main', []), side('HEAD', [{ record: evaluation() }]), { statistics: FAST });
      assert.equal(d.pairs.length, 0);
      assert.equal(d.unpaired.length, 1);
      assert.match(d.verdict, /nothing to compare/);
      assert.equal(d.failed, false);
    });
  });

  describe('record parts', () => {
    it('flattens params to dotted paths: estimator params, pipeline steps, splitter, seed', () => {
      assert.deepEqual(
        [...flattenJson({ C: 1, steps: [{ kind: 'impute', strategy: 'mean' }, {}], splitter: { kind: 'kfold', k: 5 } })],
        [
          ['C', 1],
          ['steps[0].kind', 'impute'],
          ['steps[0].strategy', 'mean'],
          ['steps[1]', {}],
          ['splitter.kind', 'kfold'],
          ['splitter.k', 5],
        ],
      );
      const changes = diffParams(
        { params: { model: { C: 1, penalty: 'l2' }, pipeline: { steps: [{ kind: 'scale' }] }, splitter: { k: 5 } }, seed: 1 },
        { params: { model: { C: 10, penalty: 'l2' }, pipeline: { steps: [{ kind: 'scale' }, { kind: 'onehot' }] }, splitter: { k: 10 } }, seed: 2 },
      );
      assert.deepEqual(changes, [
        { name: 'model.C', change: 'changed', base: 1, head: 10 },
        { name: 'pipeline.steps[1].kind', change: 'added', head: 'onehot' },
        { name: 'seed', change: 'changed', base: 1, head: 2 },
        { name: 'splitter.k', change: 'changed', base: 5, head: 10 },
      ]);
      assert.deepEqual(diffParams({ params: { a: 1, b: [1, 2] } }, { params: { a: 1, b: [1, 2] } }), []);
      assert.deepEqual(diffParams({ params: { gone: 'x' } }, { params: {} }), [{ name: 'gone', change: 'removed', base: 'x' }]);
    });

    it("leaves an evaluation's baseline comparison out of its parameters (results, shown with the metrics)", () => {
      const ev = (difference: number) => ({ kind: 'evaluation' as const, params: { C: 1, baseline: { name: 'base', comparisons: [{ metric: 'auc', difference }] } } });
      assert.deepEqual(diffParams(ev(0.1), ev(0.2)), []);
    });

    it('diffs the model: type, parameter count, layers by name and weight statistics', () => {
      const m = diffModel(
        {
          type: 'MLPClassifier',
          parameterCount: 100,
          layers: [
            { name: 'dense1', kind: 'Dense', outputShape: [null, 8], parameters: 80 },
            { name: 'out', kind: 'Dense', outputShape: [null, 1], parameters: 20 },
          ],
          weights: [{ name: 'dense1/kernel', shape: [9, 8], mean: 0.1, std: 0.5, min: -1, max: 1 }],
        },
        {
          type: 'MLPClassifier',
          parameterCount: 180,
          layers: [
            { name: 'dense1', kind: 'Dense', outputShape: [null, 16], parameters: 160 },
            { name: 'out', kind: 'Dense', outputShape: [null, 1], parameters: 20 },
          ],
          weights: [{ name: 'dense1/kernel', shape: [9, 16], mean: 0.05, std: 0.4, min: -1, max: 1 }],
        },
      );
      assert.equal(m.typeChanged, false);
      assert.equal(m.parameterCountDelta, 80);
      assert.deepEqual(
        m.layers.map((l) => [l.name, l.change]),
        [
          ['dense1', 'changed'],
          ['out', 'unchanged'],
        ],
      );
      assert.equal(m.weights[0].change, 'changed');
      assert.ok(Math.abs(m.weights[0].meanDelta! + 0.05) < 1e-12);
      assert.ok(Math.abs(m.weights[0].stdDelta! + 0.1) < 1e-12);
      assert.deepEqual(diffModel(undefined, { type: 'LogisticRegression', parameterCount: 5 }).parameterCountDelta, null);
    });

    it('diffs data per role: same hash or not, rows, columns added, removed and retyped', () => {
      const fp = (hash: string, rows: number, cols: [string, string][]) => ({ hash, rows, columns: cols.map(([name, type]) => ({ name, type })) });
      const d = diffData(
        [
          {
            role: 'test',
            name: 'test',
            fingerprint: fp('aaaa', 100, [
              ['age', 'number'],
              ['plan', 'string'],
              ['churn', 'string'],
            ]),
          },
          { role: 'train', fingerprint: fp('bbbb', 400, [['age', 'number']]) },
        ],
        [
          {
            role: 'test',
            name: 'test',
            fingerprint: fp('cccc', 110, [
              ['age', 'string'],
              ['tenure', 'number'],
              ['churn', 'string'],
            ]),
          },
          { role: 'train', fingerprint: fp('bbbb', 400, [['age', 'number']]) },
        ],
      );
      const test = d.find((x) => x.role === 'test')!;
      assert.equal(test.sameContent, false);
      assert.equal(test.rowsDelta, 10);
      assert.deepEqual(test.columnsAdded, ['tenure']);
      assert.deepEqual(test.columnsRemoved, ['plan']);
      assert.deepEqual(test.typeChanged, [{ column: 'age', base: 'number', head: 'string' }]);
      assert.equal(d.find((x) => x.role === 'train')!.sameContent, true);
      // a renamed data set of the same role still pairs
      const renamed = diffData([{ role: 'test', name: 'old.csv', fingerprint: fp('a', 1, []) }], [{ role: 'test', name: 'new.csv', fingerprint: fp('a', 1, []) }]);
      assert.equal(renamed.length, 1);
      assert.equal(renamed[0].sameContent, true);
    });

    it('marks a gate that passed or was absent on base and fails on head as newly failing', () => {
      const g = diffGates(
        [
          { name: 'auc >= 0.8', passed: true, value: 0.85 },
          { name: 'recall >= 0.7', passed: false, value: 0.6 },
        ],
        [
          { name: 'auc >= 0.8', passed: false, value: 0.78 },
          { name: 'recall >= 0.7', passed: false, value: 0.65 },
          { name: 'f1 >= 0.5', passed: false, value: 0.4 },
        ],
      );
      assert.deepEqual(
        g.map((x) => [x.name, x.base, x.head, x.newlyFailing]),
        [
          ['auc >= 0.8', true, false, true],
          ['recall >= 0.7', false, false, false],
          ['f1 >= 0.5', null, false, true],
        ],
      );
    });

    it('lists only the environment entries that differ', () => {
      assert.deepEqual(
        diffEnvironment(
          { libraries: { '@tensorflow/tfjs': '4.21.0', arquero: '8.0.3' }, backend: 'wasm', runtime: 'node v20' },
          { libraries: { '@tensorflow/tfjs': '4.22.0', arquero: '8.0.3' }, backend: 'cpu', runtime: 'node v20' },
        ),
        [
          { name: '@tensorflow/tfjs', base: '4.21.0', head: '4.22.0' },
          { name: 'backend', base: 'wasm', head: 'cpu' },
        ],
      );
    });
  });

  describe('code', () => {
    it('reports cells added, removed and changed by id with a unified diff; outputs and execution counts never count', () => {
      const base = notebook([
        { id: 'load', source: "const df = load('a.csv');" },
        { id: 'train', source: 'const m = new LogisticRegression({\n  C: 1,\n});', outputs: [{ output_type: 'stream', name: 'stdout', text: 'x' }], execution_count: 3 },
        { id: 'gone', source: 'old()' },
      ]);
      const head = notebook([
        { id: 'load', source: "const df = load('a.csv');", outputs: [{ output_type: 'stream', name: 'stdout', text: 'different' }], execution_count: 9 },
        { id: 'feat', source: 'addFeature()' },
        { id: 'train', source: 'const m = new LogisticRegression({\n  C: 10,\n});' },
      ]);
      const cells = diffCells(base, head, 'churn.mlnb');
      assert.deepEqual(
        cells.map((c) => [c.cellId, c.change, c.index]),
        [
          ['feat', 'added', 2],
          ['train', 'changed', 3],
          ['gone', 'removed', 3],
        ],
      );
      assert.equal(cells[1].diff, '@@ -1,3 +1,3 @@\n const m = new LogisticRegression({\n-  C: 1,\n+  C: 10,\n });');
      assert.deepEqual(diffCells(base, base), []);
    });
  });

  describe('statistics, verdict and failOn', () => {
    it('uses the kept predictions for paired metrics and flips, and states a verdict line', async () => {
      const { base, head } = binaryPair(3000, 7, 0.6);
      // head is the better model: diff base → head says better; head → base says worse
      const rb = evaluation({ gates: [{ name: 'auc >= 0.7', passed: true }] });
      const rh = evaluation({ gates: [{ name: 'auc >= 0.7', passed: false }] });
      const worse = await diffModels(side('main', [{ record: rb, predictions: head }]), side('HEAD', [{ record: rh, predictions: base }]), { statistics: FAST });
      const p = worse.pairs[0];
      const auc = p.metrics.find((m) => m.name === 'auc')!;
      assert.equal(auc.method, 'paired-bootstrap');
      assert.equal(auc.verdict, 'worse');
      assert.ok(p.flips && p.flips.regressions > 0 && p.flips.mcnemar);
      assert.match(worse.verdict, /^head is significantly worse on .+ \(−[0-9.]+ \[−[0-9.]+, −[0-9.]+\]\).* and flips [0-9,]+ correct predictions; gates: 1 newly failing$/);
      assert.equal(worse.failed, true); // default failOn 'gates'
      assert.ok(p.slices.length > 0);

      const noGates = evaluation();
      const regression = await diffModels(side('main', [{ record: noGates, predictions: head }]), side('HEAD', [{ record: evaluation(), predictions: base }]), {
        failOn: 'regression',
        statistics: FAST,
      });
      assert.equal(regression.failed, true);
      const gatesOnly = await diffModels(side('main', [{ record: noGates, predictions: head }]), side('HEAD', [{ record: evaluation(), predictions: base }]), { failOn: 'gates', statistics: FAST });
      assert.equal(gatesOnly.failed, false);
      const never = await diffModels(side('main', [{ record: rb, predictions: head }]), side('HEAD', [{ record: rh, predictions: base }]), { failOn: 'never', statistics: FAST });
      assert.equal(never.failed, false);

      const better = await diffModels(side('main', [{ record: evaluation(), predictions: base }]), side('HEAD', [{ record: evaluation(), predictions: head }]), { statistics: FAST });
      assert.match(better.verdict, /^head is significantly better on /);
      assert.equal(better.failed, false);
    });

    it('falls back to the recorded intervals when a side kept no predictions, and says so', async () => {
      const rb = evaluation({ metrics: { auc: 0.8 }, intervals: { auc: { low: 0.78, high: 0.82, level: 0.95 } } });
      const rh = evaluation({ metrics: { auc: 0.7 }, intervals: { auc: { low: 0.68, high: 0.72, level: 0.95 } } });
      const d = await diffModels(side('main', [{ record: rb }]), side('HEAD', [{ record: rh, problem: 'bad bytes' }]), { failOn: 'regression', statistics: FAST });
      const auc = d.pairs[0].metrics[0];
      assert.equal(auc.method, 'recorded-intervals');
      assert.equal(auc.verdict, 'worse');
      assert.ok(d.pairs[0].notes.some((n) => /head predictions could not be read: bad bytes/.test(n)));
      assert.ok(d.pairs[0].notes.some((n) => /recorded intervals/.test(n)));
      assert.equal(d.failed, true);
      assert.equal(d.verdict, 'head is significantly worse on auc (−0.1 [−0.13, −0.072])');
    });

    it('formats deltas with a true minus sign', () => {
      assert.equal(formatDelta(-0.0312), '−0.031');
      assert.equal(formatDelta(0.012), '+0.012');
      assert.equal(formatDelta(0), '0');
      assert.equal(formatDelta(null), '—');
      assert.equal(verdictOf([]), 'nothing to compare: no evaluation was found on both sides');
    });
  });

  describe('renderers and schema', () => {
    let diff: ModelDiff;
    before(async () => {
      const { base, head } = binaryPair(2000, 3, 0.5);
      const nb = (c: string) => notebook([{ id: 'train', source: `const m = new LogisticRegression({ C: ${c} });` }]);
      diff = await diffModels(
        side(
          'main',
          [
            {
              record: evaluation({ notebook: 'churn.mlnb', params: { C: 1 }, gates: [{ name: 'auc >= 0.7', passed: true }], model: { type: 'LogisticRegression', parameterCount: 5 } }),
              predictions: head,
            },
          ],
          { 'churn.mlnb': nb('1') },
        ),
        side(
          'HEAD',
          [
            {
              record: evaluation({ notebook: 'churn.mlnb', params: { C: 10 }, gates: [{ name: 'auc >= 0.7', passed: false }], model: { type: 'LogisticRegression', parameterCount: 6 } }),
              predictions: base,
            },
          ],
          { 'churn.mlnb': nb('10') },
        ),
        { statistics: FAST },
      );
    });

    it('text: the verdict first, then metrics, flips, gates, params and the code diff', () => {
      const t = renderDiffText(diff);
      const lines = t.split('\n');
      assert.match(lines[0], /^model diff main \(main00000000\) → HEAD/);
      assert.match(lines[1], /^FAILED \(--fail-on gates\): head is significantly worse/);
      for (const re of [/auc .* ▼ worse/, /flips: 2,000 rows on both sides/, /auc >= 0\.7 +pass +→ +FAIL +newly failing/, /C +1 +→ +10/, /-const m = new LogisticRegression\(\{ C: 1 \}\);/])
        assert.match(t, re);
    });

    it('markdown: marker and verdict first, a metrics table with Δ, CI and mark, the rest in <details>', () => {
      const md = renderDiffMarkdown(diff);
      assert.ok(md.startsWith(`${DIFF_COMMENT_MARKER}\n### ❌ Model diff`));
      assert.ok(md.indexOf(diff.verdict.slice(0, 30)) < md.indexOf('| metric |'));
      assert.match(md, /\| auc \| [0-9.]+ \| [0-9.]+ \| −[0-9.]+ \| \[−[0-9.]+, −[0-9.]+\] \| [<0-9.]+ \| ▼ worse \|/);
      assert.match(md, /\*\*newly failing\*\*/);
      assert.match(md, /<details><summary>code: churn\.mlnb · cell <code>train<\/code>/);
      assert.doesNotMatch(md, /<img|data:image/);
    });

    it('markdown stays under 60,000 characters on a huge diff, with notes saying what was cut', () => {
      const huge: ModelDiff = structuredClone(diff);
      const p = huge.pairs[0];
      p.params = Array.from({ length: 5000 }, (_, i) => ({ name: `grid.param${i}`, change: 'changed' as const, base: i, head: `${'x'.repeat(50)}|<b>${i}` }));
      p.slices = Array.from({ length: 3000 }, (_, i) => ({ slice: 'zip', group: `z${i}`, rowsBase: 40, rowsHead: 40, smallGroup: false, metrics: [{ ...p.metrics[0], verdict: 'worse' as const }] }));
      huge.code = Array.from({ length: 50 }, (_, n) => ({
        notebook: `nb${n}.mlnb`,
        cells: Array.from({ length: 20 }, (_, k) => ({ cellId: `c${k}`, change: 'added' as const, index: k + 1, diff: 'line\n'.repeat(200) })),
      }));
      const md = renderDiffMarkdown(huge);
      assert.ok(md.length < 60_000, `${md.length}`);
      assert.ok(md.startsWith(DIFF_COMMENT_MARKER));
      assert.ok(md.includes(huge.verdict.slice(0, 40)));
      assert.match(md, /more (params|slice rows|sections|diff lines) not shown/);
      assert.doesNotMatch(md, /\|<b>/); // pipes and HTML in values are escaped
      // every <details> that opens closes, every fence that opens closes
      assert.equal((md.match(/<details>/g) ?? []).length, (md.match(/<\/details>/g) ?? []).length);
      assert.equal((md.match(/^```/gm) ?? []).length % 2, 0);
      const small = renderDiffMarkdown(huge, { maxChars: 5000 });
      assert.ok(small.length < 5000, `${small.length}`);
    });

    it('json: the ModelDiff validates against schemas/model-diff.schema.json, which rejects a broken one', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-diff.schema.json'), 'utf8'));
      const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
      const valid = (x: unknown): boolean => validate(x); // no type guard: the documents stay `any` for the checks below
      const doc = JSON.parse(JSON.stringify(diff));
      assert.ok(valid(doc), JSON.stringify(validate.errors, null, 2));
      for (const key of ['base', 'head', 'pairs', 'verdict', 'failed']) assert.ok(key in doc);
      for (const key of ['params', 'metrics', 'flips', 'slices', 'data', 'model', 'gates']) assert.ok(key in doc.pairs[0], key);
      const broken = { ...doc, failed: 'yes' };
      assert.equal(valid(broken), false);
      const badMetric = structuredClone(doc);
      delete badMetric.pairs[0].metrics[0].ci;
      assert.equal(valid(badMetric), false);
    });
  });
});
