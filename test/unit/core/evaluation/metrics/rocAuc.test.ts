import { strict as assert } from 'node:assert';
import { rocAucScore } from '../../../../../src/core/evaluation/metrics/rocAuc';
import { averagePrecisionScore, prAucScore } from '../../../../../src/core/evaluation/metrics/averagePrecision';
import { assertClose, requireReference, runPython } from '../reference';
import { binaryCases, multiclassCases } from '../cases';

const SCRIPT = `
from sklearn import metrics as M
from sklearn.preprocessing import label_binarize
res = {'binary': [], 'multi': []}
for c in data['binary']:
    pos = c.get('positiveLabel') or max(c['y'])
    yb = [1 if v == pos else 0 for v in c['y']]
    w = c.get('weight')
    r = {}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try: r['auc'] = M.roc_auc_score(yb, c['score'], sample_weight=w)
        except ValueError: r['auc'] = float('nan')
        for m in (0.1, 0.5):
            try: r['pauc%s' % m] = M.roc_auc_score(yb, c['score'], sample_weight=w, max_fpr=m)
            except ValueError: r['pauc%s' % m] = float('nan')
        r['ap'] = M.average_precision_score(yb, c['score'], sample_weight=w)
        pr, rc, _ = M.precision_recall_curve(yb, c['score'], sample_weight=w)
        r['prauc'] = M.auc(rc, pr)
    res['binary'].append(r)
for c in data['multi']:
    r = {}
    Y = label_binarize(c['y'], classes=c['classes'])
    for a in ('macro', 'weighted'):
        r['auc:' + a] = M.roc_auc_score(c['y'], c['proba'], multi_class='ovr', average=a, labels=c['classes'])
    r['auc:micro'] = M.roc_auc_score(Y, c['proba'], average='micro')
    for a in ('macro', 'weighted', 'micro'):
        r['ap:' + a] = M.average_precision_score(Y, c['proba'], average=a)
    res['multi'].append(r)
out(res)
`;

describe('core/evaluation rocAucScore, averagePrecisionScore and prAucScore', () => {
  const binary = binaryCases();
  const multi = multiclassCases();
  let ref: { binary: Record<string, number>[]; multi: Record<string, number>[] };
  before(function () {
    requireReference(this);
    ref = runPython(SCRIPT, { binary, multi });
  });

  it('matches scikit-learn on binary cases to 1e-12 (ties, constant scores, weights, real data)', () => {
    binary.forEach((c, i) => {
      const o = { positiveLabel: c.positiveLabel, sampleWeight: c.weight };
      assertClose(rocAucScore(c.y, c.score, o).value, ref.binary[i].auc, 1e-12, `${c.name} auc`);
      assertClose(rocAucScore(c.y, c.score, { ...o, maxFpr: 0.1 }).value, ref.binary[i]['pauc0.1'], 1e-12, `${c.name} partial auc 0.1`);
      assertClose(rocAucScore(c.y, c.score, { ...o, maxFpr: 0.5 }).value, ref.binary[i]['pauc0.5'], 1e-12, `${c.name} partial auc 0.5`);
      assertClose(averagePrecisionScore(c.y, c.score, o).value, ref.binary[i].ap, 1e-12, `${c.name} average precision`);
      assertClose(prAucScore(c.y, c.score, o).value, ref.binary[i].prauc, 1e-12, `${c.name} PR AUC`);
    });
  });

  it('matches one-vs-rest multiclass AUC and AP (macro, weighted, micro)', () => {
    multi.forEach((c, i) => {
      for (const average of ['macro', 'weighted', 'micro'] as const) {
        assertClose(rocAucScore(c.y, c.proba, { average, labels: c.classes }).value, ref.multi[i][`auc:${average}`], 1e-12, `${c.name} auc ${average}`);
        assertClose(averagePrecisionScore(c.y, c.proba, { average, labels: c.classes }).value, ref.multi[i][`ap:${average}`], 1e-12, `${c.name} ap ${average}`);
      }
    });
  });

  it('takes a contract Probabilities (classes name the columns), using the positive column when binary', () => {
    const proba = { classes: ['no', 'yes'], rows: 4, data: Float64Array.from([0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8]) };
    assert.equal(rocAucScore(['no', 'no', 'yes', 'yes'], proba).value, 0.75);
  });

  it('returns NaN with a warning for a single class, instead of throwing', () => {
    const r = rocAucScore([1, 1, 1], [0.2, 0.4, 0.9]);
    assert.ok(Number.isNaN(r.value));
    assert.equal(r.warnings[0].code, 'single-class');
  });

  it('rejects multiclass scores that are not probabilities', () => {
    assert.throws(
      () =>
        rocAucScore(
          ['a', 'b', 'c'],
          [
            [1, 2, 3],
            [1, 1, 1],
            [0, 0, 1],
          ],
        ),
      /sum to 1/,
    );
  });
});
