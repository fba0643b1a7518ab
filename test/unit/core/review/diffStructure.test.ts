import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { DataUse, PipelineStepRecord, RunRecord } from '../../../../src/core/runs/contract';
import type { DiffSide } from '../../../../src/core/review/contract';
import { diffModels } from '../../../../src/core/review/diffModels';
import { diffData, diffEnvironment, diffParams, listEnvironment } from '../../../../src/core/review/diffRecords';
import { diffFindings, diffPipeline } from '../../../../src/core/review/diffStructure';
import { renderDiffMarkdown } from '../../../../src/core/review/renderDiffMarkdown';
import { renderDiffText } from '../../../../src/core/review/renderDiffText';
import { renderDiffHtml } from '../../../../src/core/review/reportHtml';
import { makeRecord } from '../runs/helpers';
import { REPO } from '../../paths';

const step = (name: string, kind: string, params: PipelineStepRecord['params'] = {}): PipelineStepRecord => ({ name, kind, params });
const fp = (hash: string) => ({ hash, rows: 100, columns: [{ name: 'age', type: 'number' }] });

describe('core/review pipeline, splitter, data findings and environment in the model diff', () => {
  describe('diffPipeline', () => {
    it('compares steps by name: added, removed, moved, replaced by another class, unchanged', () => {
      const base = [step('impute', 'SimpleImputer'), step('scale', 'StandardScaler'), step('onehot', 'OneHotEncoder'), step('estimator', 'LogisticRegression')];
      const head = [step('scale', 'MinMaxScaler'), step('impute', 'SimpleImputer'), step('bucket', 'Bucketizer'), step('estimator', 'LogisticRegression')];
      assert.deepEqual(
        diffPipeline(base, head)!.map((s) => [s.name, s.change, s.base?.index, s.head?.index]),
        [
          ['scale', 'changed', 1, 0], // kept its order relative to the others (impute moved instead), class replaced
          ['impute', 'moved', 0, 1],
          ['bucket', 'added', undefined, 2],
          ['estimator', 'unchanged', 3, 3],
          ['onehot', 'removed', 2, undefined],
        ],
      );
    });

    it('says nothing when neither side recorded a pipeline, and lists every step as added against an old record', () => {
      assert.equal(diffPipeline(undefined, undefined), undefined);
      assert.deepEqual(
        diffPipeline(undefined, [step('impute', 'SimpleImputer')])!.map((s) => s.change),
        ['added'],
      );
    });
  });

  describe('diffParams with structure', () => {
    it("lists each step's parameter changes as step.param and the splitter's as splitter.*, and drops the steps summary", () => {
      const base: Pick<RunRecord, 'params' | 'seed' | 'pipeline' | 'splitter'> = {
        params: { C: 1, steps: 'SimpleImputer → StandardScaler' },
        pipeline: [step('simpleImputer', 'SimpleImputer', { strategy: 'mean', columns: ['a'] }), step('estimator', 'LogisticRegression', { C: 1 })],
        splitter: { kind: 'KFold', params: { nSplits: 5, shuffle: false } },
      };
      const head: typeof base = {
        params: { C: 1, steps: 'SimpleImputer → MinMaxScaler' },
        pipeline: [
          step('simpleImputer', 'SimpleImputer', { strategy: 'median', columns: ['a'] }),
          step('minMaxScaler', 'MinMaxScaler', { columns: ['a'] }),
          step('estimator', 'LogisticRegression', { C: 1 }),
        ],
        splitter: { kind: 'StratifiedKFold', params: { nSplits: 10, shuffle: false } },
      };
      assert.deepEqual(diffParams(base, head), [
        { name: 'minMaxScaler.columns[0]', change: 'added', head: 'a' },
        { name: 'simpleImputer.strategy', change: 'changed', base: 'mean', head: 'median' },
        { name: 'splitter.kind', change: 'changed', base: 'KFold', head: 'StratifiedKFold' },
        { name: 'splitter.nSplits', change: 'changed', base: 5, head: 10 },
      ]);
      // Against a record written before pipelines were recorded, the one-line summary still shows the change.
      assert.ok(diffParams({ params: base.params }, head).some((c) => c.name === 'steps'));
    });
  });

  describe('diffData findings', () => {
    it('says which findings appeared and went away per role, and when they could not be compared', () => {
      const base: DataUse[] = [
        {
          role: 'train',
          fingerprint: fp('0000000000000001'),
          findings: [
            { kind: 'missing', severity: 'warning', column: 'age' },
            { kind: 'duplicateRows', severity: 'warning' },
          ],
        },
        { role: 'test', fingerprint: fp('0000000000000002') },
      ];
      const head: DataUse[] = [
        {
          role: 'train',
          fingerprint: fp('0000000000000003'),
          findings: [
            { kind: 'missing', severity: 'info', column: 'age' },
            { kind: 'constant', severity: 'warning', column: 'country' },
          ],
        },
        { role: 'test', fingerprint: fp('0000000000000004'), findings: [] },
      ];
      const [train, test] = diffData(base, head);
      assert.deepEqual([train.findingsAppeared, train.findingsGone, train.findingsCompared], [['constant: country'], ['duplicateRows'], true]);
      assert.deepEqual([test.findingsAppeared, test.findingsGone, test.findingsCompared], [[], [], false]);
      assert.deepEqual(diffFindings([], []), { appeared: [], gone: [], compared: true });
    });
  });

  describe('environment', () => {
    it('lists every entry of both sides with the differences marked; diffEnvironment keeps the differences', () => {
      const base = { libraries: { '@tensorflow/tfjs': '4.21.0', arquero: '8.0.3' }, backend: 'wasm', runtime: 'node v20' };
      const head = { libraries: { '@tensorflow/tfjs': '4.22.0', arquero: '8.0.3', ulid: '2.3.0' }, backend: 'wasm', runtime: 'node v20' };
      assert.deepEqual(listEnvironment(base, head), [
        { name: '@tensorflow/tfjs', base: '4.21.0', head: '4.22.0', changed: true },
        { name: 'arquero', base: '8.0.3', head: '8.0.3', changed: false },
        { name: 'backend', base: 'wasm', head: 'wasm', changed: false },
        { name: 'runtime', base: 'node v20', head: 'node v20', changed: false },
        { name: 'ulid', head: '2.3.0', changed: true },
      ]);
      assert.deepEqual(
        diffEnvironment(base, head).map((e) => e.name),
        ['@tensorflow/tfjs', 'ulid'],
      );
    });
  });

  describe('in the whole diff and every format', function () {
    this.timeout(30_000);
    const record = (id: string, overrides: Partial<RunRecord>) =>
      makeRecord({ id, kind: 'evaluation', name: 'evaluate Pipeline(LogisticRegression)', notebook: 'churn.mlnb', cellId: 'eval', metrics: { auc: 0.8 }, ...overrides });
    const side = (spec: string, r: RunRecord): { side: DiffSide; evaluations: { record: RunRecord }[]; notebooks: Record<string, string> } => ({
      side: { spec, kind: 'revision', commit: `${spec}0000000000000000`, runIds: [r.id] },
      evaluations: [{ record: r }],
      notebooks: {},
    });
    const base = record('01JD0000000000000000000001', {
      params: { C: 1, steps: 'SimpleImputer → StandardScaler' },
      pipeline: [step('simpleImputer', 'SimpleImputer', { strategy: 'mean' }), step('standardScaler', 'StandardScaler'), step('estimator', 'LogisticRegression', { C: 1 })],
      data: [{ role: 'test', fingerprint: fp('0000000000000001'), findings: [{ kind: 'duplicateRows', severity: 'warning' }] }],
      environment: { libraries: { '@tensorflow/tfjs': '4.21.0', arquero: '8.0.3' }, runtime: 'node v20.18.0' },
    });
    const head = record('01JD0000000000000000000002', {
      params: { C: 1, steps: 'StandardScaler → SimpleImputer' },
      pipeline: [
        step('standardScaler', 'StandardScaler'),
        step('simpleImputer', 'SimpleImputer', { strategy: 'median' }),
        step('bucketizer', 'Bucketizer', { bins: 8 }),
        step('estimator', 'LogisticRegression', { C: 1 }),
      ],
      data: [{ role: 'test', fingerprint: fp('0000000000000002'), findings: [{ kind: 'missing', severity: 'warning', column: 'age' }] }],
      environment: { libraries: { '@tensorflow/tfjs': '4.22.0', arquero: '8.0.3' }, runtime: 'node v20.18.0' },
    });

    it('carries pipeline steps, step params, findings and every environment entry, and validates against the schema', async () => {
      const diff = await diffModels(side('main', base), side('HEAD', head), { statistics: { bootstrap: { resamples: 50, seed: 1 } } });
      const p = diff.pairs[0];
      assert.deepEqual(
        p.pipeline!.map((s) => `${s.name} ${s.change}`),
        ['standardScaler unchanged', 'simpleImputer moved', 'bucketizer added', 'estimator unchanged'],
      );
      assert.deepEqual(
        p.params.map((c) => c.name),
        ['bucketizer.bins', 'simpleImputer.strategy'],
      );
      assert.deepEqual([p.data[0].findingsAppeared, p.data[0].findingsGone], [['missing: age'], ['duplicateRows']]);
      assert.deepEqual(
        p.environmentAll!.map((e) => [e.name, e.changed]),
        [
          ['@tensorflow/tfjs', true],
          ['arquero', false],
          ['runtime', false],
        ],
      );
      const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-diff.schema.json'), 'utf8'));
      const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
      assert.ok(validate(JSON.parse(JSON.stringify(diff))), JSON.stringify(validate.errors, null, 2));

      const text = renderDiffText(diff);
      assert.match(text, /pipeline: standardScaler → simpleImputer → bucketizer → estimator/);
      assert.match(text, /simpleImputer +moved 1 → 2/);
      assert.match(text, /bucketizer +added at 3 \(Bucketizer\)/);
      assert.match(text, /simpleImputer\.strategy +"mean" +→ +"median"/);
      assert.match(text, /findings \+ missing: age; − duplicateRows/);
      assert.match(text, /\* +@tensorflow\/tfjs +4\.21\.0 +→ +4\.22\.0/);
      assert.match(text, /^ {5} {3}arquero +8\.0\.3$/m, 'an unchanged entry is listed, unmarked, once');

      const md = renderDiffMarkdown(diff);
      assert.match(md, /\*\*Pipeline\*\* `standardScaler` → `simpleImputer` → `bucketizer` → `estimator`/);
      assert.match(md, /\| `simpleImputer` \| moved 1 → 2 \|/);
      assert.match(md, /\| `simpleImputer\.strategy` \| &quot;mean&quot; \| &quot;median&quot; \|/);
      assert.match(md, /quality findings \+ missing: age; − duplicateRows/);
      assert.match(md, /- environment @tensorflow\/tfjs: \*\*4\.21\.0 → 4\.22\.0\*\*/);
      assert.match(md, /- environment arquero: 8\.0\.3\n/);

      const html = renderDiffHtml(diff);
      assert.match(html, /<section id="pipeline-0"><h3>Pipeline steps<\/h3>/);
      assert.match(html, /<code>bucketizer<\/code><\/td><td>—<\/td><td>3\. Bucketizer<\/td><td><b>added at 3 \(Bucketizer\)<\/b>/);
      assert.match(html, /\+ missing: age; − duplicateRows/);
      assert.match(html, /<tr class="env-changed"><td>@tensorflow\/tfjs<\/td>/);
      assert.match(html, /<tr><td>arquero<\/td><td>8\.0\.3<\/td><td>8\.0\.3<\/td><td><\/td><\/tr>/);
    });

    it('says findings were not checked when a side is an older record, and shows no pipeline section without pipelines', async () => {
      const strip = (r: RunRecord): RunRecord => {
        const { pipeline: _p, ...rest } = r;
        return { ...rest, data: r.data.map(({ findings: _f, ...d }) => d) };
      };
      const diff = await diffModels(side('main', strip(base)), side('HEAD', strip(head)), { statistics: { bootstrap: { resamples: 50, seed: 1 } } });
      const p = diff.pairs[0];
      assert.equal(p.pipeline, undefined);
      assert.equal(p.data[0].findingsCompared, false);
      assert.match(renderDiffMarkdown(diff), /quality findings not checked/);
      assert.doesNotMatch(renderDiffHtml(diff), /id="pipeline-0"/);
      assert.ok(
        p.params.some((c) => c.name === 'steps'),
        'the one-line steps summary is all an old record has',
      );
    });
  });
});
