import { strict as assert } from 'node:assert';
import { _multiclassCurves } from '../../../../../src/core/evaluation/curves/multiclassCurves';
import { rocCurve } from '../../../../../src/core/evaluation/curves/rocCurve';
import { precisionRecallCurve } from '../../../../../src/core/evaluation/curves/precisionRecallCurve';
import { evaluatePredictions } from '../../../../../src/core/evaluation/evaluate/fromPredictions';
import { assertAllClose, assertClose, requireReference, runPython } from '../reference';
import { penguins } from '../cases';

const codes = Int32Array.from(penguins.species, (s) => penguins.speciesClasses.indexOf(s));
const proba = { rows: codes.length, cols: penguins.speciesClasses.length, data: Float64Array.from(penguins.pSpecies.flat()) };
// Enough points that nothing is downsampled: the curves compare point for point.
const curves = _multiclassCurves(codes, proba, penguins.speciesClasses, 100_000);

interface Ref {
  fpr: number[][];
  tpr: number[][];
  auc: number[];
  p: number[][];
  r: number[][];
  ap: number[];
  microFpr: number[];
  microTpr: number[];
  microAuc: number;
  microP: number[];
  microR: number[];
  microAp: number;
  macroAuc: number;
}

const SCRIPT = `
from sklearn import metrics as M
from sklearn.preprocessing import label_binarize
y = np.array(data['y']); P = np.array(data['proba']); classes = data['classes']
Y = label_binarize(y, classes=classes)
res = dict(fpr=[], tpr=[], auc=[], p=[], r=[], ap=[])
for c in range(len(classes)):
    f, t, _ = M.roc_curve(Y[:, c], P[:, c]); res['fpr'].append(f); res['tpr'].append(t); res['auc'].append(M.auc(f, t))
    p, r, _ = M.precision_recall_curve(Y[:, c], P[:, c]); res['p'].append(p); res['r'].append(r); res['ap'].append(M.average_precision_score(Y[:, c], P[:, c]))
f, t, _ = M.roc_curve(Y.ravel(), P.ravel()); res.update(microFpr=f, microTpr=t, microAuc=M.roc_auc_score(Y, P, average='micro'))
p, r, _ = M.precision_recall_curve(Y.ravel(), P.ravel()); res.update(microP=p, microR=r, microAp=M.average_precision_score(Y, P, average='micro'))
res['macroAuc'] = M.roc_auc_score(y, P, multi_class='ovr', labels=classes)
out(res)
`;

describe('core/evaluation _multiclassCurves (one-vs-rest ROC and PR with micro/macro averages)', () => {
  it('draws one ROC and one PR curve per class, each the binary curve of that class against the rest', () => {
    assert.deepEqual(
      curves.rocPerClass.map((c) => c.label),
      penguins.speciesClasses,
    );
    assert.deepEqual(
      curves.prPerClass.map((c) => c.label),
      penguins.speciesClasses,
    );
    penguins.speciesClasses.forEach((label, c) => {
      const score = penguins.pSpecies.map((row) => row[c]);
      const roc = rocCurve(
        penguins.species.map((s) => (s === label ? 1 : 0)),
        score,
        { positiveLabel: 1 },
      );
      assertAllClose(curves.rocPerClass[c].curve.x, Array.from(roc.fpr), 1e-12, `${label} fpr`);
      assertAllClose(curves.rocPerClass[c].curve.y, Array.from(roc.tpr), 1e-12, `${label} tpr`);
      const pr = precisionRecallCurve(
        penguins.species.map((s) => (s === label ? 1 : 0)),
        score,
        { positiveLabel: 1 },
      );
      assertAllClose(curves.prPerClass[c].curve.y, Array.from(pr.precision), 1e-12, `${label} precision`);
    });
    const distinct = new Set(curves.rocPerClass.map((c) => JSON.stringify(c.curve.y)));
    assert.equal(distinct.size, 3, 'three different curves, not the first class three times');
  });

  it('adds micro and macro averages; the macro AUC is the multiclass ROC AUC metric', async () => {
    assert.deepEqual(
      curves.rocAverages.map((a) => a.average),
      ['micro', 'macro'],
    );
    assert.deepEqual(
      curves.prAverages.map((a) => a.average),
      ['micro'],
    );
    const ev = await evaluatePredictions({ yTrue: penguins.species, yProba: { classes: penguins.speciesClasses, ...proba } }, { bootstrap: false });
    assertClose(curves.rocAverages[1].curve.area!, ev.view.metrics.find((m) => m.name === 'auc')!.value!, 1e-12, 'macro AUC');
    const macro = curves.rocAverages[1].curve;
    assert.equal(macro.x[0], 0);
    assert.equal(macro.x[macro.x.length - 1], 1);
    assert.equal(macro.y[macro.y.length - 1], 1);
    assert.ok(
      macro.y.every((v, i) => i === 0 || v >= macro.y[i - 1]),
      'the macro curve never falls',
    );
    assert.deepEqual(
      ev.view.curves.rocPerClass?.map((c) => c.label),
      penguins.speciesClasses,
      'the view carries every class',
    );
    assert.equal(ev.view.curves.prPerClass?.length, 3);
  });

  describe('against scikit-learn', () => {
    let ref: Ref;
    before(function () {
      requireReference(this);
      ref = runPython<Ref>(SCRIPT, { y: penguins.species, proba: penguins.pSpecies, classes: penguins.speciesClasses });
    });
    it('matches roc_curve / precision_recall_curve on each class against the rest, and the micro averages', () => {
      penguins.speciesClasses.forEach((label, c) => {
        assertAllClose(curves.rocPerClass[c].curve.x, ref.fpr[c], 1e-12, `${label} fpr`);
        assertAllClose(curves.rocPerClass[c].curve.y, ref.tpr[c], 1e-12, `${label} tpr`);
        assertClose(curves.rocPerClass[c].curve.area!, ref.auc[c], 1e-12, `${label} AUC`);
        assertAllClose(curves.prPerClass[c].curve.x, ref.r[c], 1e-12, `${label} recall`);
        assertAllClose(curves.prPerClass[c].curve.y, ref.p[c], 1e-12, `${label} precision`);
        assertClose(curves.prPerClass[c].curve.area!, ref.ap[c], 1e-12, `${label} AP`);
      });
      assertAllClose(curves.rocAverages[0].curve.x, ref.microFpr, 1e-12, 'micro fpr');
      assertAllClose(curves.rocAverages[0].curve.y, ref.microTpr, 1e-12, 'micro tpr');
      assertClose(curves.rocAverages[0].curve.area!, ref.microAuc, 1e-12, 'micro AUC');
      assertAllClose(curves.prAverages[0].curve.y, ref.microP, 1e-12, 'micro precision');
      assertClose(curves.prAverages[0].curve.area!, ref.microAp, 1e-12, 'micro AP');
      assertClose(curves.rocAverages[1].curve.area!, ref.macroAuc, 1e-12, 'macro AUC');
    });
  });
});
