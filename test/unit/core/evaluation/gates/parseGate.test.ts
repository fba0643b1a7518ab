import { strict as assert } from 'node:assert';
import { formatGate, parseGate } from '../../../../../src/core/evaluation/gates/parseGate';

describe('core/evaluation parseGate', () => {
  it('parses the absolute, relative, slice, intersection, bound and fairness forms', () => {
    assert.deepEqual(parseGate('auc >= 0.8'), { metric: 'auc', op: '>=', value: 0.8 });
    assert.deepEqual(parseGate('auc drop <= 0.01'), { metric: 'auc', op: '<=', value: 0.01, relative: 'drop' });
    assert.deepEqual(parseGate('logLoss rise<0.02'), { metric: 'logLoss', op: '<', value: 0.02, relative: 'rise' });
    assert.deepEqual(parseGate('recall[sex] >= 0.7'), { metric: 'recall', op: '>=', value: 0.7, slice: 'sex' });
    assert.deepEqual(parseGate('recall[sex, island] ≥ 70%'), { metric: 'recall', op: '>=', value: 0.7, slice: ['sex', 'island'] });
    assert.deepEqual(parseGate('auc.lower >= 0.75'), { metric: 'auc', op: '>=', value: 0.75, bound: 'lower' });
    assert.deepEqual(parseGate('equalizedOddsDifference <= 0.1'), { metric: 'equalizedOddsDifference', op: '<=', value: 0.1 });
    assert.deepEqual(parseGate('rmse <= 1.5e3'), { metric: 'rmse', op: '<=', value: 1500 });
  });

  it('accepts and checks the object form', () => {
    assert.deepEqual(parseGate({ metric: 'auc', op: '>=', value: 0.8 }), { metric: 'auc', op: '>=', value: 0.8 });
    assert.throws(() => parseGate({ metric: 'auc', op: '=>' as never, value: 0.8 }), /op must be one of >=, <=, >, </);
    assert.throws(() => parseGate({ metric: 'auc', op: '>=', value: 0.8, relative: 'drop', slice: 'sex' }), /either relative to the baseline or per slice/);
  });

  it('points at the problem with a caret and shows the forms', () => {
    assert.throws(
      () => parseGate('auc => 0.8'),
      (e: Error) => e instanceof SyntaxError && /expected an operator .* at column 5/.test(e.message) && e.message.includes('    ^') && /Forms:/.test(e.message),
    );
    assert.throws(() => parseGate('auc >= high'), /expected a number at column 8/);
    assert.throws(() => parseGate('recall[sex >= 0.7'), /expected '\]' to close the slice/);
    assert.throws(() => parseGate('auc >= 0.8 please'), /unexpected text after the number/);
  });

  it('suggests the metric meant by a typo', () => {
    assert.throws(() => parseGate('acu >= 0.8'), /unknown metric "acu"; did you mean 'auc'\?/);
    assert.throws(() => parseGate('equalisedOddsDifference <= 0.1'), /did you mean 'equalizedOddsDifference'/);
  });

  it('formats a spec back to its canonical string', () => {
    for (const s of ['auc >= 0.8', 'auc drop <= 0.01', 'recall[sex, island] >= 0.7', 'auc.lower >= 0.75']) assert.equal(formatGate(parseGate(s)), s);
  });

  it('keeps the metric name the user wrote when it is an alias (f1Macro, rocAuc), judging the metric it stands for', () => {
    assert.deepEqual(parseGate('f1Macro >= 0.9'), { metric: 'f1', op: '>=', value: 0.9, written: 'f1Macro' });
    assert.equal(formatGate(parseGate('f1Macro >= 0.9')), 'f1Macro >= 0.9');
    assert.equal(formatGate(parseGate({ metric: 'rocAuc' as never, op: '>=', value: 0.8 })), 'rocAuc >= 0.8');
    assert.equal(formatGate(parseGate(parseGate('f1Macro >= 0.9'))), 'f1Macro >= 0.9');
  });
});
