import { strict as assert } from 'node:assert';
import { splitBeforeFit } from '../../../../src/core/checkpoints/splitBeforeFit';
import { seedsFixed } from '../../../../src/core/checkpoints/seedsFixed';
import { checkpointHtml } from '../../../../src/core/checkpoints/display';
import type { CheckpointContext, CheckpointOutcome } from '../../../../src/core/checkpoints/contract';
import type { RunRecord } from '../../../../src/core/runs/contract';

let next = 0;
function record(kind: RunRecord['kind'], name: string, extra: Partial<RunRecord> = {}): RunRecord {
  next++;
  return {
    version: 1,
    id: `01J0000000000000000000000${next}`,
    name,
    kind,
    status: 'finished',
    startedAt: '2026-01-01T00:00:00Z',
    heartbeatAt: '2026-01-01T00:00:00Z',
    params: {},
    metrics: {},
    history: { epoch: [], metrics: {} },
    data: [],
    gates: [],
    environment: { libraries: {} },
    tags: [],
    notes: '',
    ...extra,
  };
}
const fp = (hash: string, rows: number) => ({ hash, rows, columns: [{ name: 'x', type: 'number' }] });
const split = (seed: number | null) => ({ kind: 'trainTestSplit', params: { testSize: 0.25, trainSize: null, shuffle: true, stratify: null, seed, trainRows: 75, testRows: 25 } });
const check = (def: { check(ctx: CheckpointContext): CheckpointOutcome | Promise<CheckpointOutcome> }, runs: RunRecord[]) => def.check({ runs, options: {} }) as CheckpointOutcome;

describe('core/checkpoints: verdicts from the records alone (no kernel)', () => {
  it('split-before-fit: a fit on as many rows as the split table had, without the split, was fitted before the split', () => {
    const evaluation = record('evaluation', 'evaluate m', { data: [{ role: 'test', fingerprint: fp('t', 25) }], splitter: split(1) });
    const before = record('fit', 'Pipeline(LogisticRegression)', {
      data: [{ role: 'train', fingerprint: fp('all', 100) }],
      pipeline: [
        { name: 'scale', kind: 'StandardScaler', params: {} },
        { name: 'estimator', kind: 'LogisticRegression', params: {} },
      ],
    });
    const bad = check(splitBeforeFit, [before, evaluation]);
    assert.equal(bad.passed, false);
    assert.match(bad.problems[0].what, /was fitted on 100 rows: the whole table the test part was split from \(its StandardScaler learned from those rows too\)/);
    const after = record('fit', 'Pipeline(LogisticRegression)', { data: [{ role: 'train', fingerprint: fp('train', 75) }], splitter: split(1) });
    const good = check(splitBeforeFit, [after, evaluation]);
    assert.equal(good.passed, true);
    assert.deepEqual(good.subject, [evaluation.id, after.id]);
  });

  it('split-before-fit: follows split lineage first: runs on the train part pass though the kernel counts shared (duplicate) rows; a fit on the split table fails', () => {
    const parts = { source: 'all', train: 'train', test: 't' };
    const lineage = { kind: 'trainTestSplit', params: { ...split(1).params, parts } };
    const evaluation = record('evaluation', 'evaluate m', { data: [{ role: 'test', fingerprint: fp('t', 25) }], splitter: lineage });
    const cv = record('cv', 'cross-validate Pipeline(LogisticRegression)', { data: [{ role: 'train', fingerprint: fp('train', 75) }], splitter: { kind: 'StratifiedKFold', params: { nSplits: 5 } } });
    const search = record('search', 'grid search Pipeline(LogisticRegression)', { data: [{ role: 'train', fingerprint: fp('train', 75) }], splitter: { kind: 'KFold', params: { nSplits: 5 } } });
    // Identical rows in train and test (e.g. passengers of the same sex, age and class): a row comparison counts them.
    const duplicates = { sharedRows: () => ({ rows: 9, testRows: 25 }), predictions: () => undefined };
    const withKernel = (runs: RunRecord[]) => splitBeforeFit.check({ runs, options: {}, kernel: duplicates } as CheckpointContext) as CheckpointOutcome;
    const good = withKernel([cv, search, evaluation]);
    assert.equal(good.passed, true, JSON.stringify(good.problems));
    assert.ok(good.checked.some((l) => /cross-validate .*: fitted on the train part \(75 rows\) only/.test(l)));
    const before = record('fit', 'Pipeline(LogisticRegression)', { data: [{ role: 'train', fingerprint: fp('all', 100) }] });
    assert.match(withKernel([before, evaluation]).problems[0].what, /was fitted on 100 rows: the whole table the test part was split from/);
    // Data not made by the split: only then are rows compared, and the result says duplicates count.
    const elsewhere = record('fit', 'Pipeline(LogisticRegression)', { data: [{ role: 'train', fingerprint: fp('other', 60) }] });
    const unknown = withKernel([elsewhere, evaluation]);
    assert.match(unknown.problems[0].what, /was fitted on 60 rows that include 9 of the 25 test rows/);
    assert.ok(
      unknown.checked.some((l) => /identical rows \(duplicates.*\) count as shared/.test(l)),
      JSON.stringify(unknown.checked),
    );
  });

  it('split-before-fit: data made from a part by column operations follows the role the kernel recorded, not row contents', () => {
    const parts = { source: 'all', train: 'train', test: 't' };
    const recorded = (role: string, note: string) => ({ kind: 'trainTestSplit', params: { ...split(1).params, parts: { ...parts, role, note } } });
    const evaluation = record('evaluation', 'evaluate m', { data: [{ role: 'test', fingerprint: fp('t-selected', 25) }], splitter: recorded('test', 'columns selected') });
    const duplicates = { sharedRows: () => ({ rows: 9, testRows: 25 }), evaluationView: () => undefined };
    const check = (runs: RunRecord[]) => splitBeforeFit.check({ runs, options: {}, kernel: duplicates } as CheckpointContext) as CheckpointOutcome;
    const onTrain = record('fit', 'Pipeline(LogisticRegression)', { data: [{ role: 'train', fingerprint: fp('train-selected', 75) }], splitter: recorded('train', 'columns selected') });
    const good = check([onTrain, evaluation]);
    assert.equal(good.passed, true, JSON.stringify(good.problems));
    assert.ok(good.checked.some((l) => /fitted on 75 rows made from the train part only \(columns selected\)/.test(l)));
    // A 75/25 part of the same split that is the test part (equal row counts must not pass it as train), or the whole table.
    const onTest = record('fit', 'Pipeline(LogisticRegression)', {
      data: [{ role: 'train', fingerprint: fp('t-subset', 75) }],
      splitter: { ...recorded('test', 'a row subset'), params: { ...recorded('test', 'a row subset').params, trainRows: 75 } },
    });
    assert.match(check([onTest, evaluation]).problems[0]?.what ?? '', /on the evaluation's test data \(data made from the test part: a row subset\)/);
    const onAll = record('fit', 'Pipeline(LogisticRegression)', { data: [{ role: 'train', fingerprint: fp('all-selected', 100) }], splitter: recorded('source', 'columns selected') });
    assert.match(check([onAll, evaluation]).problems[0]?.what ?? '', /was fitted on 100 rows made from the table the test part was split from \(columns selected\)/);
  });

  it('split-before-fit: a search on the test data itself fails, and no fit at all is a problem, not a pass', () => {
    const evaluation = record('evaluation', 'evaluate m', { data: [{ role: 'test', fingerprint: fp('t', 25) }] });
    const search = record('search', 'grid search LogisticRegression', { data: [{ role: 'train', fingerprint: fp('t', 25) }] });
    assert.match(check(splitBeforeFit, [search, evaluation]).problems[0].what, /was tuned on the evaluation's test data itself/);
    assert.match(check(splitBeforeFit, [evaluation]).problems[0].what, /No fit, cross-validation or search is recorded/);
  });

  it('seeds-fixed: only the split without a seed fails; a random search, shuffled folds and DummyClassifier draws fall back to seed 0 and pass', () => {
    const fit = record('fit', 'LogisticRegression', { splitter: split(null) });
    const search = record('search', 'random search LogisticRegression');
    const folds = record('cv', 'cross-validate LogisticRegression', { splitter: { kind: 'KFold', params: { nSplits: 5, shuffle: true } } });
    const dummy = record('fit', 'DummyClassifier', { params: { strategy: 'stratified', seed: 0 }, seed: 0 });
    const uniform = record('fit', 'DummyClassifier', { params: { strategy: 'uniform' } });
    const out = check(seedsFixed, [fit, search, folds, dummy, uniform]);
    assert.deepEqual(
      out.problems.map((p) => p.fix),
      ['Add seed to the split: trainTestSplit(data, { testSize: 0.25, seed: 42 }).'],
    );
    assert.ok(
      out.checked.some((l) => /random search LogisticRegression .*: randomSearch seed 0 \(the default: the same on every run\)/.test(l)),
      JSON.stringify(out.checked),
    );
    assert.ok(out.checked.some((l) => /DummyClassifier .*: DummyClassifier's random 'stratified' predictions seed 0$/.test(l)));
    assert.ok(out.checked.some((l) => /DummyClassifier .*: DummyClassifier's random 'uniform' predictions seed 0 \(the default/.test(l)));
    assert.equal(check(seedsFixed, [record('fit', 'LogisticRegression', { splitter: split(3) }), search, dummy]).passed, true);
  });

  it('display: escapes what a check says', () => {
    const html = checkpointHtml({ id: 'mine', title: '<b>x</b>', passed: false, problems: [{ what: '<img src=x>', why: 'w', fix: 'f' }], checked: [] });
    assert.ok(!html.includes('<img'));
    assert.match(html, /&lt;img src=x&gt;/);
  });
});
