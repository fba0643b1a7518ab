import { strict as assert } from 'node:assert';
import { f1Score, fbetaScore, precisionRecallFscoreSupport, precisionScore, recallScore } from '../../../../../src/core/evaluation/metrics/precisionRecallF';
import { accuracyScore, balancedAccuracyScore } from '../../../../../src/core/evaluation/metrics/accuracy';
import { matthewsCorrcoef } from '../../../../../src/core/evaluation/metrics/matthews';
import { confusionMatrix } from '../../../../../src/core/evaluation/metrics/confusionMatrix';
import { assertClose, requireReference, runPython } from '../reference';
import { labelCases } from '../labelCases';

type Ref = Record<string, number | number[][] | string[]>;

const SCRIPT = `
from sklearn import metrics as M
res = []
for c in data:
    t, p, w = c['yTrue'], c['yPred'], c.get('weight')
    r = {}
    def rec(name, f):
        with warnings.catch_warnings(record=True) as ws:
            warnings.simplefilter('always')
            r[name] = f()
            r[name + ':warned'] = len([x for x in ws if 'ill-defined' in str(x.message) or 'not in y_true' in str(x.message)]) > 0
    rec('accuracy', lambda: M.accuracy_score(t, p, sample_weight=w))
    rec('balanced', lambda: M.balanced_accuracy_score(t, p, sample_weight=w))
    rec('balancedAdj', lambda: M.balanced_accuracy_score(t, p, sample_weight=w, adjusted=True))
    rec('mcc', lambda: M.matthews_corrcoef(t, p, sample_weight=w))
    rec('cm', lambda: M.confusion_matrix(t, p, sample_weight=w))
    rec('cmTrue', lambda: M.confusion_matrix(t, p, sample_weight=w, normalize='true'))
    avgs = ['macro', 'micro', 'weighted'] + ([] if c['multiclass'] else ['binary'])
    for a in avgs:
        kw = dict(average=a, sample_weight=w)
        if a == 'binary': kw['pos_label'] = c['positive']
        rec('precision:' + a, lambda: M.precision_score(t, p, **kw))
        rec('recall:' + a, lambda: M.recall_score(t, p, **kw))
        rec('f1:' + a, lambda: M.f1_score(t, p, **kw))
        rec('f2:' + a, lambda: M.fbeta_score(t, p, beta=2, **kw))
    res.append(r)
out(res)
`;

describe('core/evaluation precision, recall, F, accuracy, MCC and confusion matrix', () => {
  const cases = labelCases();
  let ref: Ref[];
  before(function () {
    requireReference(this);
    ref = runPython<Ref[]>(SCRIPT, cases);
  });

  it('matches scikit-learn on every case and average to 1e-12 (ties, one class, zero division, weights, strings, real data)', () => {
    cases.forEach((c, i) => {
      const r = ref[i];
      const w = { sampleWeight: c.weight };
      assertClose(accuracyScore(c.yTrue, c.yPred, w).value, r.accuracy as number, 1e-12, `${c.name} accuracy`);
      assertClose(balancedAccuracyScore(c.yTrue, c.yPred, w).value, r.balanced as number, 1e-12, `${c.name} balanced accuracy`);
      assertClose(balancedAccuracyScore(c.yTrue, c.yPred, { ...w, adjusted: true }).value, r.balancedAdj as number, 1e-12, `${c.name} adjusted balanced accuracy`);
      assertClose(matthewsCorrcoef(c.yTrue, c.yPred, w).value, r.mcc as number, 1e-12, `${c.name} mcc`);
      assert.deepEqual(confusionMatrix(c.yTrue, c.yPred, w).matrix, r.cm, `${c.name} confusion matrix`);
      const norm = confusionMatrix(c.yTrue, c.yPred, { ...w, normalize: 'true' }).matrix;
      norm.forEach((row, a) => row.forEach((v, b) => assertClose(v, (r.cmTrue as number[][])[a][b], 1e-12, `${c.name} normalized cm`)));
      for (const average of ['macro', 'micro', 'weighted', ...(c.multiclass ? [] : ['binary' as const])] as const) {
        const o = { ...w, average, positiveLabel: c.positive };
        const checks: [string, { value: number; warnings: unknown[] }][] = [
          ['precision', precisionScore(c.yTrue, c.yPred, o)],
          ['recall', recallScore(c.yTrue, c.yPred, o)],
          ['f1', f1Score(c.yTrue, c.yPred, o)],
          ['f2', fbetaScore(c.yTrue, c.yPred, 2, o)],
        ];
        for (const [name, got] of checks) {
          assertClose(got.value, r[`${name}:${average}`] as number, 1e-12, `${c.name} ${name} ${average}`);
          assert.equal(got.warnings.length > 0, r[`${name}:${average}:warned`], `${c.name} ${name} ${average}: warns where scikit-learn warns`);
        }
      }
    });
  });

  it('returns zero-division warnings as data, and zeroDivision: 1 turns 0/0 into 1', () => {
    const r = precisionScore([0, 1, 0], [0, 0, 0]);
    assert.equal(r.value, 0);
    assert.equal(r.warnings[0].code, 'zero-division');
    assert.match(r.warnings[0].message, /Precision is ill-defined/);
    assert.equal(precisionScore([0, 1, 0], [0, 0, 0], { zeroDivision: 1 }).value, 1);
    assert.equal(precisionScore([0, 1, 0], [0, 0, 0], { zeroDivision: 1 }).warnings.length, 0);
  });

  it('gives per-label values and support', () => {
    const r = precisionRecallFscoreSupport(['a', 'b', 'c', 'a'], ['a', 'c', 'c', 'b']);
    assert.deepEqual(r.labels, ['a', 'b', 'c']);
    assert.deepEqual(r.perLabel.support, [2, 1, 1]);
    assert.deepEqual(r.perLabel.precision, [1, 0, 0.5]);
    assert.equal(r.precision, undefined);
  });

  it('explains bad arguments: multiclass with binary average, unknown positive label, mismatched lengths', () => {
    assert.throws(() => f1Score(['a', 'b', 'c'], ['a', 'b', 'b']), /multiclass .* average is 'binary'.*macro/);
    assert.throws(() => f1Score([0, 1], [0, 1], { positiveLabel: 2 }), /positiveLabel 2 is not a valid label/);
    assert.throws(() => f1Score(['no', 'yes'], ['no', 'yes']), /name the positive class/);
    assert.throws(() => accuracyScore([0, 1], [0]), /yPred has 1 elements but yTrue has 2/);
    assert.throws(() => accuracyScore([0, null as unknown as number], [0, 1]), /yTrue\[1\] is null/);
  });
});
