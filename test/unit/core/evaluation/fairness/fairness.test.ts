import { strict as assert } from 'node:assert';
import {
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalizedOddsRatio,
  equalOpportunityDifference,
  equalOpportunityRatio,
} from '../../../../../src/core/evaluation/fairness/fairness';
import { assertClose, requireReference, runPython } from '../reference';
import { penguins } from '../cases';

describe('core/evaluation fairness metrics (Fairlearn definitions)', () => {
  // Hand-computed: group a: TPR 2/3, FPR 1/2, selection 3/5; group b: TPR 1/2, FPR 0, selection 1/4.
  const yTrue = [1, 1, 1, 0, 0, 1, 1, 0, 0];
  const yPred = [1, 1, 0, 1, 0, 1, 0, 0, 0];
  const group = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
  const o = { sensitiveFeatures: group };

  it('matches hand-computed values between groups', () => {
    assertClose(demographicParityDifference(yTrue, yPred, o).value, 3 / 5 - 1 / 4, 1e-15, 'DPD');
    assertClose(demographicParityRatio(yTrue, yPred, o).value, 1 / 4 / (3 / 5), 1e-15, 'DPR');
    assertClose(equalOpportunityDifference(yTrue, yPred, o).value, 2 / 3 - 1 / 2, 1e-15, 'EOpD');
    assertClose(equalOpportunityRatio(yTrue, yPred, o).value, 1 / 2 / (2 / 3), 1e-15, 'EOpR');
    assertClose(equalizedOddsDifference(yTrue, yPred, o).value, Math.max(2 / 3 - 1 / 2, 1 / 2 - 0), 1e-15, 'EOD');
    assertClose(equalizedOddsRatio(yTrue, yPred, o).value, Math.min(1 / 2 / (2 / 3), 0 / (1 / 2)), 1e-15, 'EOR');
  });

  it("matches hand-computed values to the overall rates ('to_overall')", () => {
    const overall = 4 / 9;
    const t = { ...o, method: 'to_overall' as const };
    assertClose(demographicParityDifference(yTrue, yPred, t).value, Math.max(Math.abs(3 / 5 - overall), Math.abs(1 / 4 - overall)), 1e-15, 'DPD to overall');
    assertClose(demographicParityRatio(yTrue, yPred, t).value, Math.min(overall / (3 / 5), 1 / 4 / overall), 1e-15, 'DPR to overall');
  });

  it('matches a numpy computation of the formulas on penguins (sex predictions by species and species × island)', function () {
    requireReference(this);
    const pred = penguins.pMale.map((p) => (p >= 0.5 ? 'MALE' : 'FEMALE'));
    const ref = runPython<Record<string, number>[]>(
      `y = np.array(data['y']) == 'MALE'; p = np.array(data['p']) == 'MALE'; res = []
for g in (np.array(data['g1']), np.char.add(np.char.add(np.array(data['g1']), '|'), np.array(data['g2']))):
    sr, tpr, fpr = [], [], []
    for k in np.unique(g):
        m = g == k
        sr.append(p[m].mean()); tpr.append(p[m & y].mean()); fpr.append(p[m & ~y].mean())
    sr, tpr, fpr = map(np.array, (sr, tpr, fpr))
    res.append(dict(dpd=sr.max() - sr.min(), dpr=sr.min() / sr.max(), eod=max(tpr.max() - tpr.min(), fpr.max() - fpr.min()),
                    eor=min(tpr.min() / tpr.max(), fpr.min() / fpr.max()), eopd=tpr.max() - tpr.min(), eopr=tpr.min() / tpr.max()))
out(res)`,
      { y: penguins.sex, p: pred, g1: penguins.species, g2: penguins.island },
    );
    const groupings: Record<string, string[]>[] = [{ species: penguins.species }, { species: penguins.species, island: penguins.island }];
    groupings.forEach((sensitiveFeatures, i) => {
      const opt = { sensitiveFeatures, positiveLabel: 'MALE' };
      assertClose(demographicParityDifference(penguins.sex, pred, opt).value, ref[i].dpd, 1e-12, `dpd ${i}`);
      assertClose(demographicParityRatio(penguins.sex, pred, opt).value, ref[i].dpr, 1e-12, `dpr ${i}`);
      assertClose(equalizedOddsDifference(penguins.sex, pred, opt).value, ref[i].eod, 1e-12, `eod ${i}`);
      assertClose(equalizedOddsRatio(penguins.sex, pred, opt).value, ref[i].eor, 1e-12, `eor ${i}`);
      assertClose(equalOpportunityDifference(penguins.sex, pred, opt).value, ref[i].eopd, 1e-12, `eopd ${i}`);
      assertClose(equalOpportunityRatio(penguins.sex, pred, opt).value, ref[i].eopr, 1e-12, `eopr ${i}`);
    });
  });

  it('leaves a single-class group out of the rates it cannot define, with a warning', () => {
    const r = equalOpportunityDifference([1, 0, 0, 0, 1, 1], [1, 0, 1, 0, 0, 1], { sensitiveFeatures: ['a', 'b', 'b', 'b', 'a', 'a'] });
    // Group b has no positives: its TPR is undefined; only group a remains, so no difference.
    assert.ok(Number.isNaN(r.value));
    assert.ok(r.warnings.some((w) => w.code === 'single-class' && /b/.test(w.message)));
  });

  it('asks for the groups', () => {
    assert.throws(() => demographicParityDifference([0, 1], [0, 1], {} as never), /sensitiveFeatures/);
  });
});
