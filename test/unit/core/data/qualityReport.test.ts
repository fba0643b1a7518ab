import { strict as assert } from 'node:assert';
import { table } from 'arquero';
import { qualityReport } from '../../../../src/core/data/qualityReport';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';

function seeded(seed: number) {
  return () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** 200 rows with one problem per column, and a label with a leaking feature. */
function crafted() {
  const rand = seeded(3);
  const n = 200;
  const label = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 'yes' : 'no'));
  return table({
    id: Array.from({ length: n }, (_, i) => `c${i}`),
    age: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? null : 20 + Math.floor(rand() * 50))),
    country: Array.from({ length: n }, () => 'NL'),
    flag: Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0)),
    income: Array.from({ length: n }, () => Math.round(rand() * 1000)),
    refund_issued: label.map((l) => (l === 'yes' ? 'refunded' : 'none')),
    churn: label,
  });
}

describe('core/data qualityReport', () => {
  it('finds missing values, constant, near-constant and identifier-like columns with advice', () => {
    const r = qualityReport(crafted(), { label: 'churn' });
    const kinds = (column: string) => r.filter({ column }).map((f) => f.kind);
    assert.deepEqual(kinds('age'), ['missing']);
    assert.equal(r.filter({ column: 'age' })[0].severity, 'warning');
    assert.match(r.filter({ column: 'age' })[0].message, /missing in 50 of 200 rows \(25\.0%\)/);
    assert.deepEqual(kinds('country'), ['constant']);
    assert.deepEqual(kinds('flag'), ['nearConstant']);
    assert.deepEqual(kinds('id'), ['highCardinality']);
    for (const f of r.findings) assert.ok(f.advice.length > 20, `${f.kind} has advice`);
  });

  it('reports the class balance of the label and flags an imbalanced minority class', () => {
    const r = qualityReport(crafted(), { label: 'churn' });
    assert.deepEqual(
      r.label!.classes.map((c) => [c.value, c.count]),
      [
        ['no', 180],
        ['yes', 20],
      ],
    );
    assert.equal(
      r.filter({ column: 'churn' }).find((f) => f.kind === 'classImbalance'),
      undefined,
      '10% is at the default threshold, not below',
    );
    const r2 = qualityReport(crafted(), { label: 'churn', minorityShare: 0.2 });
    assert.equal(r2.filter({ column: 'churn' })[0].kind, 'classImbalance');
  });

  it('flags a feature that maps one-to-one onto the label, and one that correlates with it', () => {
    const r = qualityReport(crafted(), { label: 'churn' });
    const leak = r.findings.filter((f) => f.kind === 'targetLeakage');
    assert.deepEqual(
      leak.map((f) => f.column),
      ['refund_issued'],
    );
    assert.equal(leak[0].severity, 'error');
    assert.equal(r.passed, false);
    const x = Array.from({ length: 100 }, (_, i) => i);
    const reg = qualityReport(table({ x, noisy: x.map((v, i) => v + (i % 2 ? 0.5 : -0.5)), y: x.map((v) => 2 * v + 1) }), { label: 'y' });
    const cols = reg.findings.filter((f) => f.kind === 'targetLeakage').map((f) => f.column);
    assert.deepEqual(cols, ['x', 'noisy']);
    assert.match(reg.findings[0].message, /r = 1\.0000/);
  });

  it('counts duplicate rows and test rows shared with training, and compares schemas', () => {
    const train = table({ a: [1, 2, 3, 3], b: ['x', 'y', 'z', 'z'], y: [0, 1, 0, 0] });
    const test = table({ a: [3, 4, 5], b: ['z', 'w', 'v'], y: [1, 1, 0] });
    const r = qualityReport(train, { label: 'y', test });
    assert.equal(r.duplicateRows, 1);
    assert.deepEqual(r.leakage, { testRows: 3, sharedRows: 1, sharedShare: 1 / 3 });
    assert.equal(r.findings[0].kind, 'trainTestOverlap');
    assert.equal(r.passed, false);
    const bad = qualityReport(train, { test: table({ a: ['1'], y: [1] }) });
    assert.deepEqual(
      bad.filter({ severity: 'error' }).map((f) => [f.kind, f.column]),
      [
        ['schemaMismatch', 'a'],
        ['schemaMismatch', 'b'],
      ],
    );
  });

  it('ignores the columns it is told to, and passes clean data', () => {
    const t = table({ id: ['a', 'b', 'c', 'd'], x: [1, 2, 3, 4], y: [0, 1, 1, 0] });
    const r = qualityReport(t, { label: 'y', ignore: ['id'] });
    assert.deepEqual(
      r.columns.map((c) => c.name),
      ['x', 'y'],
    );
    assert.equal(r.passed, true);
  });

  it('renders self-contained HTML and text, and serializes to plain JSON', () => {
    const r = qualityReport(crafted(), { label: 'churn' });
    const bundle = r[MIME_BUNDLE]();
    const html = bundle['text/html'] as string;
    assert.match(html, /^<div class="mb-report"><style>/);
    assert.doesNotMatch(html, /<script|https?:\/\//);
    assert.match(html, /Data quality .*failed/);
    assert.match(bundle['text/plain'] as string, /\[error\] Each value of refund_issued goes with a single value of churn/);
    const json = JSON.parse(JSON.stringify(r));
    assert.equal(json.kind, 'modelbook.qualityReport');
    assert.equal(json.version, 1);
    assert.equal(json.columns.length, 7);
    assert.deepEqual(json, r.toJSON());
  });

  it('refuses a label that is not a column, naming the columns it has', () => {
    assert.throws(() => qualityReport(table({ a: [1] }), { label: 'target' }), /label names column "target" that the data does not have \(columns: a\)/);
    assert.throws(() => qualityReport([] as never), /expected an arquero table/);
  });
});
