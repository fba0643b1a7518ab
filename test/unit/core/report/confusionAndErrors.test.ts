import { strict as assert } from 'node:assert';
import Ajv2020 from 'ajv/dist/2020';
import fs from 'node:fs';
import path from 'node:path';
import { evaluatePredictions } from '../../../../src/core/evaluation/evaluate/fromPredictions';
import { collectConfusionRecord } from '../../../../src/core/evaluation/view/confusionRecord';
import { createRng } from '../../../../src/core/evaluation/random';
import { collectModelCard } from '../../../../src/core/card/collect';
import { renderCardMarkdown } from '../../../../src/core/card/renderMarkdown';
import { renderCardJson } from '../../../../src/core/card/renderJson';
import { collectStakeholderReport } from '../../../../src/core/report/collect';
import { fillLine } from '../../../../src/core/report/numbers';
import { renderReportHtml, renderReportMarkdown } from '../../../../src/core/report/render';
import { findWorseGroups, welchP } from '../../../../src/core/report/worseGroups';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import { createRunRecorder } from '../../../../src/core/runs/recorder';
import type { ConfusionRecord, RunRecord } from '../../../../src/core/runs/contract';
import type { PredictionSet } from '../../../../src/core/review/contract';
import { referenceOrSkip, runPython } from '../data/python';
import { cardInputs } from '../card/cardFixture';
import { FIXTURES, REPO } from '../../paths';

const WORDS = { who: 'passengers', flags: 'predicts to survive', positive: 'survived', negative: 'died' };

/** Seeded binary labels and scores, some scores exactly on the threshold (a tie counts as positive). */
function binaryCase(n: number, threshold: number) {
  const rng = createRng(7);
  const yTrue: string[] = [];
  const yScore: number[] = [];
  for (let i = 0; i < n; i++) {
    const yes = rng.nextFloat() < 0.4;
    yTrue.push(yes ? 'yes' : 'no');
    yScore.push(i % 17 === 0 ? threshold : Math.min(1, Math.max(0, (yes ? 0.55 : 0.3) + (rng.nextFloat() - 0.5) * 0.7)));
  }
  return { yTrue, yScore };
}

/** A regression's kept predictions: three origins, Europe's errors larger. */
function regressionSet(): PredictionSet {
  const rng = createRng(3);
  const yTrue: number[] = [];
  const yPred: number[] = [];
  const origin: string[] = [];
  const groups: [string, number, number][] = [
    ['Europe', 45, 4.5],
    ['Japan', 60, 2.5],
    ['USA', 140, 2.6],
  ];
  for (const [name, n, scale] of groups)
    for (let i = 0; i < n; i++) {
      const y = 15 + 20 * rng.nextFloat();
      yTrue.push(y);
      yPred.push(y + scale * (rng.nextFloat() + rng.nextFloat() + rng.nextFloat() - 1.5) * 1.6);
      origin.push(name);
    }
  return { rowIds: yTrue.map((_, i) => String(i)), identity: { kind: 'hash' }, task: 'regression', yTrue, yPred, slices: { Origin: origin }, totalRows: yTrue.length };
}

function evaluationRecord(extra: Partial<RunRecord>): RunRecord {
  return { ...cardInputs().evaluation, ...extra };
}

describe('confusion counts in evaluation records, and regression slices tested in the stakeholder report', function () {
  this.timeout(60_000);

  it('records the binary confusion at the evaluation’s threshold, equal to scikit-learn’s confusion_matrix on the same predictions', async function () {
    const threshold = 0.45;
    const { yTrue, yScore } = binaryCase(400, threshold);
    const ev = await evaluatePredictions({ yTrue, yScore }, { positiveLabel: 'yes', threshold, bootstrap: false });
    const c = collectConfusionRecord(ev.view);
    assert.ok(c?.kind === 'binary');
    assert.deepEqual({ threshold: c.threshold, positive: c.positiveLabel, negative: c.negativeLabel, counts: c.counts }, { threshold, positive: 'yes', negative: 'no', counts: 'rows' });
    assert.equal(c.tp + c.fp + c.tn + c.fn, 400);
    const ref = referenceOrSkip(
      this,
      runPython<number[]>(
        `from sklearn.metrics import confusion_matrix
yp = ['yes' if s >= data['t'] else 'no' for s in data['s']]
print(json.dumps([int(x) for x in confusion_matrix(data['y'], yp, labels=['no', 'yes']).ravel()]))`,
        { y: yTrue, s: yScore, t: threshold },
        ['sklearn'],
      ),
    );
    assert.deepEqual([c.tn, c.fp, c.fn, c.tp], ref, 'tn, fp, fn, tp');
  });

  it('records the multiclass matrix (rows actual, columns predicted), equal to scikit-learn’s; a regression records none', async function () {
    const rng = createRng(11);
    const classes = ['Adelie', 'Chinstrap', 'Gentoo'];
    const yTrue = Array.from({ length: 150 }, () => classes[Math.floor(rng.nextFloat() * 3)]);
    const yPred = yTrue.map((y) => (rng.nextFloat() < 0.75 ? y : classes[Math.floor(rng.nextFloat() * 3)]));
    const ev = await evaluatePredictions({ yTrue, yPred }, { task: 'multiclass', bootstrap: false });
    const c = collectConfusionRecord(ev.view);
    assert.ok(c?.kind === 'multiclass');
    assert.deepEqual(c.labels, classes);
    const ref = referenceOrSkip(
      this,
      runPython<number[][]>(`from sklearn.metrics import confusion_matrix\nprint(json.dumps(confusion_matrix(data['y'], data['p'], labels=data['l']).tolist()))`, { y: yTrue, p: yPred, l: classes }, [
        'sklearn',
      ]),
    );
    assert.deepEqual(c.matrix, ref);
    const reg = await evaluatePredictions({ yTrue: [1.5, 2, 3.25, 4], yPred: [1, 2.5, 3, 4.5] }, { task: 'regression', bootstrap: false });
    assert.equal(collectConfusionRecord(reg.view), undefined);
  });

  it('the run-record schema accepts records with binary or multiclass confusion and older records without it, and refuses a malformed one', () => {
    const old = fs.readFileSync(path.join(FIXTURES, 'runs', 'valid', '01JNE3ZK00AAAAAAAAAAAAAAAA.json'), 'utf8');
    assert.ok(parseRunRecord(old, '01JNE3ZK00AAAAAAAAAAAAAAAA.json').ok, 'an older record without confusion still loads');
    const withConfusion = (confusion: unknown) => parseRunRecord(JSON.stringify({ ...(JSON.parse(old) as object), confusion }));
    const binary: ConfusionRecord = { kind: 'binary', threshold: 0.5, positiveLabel: 'yes', negativeLabel: 'no', tp: 201, fp: 29, tn: 380, fn: 61, counts: 'rows' };
    assert.ok(withConfusion(binary).ok);
    assert.ok(
      withConfusion({
        kind: 'multiclass',
        labels: ['a', 'b'],
        matrix: [
          [3, 1],
          [0, 4],
        ],
        counts: 'rows',
      }).ok,
    );
    const bad = withConfusion({ ...binary, tp: -1 });
    assert.ok(!bad.ok && /confusion/.test(bad.reason), 'a negative count is refused, naming the field');
    assert.ok(!withConfusion({ kind: 'binary', tp: 1 }).ok, 'missing counts are refused');
    // The recorder writes it in a record that validates, and refuses a matrix that is not square.
    const records: RunRecord[] = [];
    const recorder = createRunRecorder({ sink: { write: (r) => records.push(r), saveArtifact: () => ({ name: '', path: '', bytes: 0 }) }, timers: { set: () => 0, clear: () => undefined } });
    const run = recorder.start({ name: 'evaluate m', kind: 'evaluation' });
    assert.throws(() => run.setConfusion({ kind: 'multiclass', labels: ['a', 'b'], matrix: [[1, 2]], counts: 'rows' }), /setConfusion needs/);
    run.setConfusion(binary).finish({ accuracy: 0.9 });
    run.flush();
    const written = records[records.length - 1];
    assert.deepEqual(written.confusion, binary);
    assert.ok(parseRunRecord(JSON.stringify(written)).ok);
  });

  it('the card shows the matrix in its Metrics section (Markdown, JSON valid against its schema), each count sourced to the run', () => {
    const inputs = cardInputs();
    inputs.evaluation = evaluationRecord({ confusion: { kind: 'binary', threshold: 0.42, positiveLabel: 'yes', negativeLabel: 'no', tp: 201, fp: 29, tn: 380, fn: 61, counts: 'rows' } });
    const card = collectModelCard(inputs);
    const c = card.sections.metrics.confusion;
    assert.ok(c?.kind === 'binary');
    assert.deepEqual(c.tp, { value: 201, source: { runId: inputs.evaluation.id, field: 'confusion.tp' } });
    const md = renderCardMarkdown(card);
    assert.match(
      md,
      /### Confusion matrix at threshold 0\.42: rows, from 01JD0000000000000000000EV1 confusion\n\n\| Actual ↓ \/ predicted → \| no \| yes \| Total \|\n\| --- \| ---: \| ---: \| ---: \|\n\| no \| 380 \| 29 \| 409 \|\n\| yes \| 61 \| 201 \| 262 \|/,
    );
    const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-card.schema.json'), 'utf8')) as object);
    assert.ok(validate(JSON.parse(renderCardJson(card))), JSON.stringify(validate.errors));
  });

  it('the report says the counts in plain words, with a small table, every number from the record’s confusion fields', () => {
    const inputs = cardInputs();
    inputs.evaluation = evaluationRecord({ confusion: { kind: 'binary', threshold: 0.42, positiveLabel: 'yes', negativeLabel: 'no', tp: 201, fp: 29, tn: 380, fn: 61, counts: 'rows' } });
    const report = collectStakeholderReport(collectModelCard(inputs), WORDS);
    const right = report.sections.find((s) => s.id === 'right')!;
    const said = right.lines.map((l) => fillLine(l));
    assert.ok(said.includes('Of the 262 passengers that survived, it predicts to survive 201 (77%) and misses 61.'), said.join('\n'));
    assert.ok(said.includes('Of the 230 passengers it predicts to survive, 29 were wrong: they died.'), said.join('\n'));
    const found = right.lines.find((l) => l.template.startsWith('Of the {0}'))!;
    assert.deepEqual(
      found.numbers.map((n) => n.sources.map((s) => s.field)),
      [['confusion.tp', 'confusion.fn'], ['confusion.tp'], ['confusion.tp', 'confusion.fn'], ['confusion.fn']],
    );
    const md = renderReportMarkdown(report);
    assert.match(md, /What it predicted against what happened, at the decision threshold 0\.42 \(counts of test rows\):\n\n\| {2}\| It predicts to survive \| It does not \| Total \|/);
    assert.match(md, /\| Passengers that survived \(yes\) \| 201 \| 61 \| 262 \|\n\| Passengers that died \(no\) \| 29 \| 380 \| 409 \|\n\| Total \| 230 \| 441 \| 671 \|/);
    const html = renderReportHtml(report);
    assert.match(html, /<td class="num"><span class="n" title="01JD0000000000000000000EV1 confusion\.tp">201<\/span><\/td>/);
  });

  it('Welch’s t-test p-values equal scipy.stats.ttest_ind(equal_var=False) on the same absolute errors, for every group against the rest', function () {
    const set = regressionSet();
    const inputs = cardInputs();
    inputs.evaluation = evaluationRecord({ params: { rows: set.yTrue.length, task: 'regression' }, metrics: { mae: 2 } });
    inputs.predictions = set;
    const card = collectModelCard(inputs);
    const slicing = card.sections.quantitativeAnalyses.slicings[0];
    const abs = set.yTrue.map((y, i) => Math.abs(Number(y) - Number(set.yPred[i])));
    const byGroup = Object.fromEntries(['Europe', 'Japan', 'USA'].map((g) => [g, abs.filter((_, i) => set.slices!.Origin[i] === g)]));
    const ref = referenceOrSkip(
      this,
      runPython<Record<string, { p: number; sd: number }>>(
        `from scipy.stats import ttest_ind
import numpy as np
out = {}
for g, a in data.items():
    rest = [x for h, b in data.items() if h != g for x in b]
    out[g] = {'p': float(ttest_ind(a, rest, equal_var=False).pvalue), 'sd': float(np.std(a, ddof=1))}
print(json.dumps(out))`,
        byGroup,
        ['scipy', 'numpy'],
      ),
    );
    for (const g of slicing.groups) {
      assert.ok(Math.abs(g.errorSd!.value! - ref[g.key].sd) < 1e-9, `${g.key} sd`);
      const others = slicing.groups.filter((x) => x !== g);
      const restAbs = abs.filter((_, i) => set.slices!.Origin[i] !== g.key);
      const restMean = restAbs.reduce((a, x) => a + x, 0) / restAbs.length;
      const restSd = Math.sqrt(restAbs.reduce((a, x) => a + (x - restMean) ** 2, 0) / (restAbs.length - 1));
      const p = welchP(g.rows.value, g.metrics.mae.value!, g.errorSd!.value!, restAbs.length, restMean, restSd)!;
      assert.ok(Math.abs(p - ref[g.key].p) <= 1e-9 + 1e-7 * ref[g.key].p, `${g.key}: ${p} vs scipy ${ref[g.key].p}`);
      assert.equal(others.length, 2);
    }
    // findWorseGroups combines the other groups' summaries itself: the same p as scipy on the raw rows.
    const found = findWorseGroups(card);
    assert.deepEqual(found.tested, [['Origin']]);
    assert.deepEqual(
      found.worse.map((w) => w.group.key),
      Object.keys(ref).filter((g) => ref[g].p < 0.05 && byGroup[g].reduce((a, x) => a + x, 0) / byGroup[g].length > abs.reduce((a, x) => a + x, 0) / abs.length),
    );
    assert.ok(found.worse.length >= 1, 'Europe has larger errors in this data');
    for (const w of found.worse) assert.ok(Math.abs(w.pValue - ref[w.group.key].p) <= 1e-9 + 1e-7 * ref[w.group.key].p, w.group.key);
  });

  it('the report names a regression group with significantly larger errors, in words; a card without the spread keeps it untested and says why', () => {
    const set = regressionSet();
    const inputs = cardInputs();
    inputs.evaluation = evaluationRecord({ params: { rows: set.yTrue.length, task: 'regression' }, metrics: { mae: 2 } });
    inputs.predictions = set;
    const card = collectModelCard(inputs);
    const worse = collectStakeholderReport(card, { who: 'cars' }).sections.find((s) => s.id === 'worse')!;
    const said = worse.lines.map((l) => fillLine(l));
    assert.match(said[0], /^For Origin Europe \(45 cars\) its estimates are off by [\d.]+ on average, against [\d.]+ for the other 200 — a gap unlikely to be chance \(p = [\d.e-]+\)\.$/);
    assert.deepEqual(worse.lines[0].numbers[1].sources, [{ runId: inputs.evaluation.id, field: 'predictions.slices.Origin["Europe"].mae' }]);
    // A card made before the spread was kept (no errorSd): untested, with the reason.
    for (const g of card.sections.quantitativeAnalyses.slicings[0].groups) delete g.errorSd;
    const old = collectStakeholderReport(card, { who: 'cars' }).sections.find((s) => s.id === 'worse')!;
    assert.deepEqual(
      old.lines.map((l) => fillLine(l)),
      [
        "Results by Origin are averages of errors, but this card does not keep how much the errors vary, so they are not tested for significance; make the card again from the evaluation's run to test them.",
      ],
    );
  });
});
