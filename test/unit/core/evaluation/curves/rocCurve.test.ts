import { strict as assert } from 'node:assert';
import { rocCurve } from '../../../../../src/core/evaluation/curves/rocCurve';
import { precisionRecallCurve } from '../../../../../src/core/evaluation/curves/precisionRecallCurve';
import { assertAllClose, requireReference, runPython } from '../reference';
import { binaryCases } from '../cases';

interface Ref {
  fpr: number[];
  tpr: number[];
  thr: number[];
  fprAll: number[];
  tprAll: number[];
  thrAll: number[];
  p: number[];
  r: number[];
  prThr: number[];
}

const SCRIPT = `
from sklearn import metrics as M
res = []
for c in data:
    kw = dict(pos_label=c.get('positiveLabel') or (max(c['y'])), sample_weight=c.get('weight'))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        f, t, th = M.roc_curve(c['y'], c['score'], **kw)
        fa, ta, tha = M.roc_curve(c['y'], c['score'], drop_intermediate=False, **kw)
        p, r, pth = M.precision_recall_curve(c['y'], c['score'], **kw)
    res.append(dict(fpr=f, tpr=t, thr=th, fprAll=fa, tprAll=ta, thrAll=tha, p=p, r=r, prThr=pth))
out(res)
`;

describe('core/evaluation rocCurve and precisionRecallCurve', () => {
  const cases = binaryCases();
  let ref: Ref[];
  before(function () {
    requireReference(this);
    ref = runPython<Ref[]>(SCRIPT, cases);
  });

  it('matches roc_curve point for point, with and without drop_intermediate', () => {
    cases.forEach((c, i) => {
      const o = { positiveLabel: c.positiveLabel, sampleWeight: c.weight };
      const a = rocCurve(c.y, c.score, o);
      assertAllClose(a.fpr, ref[i].fpr, 1e-12, `${c.name} fpr`);
      assertAllClose(a.tpr, ref[i].tpr, 1e-12, `${c.name} tpr`);
      // scikit-learn 1.2 puts max(score) + 1 first; ≥ 1.3 (and we) put Infinity there.
      assert.equal(a.thresholds[0], Infinity);
      assertAllClose(a.thresholds.subarray(1), ref[i].thr.slice(1), 0, `${c.name} thresholds`);
      const b = rocCurve(c.y, c.score, { ...o, dropIntermediate: false });
      assertAllClose(b.fpr, ref[i].fprAll, 1e-12, `${c.name} fpr (all)`);
      assertAllClose(b.tpr, ref[i].tprAll, 1e-12, `${c.name} tpr (all)`);
      assertAllClose(b.thresholds.subarray(1), ref[i].thrAll.slice(1), 0, `${c.name} thresholds (all)`);
    });
  });

  it('matches precision_recall_curve point for point', () => {
    cases.forEach((c, i) => {
      const a = precisionRecallCurve(c.y, c.score, { positiveLabel: c.positiveLabel, sampleWeight: c.weight });
      assertAllClose(a.precision, ref[i].p, 1e-12, `${c.name} precision`);
      assertAllClose(a.recall, ref[i].r, 1e-12, `${c.name} recall`);
      assertAllClose(a.thresholds, ref[i].prThr, 0, `${c.name} thresholds`);
    });
  });

  it('warns (as data) and returns NaN rates when a class is missing', () => {
    const r = rocCurve([0, 0, 0], [0.1, 0.5, 0.9]);
    assert.ok(r.tpr.every(Number.isNaN));
    assert.equal(r.warnings[0].code, 'undefined-metric');
    const pr = precisionRecallCurve([0, 0, 0], [0.1, 0.5, 0.9]);
    assert.deepEqual(Array.from(pr.recall), [1, 1, 1, 0]);
    assert.match(pr.warnings[0].message, /No positive class/);
  });

  it('refuses multiclass targets without a positive label and string labels without one', () => {
    assert.throws(() => rocCurve([0, 1, 2], [0.1, 0.2, 0.3]), /3 classes .* positiveLabel/);
    assert.throws(() => rocCurve(['a', 'b'], [0.1, 0.2]), /positiveLabel: "b"/);
    assert.throws(() => rocCurve([0, 1], [0.1, NaN]), /yScore\[1\] is NaN/);
  });
});
