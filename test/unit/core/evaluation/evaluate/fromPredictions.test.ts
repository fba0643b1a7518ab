import { strict as assert } from 'node:assert';
import { evaluatePredictions } from '../../../../../src/core/evaluation/evaluate/fromPredictions';
import { metricsAtThreshold } from '../../../../../src/core/evaluation/curves/thresholdTable';
import { demographicParityDifference, equalizedOddsDifference } from '../../../../../src/core/evaluation/fairness/fairness';
import { recallScore } from '../../../../../src/core/evaluation/metrics/precisionRecallF';
import type { EvaluationView } from '../../../../../src/core/evaluation/contract';
import { assertClose, binaryData, requireReference, runPython } from '../reference';
import { penguins } from '../cases';

const value = (view: EvaluationView, name: string) => view.metrics.find((m) => m.name === name)?.value as number;

describe('core/evaluation evaluatePredictions', () => {
  const species = { classes: penguins.speciesClasses, rows: penguins.species.length, data: Float64Array.from(penguins.pSpecies.flat()) };
  let ref: { binary: Record<string, number>; multi: Record<string, number>; regression: Record<string, number> };
  before(function () {
    requireReference(this);
    ref = runPython(
      `from sklearn import metrics as M
y = np.array(data['sex']) == 'MALE'; s = np.array(data['pMale']); p = s >= 0.5
P = np.array(data['pSpecies']); ys = np.array(data['species']); cls = data['classes']; ps = np.array(cls)[P.argmax(axis=1)]
t = np.array(data['mass']); q = np.array(data['massPred'])
out({'binary': dict(auc=M.roc_auc_score(y, s), averagePrecision=M.average_precision_score(y, s), logLoss=M.log_loss(y, s), brier=M.brier_score_loss(y, s),
        accuracy=M.accuracy_score(y, p), balancedAccuracy=M.balanced_accuracy_score(y, p), precision=M.precision_score(y, p), recall=M.recall_score(y, p),
        f1=M.f1_score(y, p), mcc=M.matthews_corrcoef(y, p), specificity=M.recall_score(~y, ~p)),
     'multi': dict(accuracy=M.accuracy_score(ys, ps), balancedAccuracy=M.balanced_accuracy_score(ys, ps), precision=M.precision_score(ys, ps, average='macro'),
        recall=M.recall_score(ys, ps, average='macro'), f1=M.f1_score(ys, ps, average='macro'), f1Weighted=M.f1_score(ys, ps, average='weighted'),
        precisionWeighted=M.precision_score(ys, ps, average='weighted'), recallWeighted=M.recall_score(ys, ps, average='weighted'), f1Micro=M.f1_score(ys, ps, average='micro'),
        mcc=M.matthews_corrcoef(ys, ps), auc=M.roc_auc_score(ys, P, multi_class='ovr', labels=cls), aucWeighted=M.roc_auc_score(ys, P, multi_class='ovr', average='weighted', labels=cls),
        logLoss=M.log_loss(ys, P, labels=cls)),
     'regression': dict(rmse=M.mean_squared_error(t, q, squared=False), mae=M.mean_absolute_error(t, q), mse=M.mean_squared_error(t, q), r2=M.r2_score(t, q),
        mape=M.mean_absolute_percentage_error(t, q), medianAbsoluteError=M.median_absolute_error(t, q), explainedVariance=M.explained_variance_score(t, q))})`,
      {
        sex: penguins.sex,
        pMale: penguins.pMale,
        pSpecies: penguins.pSpecies,
        species: penguins.species,
        classes: penguins.speciesClasses,
        mass: penguins.features['Body Mass (g)'],
        massPred: penguins.massPred,
      },
    );
  });

  it('reports binary metrics that match scikit-learn to 1e-12, each with a bootstrap interval around it', async () => {
    const ev = await evaluatePredictions({ yTrue: penguins.sex, yScore: penguins.pMale }, { positiveLabel: 'MALE', bootstrap: { resamples: 300, seed: 1 } });
    for (const [name, expected] of Object.entries(ref.binary)) assertClose(value(ev.view, name), expected, 1e-12, name);
    for (const m of ev.view.metrics) if (m.name !== 'ece') assert.ok(m.ci && (m.ci.lower as number) <= (m.value as number) && (m.value as number) <= (m.ci.upper as number), `${m.name} inside its CI`);
  });

  it('reports multiclass metrics that match scikit-learn to 1e-12', async () => {
    const ev = await evaluatePredictions({ yTrue: penguins.species, yProba: species }, { bootstrap: false });
    assert.equal(ev.task, 'multiclass');
    for (const [name, expected] of Object.entries(ref.multi)) assertClose(value(ev.view, name), expected, 1e-12, name);
    assert.deepEqual(ev.view.confusion?.labels, penguins.speciesClasses);
    assert.equal(ev.view.perClass?.length, 3);
  });

  it('reports regression metrics that match scikit-learn to 1e-9 relative, with a residual view', async () => {
    const ev = await evaluatePredictions({ yTrue: penguins.features['Body Mass (g)'], yPred: penguins.massPred }, { bootstrap: false });
    assert.equal(ev.task, 'regression');
    for (const [name, expected] of Object.entries(ref.regression)) assertClose(value(ev.view, name), expected, 1e-9 * Math.max(1, Math.abs(expected)), name);
    assert.equal(
      ev.view.residuals?.histogram.counts.reduce((a, b) => a + b, 0),
      penguins.massPred.length,
    );
    assert.equal(ev.view.residuals?.sample.predicted.length, penguins.massPred.length);
  });

  it('is plain JSON (no NaN, no Infinity), versioned, and identical for the same seed', async () => {
    const input = { yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species, island: penguins.island } };
    const opts = { positiveLabel: 'MALE', baseline: { yScore: penguins.pMaleBaseline }, bootstrap: { resamples: 200, seed: 9 } };
    const a = await evaluatePredictions(input, opts);
    const b = await evaluatePredictions(input, opts);
    const text = JSON.stringify(a.view);
    assert.ok(!/NaN|Infinity/.test(text));
    assert.deepEqual(JSON.parse(text), a.view, 'survives a JSON round trip unchanged');
    assert.equal(text, JSON.stringify(b.view));
    assert.equal(a.view.kind, 'modelbook.evaluation');
    assert.equal(a.view.version, 1);
    const c = await evaluatePredictions(input, { ...opts, bootstrap: { resamples: 200, seed: 10 } });
    assert.notDeepEqual(c.view.metrics[0].ci, a.view.metrics[0].ci);
  });

  it('gives BCa intervals when asked, and says so in the view', async () => {
    const ev = await evaluatePredictions({ yTrue: penguins.sex, yScore: penguins.pMale }, { positiveLabel: 'MALE', bootstrap: { resamples: 300, seed: 2, method: 'bca', confidence: 0.9 } });
    const auc = ev.metric('auc');
    assert.equal(auc?.ci?.method, 'bca');
    assert.equal(auc?.ci?.level, 0.9);
    assert.deepEqual(ev.view.bootstrap, { resamples: 300, seed: 2, method: 'bca', confidence: 0.9, sampling: 'multinomial' });
    assert.ok((auc?.ci?.lower as number) < (auc?.value as number) && (auc?.value as number) < (auc?.ci?.upper as number));
  });

  it('lets a panel recompute the confusion matrix at the threshold from the table alone', async () => {
    const ev = await evaluatePredictions({ yTrue: penguins.sex, yScore: penguins.pMale }, { positiveLabel: 'MALE', threshold: 0.42, bootstrap: false });
    const m = metricsAtThreshold(ev.view.thresholdTable!, 0.42);
    assert.deepEqual(ev.view.confusion?.matrix, [
      [m.tn, m.fp],
      [m.fn, m.tp],
    ]);
    assert.deepEqual(ev.view.confusion?.labels, ['FEMALE', 'MALE']);
    assertClose(m.recall, value(ev.view, 'recall'), 0, 'recall from the table');
  });

  it('draws curves within the point budget, exact at their ends', async () => {
    const big = binaryData(30000, 8);
    const ev = await evaluatePredictions({ yTrue: big.y, yScore: big.score }, { bootstrap: false, maxCurvePoints: 300 });
    const roc = ev.view.curves.roc!;
    assert.ok(roc.x.length <= 300 && roc.points > 300);
    assert.deepEqual([roc.x[0], roc.y[0], roc.thresholds[0]], [0, 0, null]);
    assert.deepEqual([roc.x[roc.x.length - 1], roc.y[roc.y.length - 1]], [1, 1]);
    assert.ok(ev.view.thresholdTable!.thresholds.length <= 1000);
  });

  it('evaluates slices per group and per intersection, with sizes, intervals and Fairlearn metrics', async () => {
    const ev = await evaluatePredictions(
      { yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species, island: penguins.island } },
      { positiveLabel: 'MALE', bootstrap: { resamples: 200, seed: 2 }, minGroupSize: 50 },
    );
    assert.deepEqual(
      ev.view.slices.map((s) => s.name),
      ['species', 'island', 'species × island'],
    );
    const species = ev.view.slices[0];
    assert.equal(
      species.groups.reduce((a, g) => a + g.size, 0),
      penguins.sex.length,
    );
    const pred = penguins.pMale.map((p) => (p >= 0.5 ? 'MALE' : 'FEMALE'));
    for (const g of species.groups) {
      const rows = penguins.species.map((s, i) => (s === g.key ? i : -1)).filter((i) => i >= 0);
      const expected = recallScore(
        rows.map((i) => penguins.sex[i]),
        rows.map((i) => pred[i]),
        { positiveLabel: 'MALE' },
      ).value;
      assertClose(g.metrics.recall?.value as number, expected, 1e-12, `recall of ${g.key}`);
      assert.ok(g.metrics.recall?.ci);
      assert.ok(g.thresholdCounts && g.thresholdCounts.tp.length === species.thresholds?.length);
    }
    assertClose(
      species.fairness?.demographicParityDifference?.value as number,
      demographicParityDifference(penguins.sex, pred, { sensitiveFeatures: penguins.species, positiveLabel: 'MALE' }).value,
      1e-12,
      'DPD',
    );
    assertClose(
      species.fairness?.equalizedOddsDifference?.value as number,
      equalizedOddsDifference(penguins.sex, pred, { sensitiveFeatures: penguins.species, positiveLabel: 'MALE' }).value,
      1e-12,
      'EOD',
    );
    assert.ok(species.fairness?.equalizedOddsDifference?.ci);
    const small = ev.view.slices[2].groups.filter((g) => g.size < 50);
    assert.ok(small.length > 0 && small.every((g) => g.warnings.some((w) => w.code === 'small-group')));
  });

  it('warns about single-class groups and keeps their undefined rates out', async () => {
    const ev = await evaluatePredictions({ yTrue: [0, 1, 0, 1, 0, 0], yScore: [0.2, 0.7, 0.4, 0.9, 0.6, 0.1], groups: { g: ['a', 'a', 'a', 'a', 'b', 'b'] } }, { bootstrap: false });
    const b = ev.view.slices[0].groups[1];
    assert.ok(b.warnings.some((w) => w.code === 'single-class'));
    assert.equal(b.metrics.recall?.value, null);
    assert.equal(b.metrics.auc?.value, null);
  });

  it('compares with a baseline pairwise and judges relative gates', async () => {
    const ev = await evaluatePredictions(
      { yTrue: penguins.sex, yScore: penguins.pMale },
      { positiveLabel: 'MALE', baseline: { yScore: penguins.pMaleBaseline }, baselineName: 'beak only', gates: ['auc drop <= 0.01', 'auc >= 0.99'], bootstrap: { resamples: 200, seed: 1 } },
    );
    const auc = ev.view.baseline?.comparisons.find((c) => c.metric === 'auc');
    assert.ok(auc && auc.significantlyBetter && (auc.difference as number) > 0.2);
    assert.equal(ev.view.baseline?.name, 'beak only');
    assert.deepEqual(
      ev.gates.map((g) => g.passed),
      [true, false],
    );
    assert.equal(ev.passed, false);
  });

  it('does no resampling at all with bootstrap: false (differences without intervals, gates still judged)', async () => {
    const ev = await evaluatePredictions(
      { yTrue: penguins.sex, yScore: penguins.pMale },
      { positiveLabel: 'MALE', baseline: { yScore: penguins.pMaleBaseline }, gates: ['auc drop <= 0.01'], bootstrap: false },
    );
    assert.ok(ev.view.metrics.every((m) => m.ci === undefined));
    assert.equal(ev.view.bootstrap, undefined);
    const auc = ev.view.baseline?.comparisons.find((c) => c.metric === 'auc');
    assert.ok(auc && auc.ci === undefined && auc.pValue === null && (auc.difference as number) > 0.2);
    assert.equal(ev.gates[0].passed, true);
  });

  it('evaluates hard binary predictions with the threshold metrics only', async () => {
    const ev = await evaluatePredictions({ yTrue: ['no', 'yes', 'yes', 'no'], yPred: ['no', 'yes', 'no', 'no'] }, { positiveLabel: 'yes', bootstrap: false });
    assert.equal(ev.task, 'binary');
    assert.ok(!ev.view.metrics.some((m) => m.name === 'auc'));
    assert.equal(value(ev.view, 'recall'), 0.5);
    assert.equal(ev.view.curves.roc, undefined);
  });

  it('infers the task from the predictions, and takes an explicit one', async () => {
    const ints = Array.from({ length: 200 }, (_, i) => i * 3);
    const task = async (input: Parameters<typeof evaluatePredictions>[0], o = {}) => (await evaluatePredictions(input, { bootstrap: false, ...o })).task;
    assert.equal(await task({ yTrue: [1.5, 2, 3], yPred: [1, 2, 3.5] }), 'regression');
    assert.equal(await task({ yTrue: ints, yPred: ints.map((v) => v + 1) }), 'regression');
    assert.equal(await task({ yTrue: [0, 1, 2], yPred: [0, 2, 2] }), 'multiclass');
    assert.equal(await task({ yTrue: [0, 1, 2, 3], yPred: [0, 1, 2, 2] }, { task: 'regression' }), 'regression');
  });

  it('warns when it has to guess the positive label of string classes', async () => {
    const ev = await evaluatePredictions({ yTrue: ['no', 'yes', 'yes', 'no'], yScore: [0.1, 0.8, 0.4, 0.3] }, { bootstrap: false });
    assert.equal(ev.view.positiveLabel, 'yes');
    assert.ok(ev.warnings.some((w) => w.code === 'positive-label'));
  });

  it('explains unusable input', async () => {
    await assert.rejects(evaluatePredictions({ yTrue: [0, 1] } as never), /yScore .* yProba .* yPred/);
    await assert.rejects(evaluatePredictions({ yTrue: [0, 1], yScore: [0.1] }), /yScore has 1 elements but yTrue has 2/);
    await assert.rejects(evaluatePredictions({ yTrue: [0, 1], yScore: [0.1, 0.9] }, { slices: ['sex'] }), /no group columns were given/);
    await assert.rejects(evaluatePredictions({ yTrue: [0, 1], yScore: [0.1, 0.9] }, { gates: ['auc => 1'] }), /expected an operator/);
  });

  it('stops at an interrupt', async () => {
    const big = binaryData(20000, 3);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(evaluatePredictions({ yTrue: big.y, yScore: big.score }, { bootstrap: { resamples: 100000 }, signal: controller.signal }), { name: 'AbortError' });
  });
});
