import { strict as assert } from 'node:assert';
import { evaluatePredictions } from '../../../../../src/core/evaluation/evaluate/fromPredictions';
import type { Evaluation } from '../../../../../src/core/evaluation/view/evaluationResult';
import { assertClose, binaryData, requireReference, runPython } from '../reference';
import { penguins } from '../cases';

type Rates = { precision: number; recall: number; falsePositiveRate: number; selectionRate: number; tp: number; fp: number; fn: number; tn: number };

/** scikit-learn's per-group precision, recall, false positive rate and selection rate at `threshold` (positive: score ≥ threshold), each group's rows picked by `groups`. */
function sklearnPerGroup(y: boolean[], score: number[], groups: string[], thresholds: number[]): Record<string, Rates>[] {
  return runPython<Record<string, Rates>[]>(
    `from sklearn.metrics import precision_score, recall_score, confusion_matrix
y = np.array(data['y']); s = np.array(data['score']); g = np.array(data['groups'])
res = []
for t in data['thresholds']:
    row = {}
    for k in sorted(set(data['groups'])):
        m = g == k; yt = y[m]; yp = s[m] >= t
        tn, fp, fn, tp = confusion_matrix(yt, yp, labels=[False, True]).ravel()
        row[k] = dict(precision=precision_score(yt, yp, zero_division=0), recall=recall_score(yt, yp, zero_division=0),
                      falsePositiveRate=(fp / (fp + tn) if fp + tn else 0.0), selectionRate=float(yp.mean()), tp=tp, fp=fp, fn=fn, tn=tn)
    res.append(row)
out(res)`,
    { y, score, groups, thresholds },
  );
}

function assertMatches(ev: Evaluation, slice: string, asked: number[], at: number[], expected: Record<string, Rates>[]): void {
  asked.forEach((t, i) => {
    const r = ev.sliceAtThreshold(slice, t);
    assert.equal(r.threshold, t);
    assert.equal(r.applied, at[i]);
    assert.deepEqual(r.groups.map((g) => g.group).sort(), Object.keys(expected[i]).sort());
    for (const g of r.groups) {
      const want = expected[i][g.group];
      for (const k of ['tp', 'fp', 'fn', 'tn'] as const) assert.equal(g[k], want[k], `${k} of ${g.group} at ${t}`);
      for (const k of ['precision', 'recall', 'falsePositiveRate', 'selectionRate'] as const) assertClose(g[k], want[k], 1e-12, `${k} of ${g.group} at ${t}`);
      assert.equal(g.size, want.tp + want.fp + want.fn + want.tn);
    }
  });
}

describe('core/evaluation sliceAtThreshold (per-group threshold metrics, against scikit-learn)', () => {
  it('matches scikit-learn per group at every threshold when the grid holds every distinct score (ties included)', async function () {
    requireReference(this);
    const { y, score } = binaryData(240, 3, { decimals: 2 });
    const groups = y.map((_, i) => ['north', 'south', 'east'][i % 3]);
    const ev = await evaluatePredictions({ yTrue: y, yScore: score, groups: { region: groups } }, { positiveLabel: 1, bootstrap: false });
    const grid = ev.view.slices[0].thresholds!;
    assert.ok(grid.length < 100, `every distinct score is on the grid (${grid.length})`);
    const asked = [0.05, 0.3, 0.5, 0.615, 0.8, 0.99];
    // With every distinct score on the grid, snapping changes no prediction: the reference is computed at the threshold asked for.
    const at = asked.map((t) => Math.min(...grid.filter((g) => g >= t), Infinity));
    assertMatches(ev, 'region', asked, at, sklearnPerGroup(y.map(Boolean), score, groups, asked));
  });

  it('on a coarser grid, the counts are exactly those at the grid threshold it says it applied (penguins by species and island)', async function () {
    requireReference(this);
    const ev = await evaluatePredictions({ yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species, island: penguins.island } }, { positiveLabel: 'MALE', bootstrap: false });
    const asked = [0.2, 0.5, 0.7, 0.9];
    const at = asked.map((t) => ev.sliceAtThreshold('species', t).applied);
    assert.equal(at[1], 0.5, 'the operating threshold is always on the grid');
    assert.ok(
      at.some((a, i) => a > asked[i]),
      `some threshold snaps to the grid: ${at.join(', ')}`,
    );
    const y = penguins.sex.map((s) => s === 'MALE');
    assertMatches(ev, 'species', asked, at, sklearnPerGroup(y, penguins.pMale, penguins.species, at));
    const both = ev.sliceAtThreshold('species × island', 0.5);
    assert.equal(
      both.groups.reduce((a, g) => a + g.size, 0),
      penguins.sex.length,
    );
  });

  it('names the slices there are when asked for another, and refuses a regression evaluation', async () => {
    const ev = await evaluatePredictions({ yTrue: [0, 1, 0, 1], yScore: [0.2, 0.7, 0.4, 0.9], groups: { g: ['a', 'a', 'b', 'b'] } }, { bootstrap: false });
    assert.throws(() => ev.sliceAtThreshold('sex', 0.5), /no slice 'sex' in this evaluation \(its slices: 'g'\)/);
    assert.throws(() => ev.sliceAtThreshold('g', Number.NaN), /threshold must be a number/);
    assert.equal(ev.sliceAtThreshold('g', 1).groups.find((g) => g.group === 'a')?.selectionRate, 0);
    const reg = await evaluatePredictions({ yTrue: [1, 2, 3, 4], yPred: [1.1, 2, 2.9, 4.2], groups: { g: ['a', 'a', 'b', 'b'] } }, { bootstrap: false });
    assert.throws(() => reg.sliceAtThreshold('g', 0.5), /slice 'g' has no threshold counts/);
  });
});
