import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { createRunRecorder } from '../../../../src/core/runs/recorder';
import { boundJson, collectFindingRefs, collectPipelineSteps, collectSplitter, STRUCTURE_LIMITS } from '../../../../src/core/runs/structure';
import { validateRunRecord } from '../../../../src/core/runs/validate';
import { Pipeline, SimpleImputer, StandardScaler } from '../../../../src/core/features';
import { LogisticRegression } from '../../../../src/core/models';
import { KFold, StratifiedKFold } from '../../../../src/core/validation';
import { qualityReport } from '../../../../src/core/data';
import { fakeTime, memorySink } from './helpers';

describe('core/runs structure (what a record keeps of pipelines, splitters and data findings)', () => {
  const pipe = () =>
    new Pipeline({ steps: [new SimpleImputer({ columns: ['a', 'b'], strategy: 'median' }), new StandardScaler({ columns: ['a', 'b'] })], estimator: new LogisticRegression({ C: 0.5 }) });

  it('keeps a pipeline spec as its steps in order, with classes and params, the estimator last; a bare estimator has none', () => {
    const steps = collectPipelineSteps(pipe().spec())!;
    assert.deepEqual(
      steps.map((s) => [s.name, s.kind]),
      [
        ['simpleImputer', 'SimpleImputer'],
        ['standardScaler', 'StandardScaler'],
        ['estimator', 'LogisticRegression'],
      ],
    );
    assert.equal(steps[0].params.strategy, 'median');
    assert.deepEqual(steps[0].params.columns, ['a', 'b']);
    assert.equal(steps[2].params.C, 0.5);
    assert.ok(!('state' in steps[0]), 'fitted state is never recorded');
    assert.equal(collectPipelineSteps(new LogisticRegression().spec()), undefined);
  });

  it('bounds what it keeps: long arrays and strings are cut and say so, steps are capped', () => {
    const cols = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    const bounded = boundJson({ columns: cols, note: 'x'.repeat(5000) }) as { columns: string[]; note: string };
    assert.equal(bounded.columns.length, STRUCTURE_LIMITS.items + 1);
    assert.equal(bounded.columns.at(-1), `… ${1000 - STRUCTURE_LIMITS.items} more`);
    assert.equal(bounded.note.length, STRUCTURE_LIMITS.chars);
    const many = { type: 'Pipeline', params: { steps: Array.from({ length: 80 }, (_, i) => ({ type: 'StandardScaler', name: `s${i}`, params: { columns: cols } })), estimator: null } };
    const steps = collectPipelineSteps(many)!;
    assert.equal(steps.length, STRUCTURE_LIMITS.steps);
    assert.ok(JSON.stringify(steps).length < 50 * 1000, `${JSON.stringify(steps).length} characters`);
  });

  it('keeps the splitter: a number of folds, a splitter class with its params, or explicit folds', () => {
    assert.deepEqual(collectSplitter(5), { kind: 'kFold', params: { nSplits: 5 } });
    assert.deepEqual(collectSplitter(new KFold({ nSplits: 3, shuffle: true, seed: 7 })), { kind: 'KFold', params: { nSplits: 3, shuffle: true, seed: 7 } });
    assert.equal(collectSplitter(new StratifiedKFold({ nSplits: 4 }))?.kind, 'StratifiedKFold');
    assert.deepEqual(
      collectSplitter([
        { train: [0], test: [1] },
        { train: [1], test: [0] },
      ]),
      { kind: 'folds', params: { nSplits: 2 } },
    );
    assert.equal(collectSplitter(undefined), undefined);
  });

  it("keeps a quality report's findings as kind, severity and column, never the sentence or rows", () => {
    const t = aq.table({ id: [1, 2, 3, 4, 4], age: [30, null, null, 41, 41], country: ['fr', 'fr', 'fr', 'fr', 'fr'] });
    const refs = collectFindingRefs(qualityReport(t).findings);
    assert.ok(
      refs.some((f) => f.kind === 'missing' && f.column === 'age'),
      JSON.stringify(refs),
    );
    assert.ok(
      refs.some((f) => f.kind === 'constant' && f.column === 'country'),
      JSON.stringify(refs),
    );
    for (const f of refs) assert.deepEqual(Object.keys(f).sort(), f.column === undefined ? ['kind', 'severity'] : ['column', 'kind', 'severity']);
    assert.equal(collectFindingRefs(Array.from({ length: 500 }, () => ({ kind: 'missing', severity: 'info', column: 'a' }))).length, STRUCTURE_LIMITS.findings);
  });

  it('a recorder writes pipeline, splitter and findings into a record that validates; older records without them still do', () => {
    const time = fakeTime();
    const sink = memorySink();
    const recorder = createRunRecorder({ sink, clock: time.clock, timers: time.timers, onError: (e) => assert.fail(e) });
    const run = recorder.start({ name: 'cross-validate', kind: 'cv', pipeline: collectPipelineSteps(pipe().spec()), splitter: collectSplitter(new KFold({ nSplits: 3 })) });
    run.attachData('train', { hash: '0123456789abcdef', rows: 5, columns: [{ name: 'age', type: 'number' }] }, 'train', [{ kind: 'missing', severity: 'warning', column: 'age' }]);
    run.attachData('test', { hash: 'fedcba9876543210', rows: 2, columns: [] });
    run.finish({ accuracy: 0.9 });
    const r = sink.writes.at(-1)!;
    assert.deepEqual(validateRunRecord(r), []);
    assert.deepEqual(
      r.pipeline?.map((s) => s.name),
      ['simpleImputer', 'standardScaler', 'estimator'],
    );
    assert.deepEqual(r.splitter, { kind: 'KFold', params: { nSplits: 3, shuffle: false, seed: 0 } });
    assert.deepEqual(r.data[0].findings, [{ kind: 'missing', severity: 'warning', column: 'age' }]);
    assert.equal('findings' in r.data[1], false, 'unchecked data has no findings list (not an empty one)');
    const { pipeline: _p, splitter: _s, ...old } = r;
    assert.deepEqual(validateRunRecord({ ...old, data: r.data.map(({ findings: _f, ...d }) => d) }), []);
    assert.notDeepEqual(validateRunRecord({ ...r, splitter: { kind: 'KFold' } }), [], 'a splitter needs its params');
  });
});
