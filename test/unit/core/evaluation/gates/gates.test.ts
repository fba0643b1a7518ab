import { strict as assert } from 'node:assert';
import { evaluateGates } from '../../../../../src/core/evaluation/gates/gates';
import { evaluatePredictions } from '../../../../../src/core/evaluation/evaluate/fromPredictions';
import type { EvaluationView } from '../../../../../src/core/evaluation/contract';
import { renderEvaluationMarkdown } from '../../../../../src/core/evaluation/view/reportMarkdown';
import { penguins } from '../cases';

describe('core/evaluation evaluateGates', () => {
  let view: EvaluationView;
  before(async () => {
    const ev = await evaluatePredictions(
      { yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species, island: penguins.island } },
      { positiveLabel: 'MALE', baseline: { yScore: penguins.pMaleBaseline }, bootstrap: { resamples: 200, seed: 3 }, minGroupSize: 50 },
    );
    view = ev.view;
  });
  const auc = () => view.metrics.find((m) => m.name === 'auc')!;

  it('judges absolute gates on the estimate or an interval bound, with the numbers in the reason', () => {
    const [pass, fail, lower] = evaluateGates(view, ['auc >= 0.9', { metric: 'auc', op: '>=', value: 0.99 }, 'auc.lower >= 0.999']);
    assert.equal(pass.passed, true);
    assert.equal(pass.kind, 'absolute');
    assert.equal(pass.value, auc().value);
    assert.deepEqual(pass.ci, auc().ci);
    assert.match(pass.reason, /auc = 0\.95\d+ \[0\.9\d+, 0\.9\d+\] meets ≥ 0\.9/);
    assert.equal(fail.passed, false);
    assert.match(fail.reason, /fails ≥ 0\.99/);
    assert.equal(lower.value, auc().ci?.lower);
    assert.equal(lower.passed, false);
  });

  it('shows an alias gate as written (f1Macro, not f1) in the result, the reason and the reports', async () => {
    const [g] = evaluateGates(view, ['rocAuc >= 0.9']);
    assert.equal(g.gate, 'rocAuc >= 0.9');
    assert.equal(g.metric, 'auc');
    assert.match(g.reason, /^rocAuc = 0\.95/);
    assert.equal(g.passed, true);
    const ev = await evaluatePredictions({ yTrue: penguins.sex, yScore: penguins.pMale }, { positiveLabel: 'MALE', bootstrap: false, gates: ['f1Macro >= 0.5'] });
    assert.equal(ev.view.gates[0].gate, 'f1Macro >= 0.5');
    assert.match(renderEvaluationMarkdown(ev.view), /`f1Macro >= 0\.5`/);
  });

  it('judges relative gates from the paired difference, as drop = baseline − model', () => {
    const [drop, rise] = evaluateGates(view, ['auc drop <= 0.01', 'logLoss rise <= 0']);
    const c = view.baseline!.comparisons.find((x) => x.metric === 'auc')!;
    assert.equal(drop.kind, 'relative');
    assert.equal(drop.value, -(c.difference as number));
    assert.deepEqual([drop.ci?.lower, drop.ci?.upper], [-(c.ci?.upper as number), -(c.ci?.lower as number)]);
    assert.ok(drop.passed && rise.passed);
  });

  it('judges a slice gate on every large-enough group and names the worst', () => {
    const [g] = evaluateGates(view, ['recall[species × island] >= 0.5'], { minGroupSize: 50 });
    const [same] = evaluateGates(view, ['recall[species, island] >= 0.5'], { minGroupSize: 50 });
    assert.equal(g.kind, 'slice');
    assert.deepEqual(same.groups, g.groups);
    const skipped = g.groups!.filter((x) => x.passed === null);
    assert.ok(skipped.length >= 1 && skipped.every((x) => /skipped: \d+ rows < 50/.test(x.note ?? '')));
    const judged = g.groups!.filter((x) => x.passed !== null).map((x) => x.value as number);
    assert.equal(g.value, Math.min(...judged));
    assert.match(g.reason, /groups of species × island meet ≥ 0\.5; worst .*skipped/);
    const [strict] = evaluateGates(view, ['recall[species] >= 0.9']);
    assert.equal(strict.passed, false);
    assert.match(strict.reason, /of 3 groups of species fail/);
  });

  it('judges fairness gates per slice, or over every slice when none is named', () => {
    const [one, all] = evaluateGates(view, ['equalizedOddsDifference[species] <= 0.5', 'demographicParityRatio >= 0.01']);
    assert.equal(one.kind, 'fairness');
    assert.equal(one.value, view.slices[0].fairness?.equalizedOddsDifference?.value);
    assert.ok(one.passed && one.ci);
    assert.equal(all.passed, true);
    assert.equal((all.reason.match(/demographicParityRatio\[/g) ?? []).length, view.slices.length);
  });

  it('fails closed, saying why, when a gate cannot be judged', () => {
    const bare = { ...view, baseline: undefined, slices: [] };
    const results = evaluateGates(bare, ['auc drop <= 0.01', 'recall[sex] >= 0.7', 'equalizedOddsDifference <= 0.1', 'rmse <= 1']);
    assert.ok(results.every((r) => !r.passed));
    assert.match(results[0].reason, /No baseline was given/);
    assert.match(results[1].reason, /No slice "sex"/);
    assert.match(results[2].reason, /No slice to measure/);
    assert.match(results[3].reason, /rmse is not computed for this binary evaluation/);
  });
});
