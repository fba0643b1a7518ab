import { strict as assert } from 'node:assert';
import { diffPredictions } from '../../../../src/core/review/diffPredictions';
import { matchRows } from '../../../../src/core/review/matchRows';
import { createRng } from '../../../../src/core/evaluation/random';
import type { MetricDelta, PredictionSet } from '../../../../src/core/review/contract';
import { requireReference, runPython } from '../evaluation/reference';
import { binaryPair, classSet, reorder } from './sets';

const byName = (metrics: MetricDelta[], name: string): MetricDelta => {
  const m = metrics.find((d) => d.name === name);
  assert.ok(m, `no ${name} delta`);
  return m;
};

// The numpy/scikit-learn re-implementation of the paired bootstrap: it is handed the very resample
// counts diffPredictions draws (core's seeded Poisson stream, regenerated here with the same seed),
// computes every metric of both models under each resample's weights, and takes numpy's
// percentiles of head − base and the (1 + count) / (1 + resamples) two-sided p-value.
const PAIRED = `
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score, average_precision_score, log_loss, brier_score_loss
y = np.array(data['y']); counts = np.array(data['counts'], dtype=np.float64); group = np.array(data['group'])
def metrics(pred, score, w):
    return [accuracy_score(y, pred, sample_weight=w), f1_score(y, pred, sample_weight=w),
            roc_auc_score(y, score, sample_weight=w), average_precision_score(y, score, sample_weight=w),
            log_loss(y, score, sample_weight=w), brier_score_loss(y, score, sample_weight=w)]
def group_accuracy(pred, w):
    m = group == data['group_key']
    return accuracy_score(y[m], np.array(pred)[m], sample_weight=w[m])
pb, ph = np.array(data['predBase']), np.array(data['predHead'])
sb, sh = np.array(data['scoreBase']), np.array(data['scoreHead'])
ones = np.ones(len(y))
observed = np.array(metrics(ph, sh, ones)) - np.array(metrics(pb, sb, ones))
diffs = np.array([np.array(metrics(ph, sh, w)) - np.array(metrics(pb, sb, w)) for w in counts])
gdiffs = np.array([group_accuracy(ph, w) - group_accuracy(pb, w) for w in counts])
def p(d):
    return min(1.0, 2 * (1 + min((d <= 0).sum(), (d >= 0).sum())) / (len(d) + 1))
out({'observed': observed, 'ci': [np.percentile(diffs[:, j], [2.5, 97.5]) for j in range(6)], 'p': [p(diffs[:, j]) for j in range(6)],
     'groupCi': np.percentile(gdiffs, [2.5, 97.5]), 'groupObserved': group_accuracy(ph, ones) - group_accuracy(pb, ones)})
`;

describe('review/diffPredictions', function () {
  this.timeout(120_000);

  /** Scores rounded to 1/20: every tie block holds many rows of both classes. */
  const tied = (s: PredictionSet): PredictionSet => {
    const yScore = s.yScore!.map((p) => Math.round(p * 20) / 20);
    return { ...s, yScore, yPred: Array.from(yScore, (p) => (p >= 0.5 ? 1 : 0)) };
  };

  for (const ties of [false, true])
    it(`paired bootstrap: the same CIs and p-values as numpy/scikit-learn given the same resample counts (headline and a slice group${ties ? ', tied scores' : ''})`, async function () {
      requireReference(this);
      const pair = binaryPair(1200, 5);
      const base = ties ? tied(pair.base) : pair.base;
      const full = ties ? tied(pair.head) : pair.head;
      // Head: rows reordered, 30 of base's rows gone; matching must undo both.
      const order = Array.from({ length: 1200 }, (_, i) => (i * 7919) % 1200).filter((i) => i % 40 !== 3);
      const head = reorder(full, order);
      const resamples = 200;
      const seed = 11;
      const names = ['accuracy', 'f1', 'auc', 'averagePrecision', 'logLoss', 'brier'] as const;
      const d = await diffPredictions(base, head, { metrics: [...names], bootstrap: { resamples, seed } });
      assert.equal(d.pairing.method, 'paired-bootstrap');
      assert.equal(d.pairing.sampling, 'poisson');
      const match = matchRows(base, head);
      assert.equal(d.pairing.rows, match.base.length);
      // The counts diffPredictions drew: one Poisson row count per matched row (base order) per resample.
      const rng = createRng(seed);
      const counts: number[][] = [];
      for (let b = 0; b < resamples; b++) {
        const c = new Uint8Array(match.base.length);
        rng.fillPoisson(c);
        counts.push([...c]);
      }
      const at = (s: PredictionSet, rows: Uint32Array, f: (s: PredictionSet, i: number) => unknown) => Array.from(rows, (i) => f(s, i));
      const ref = runPython<{ observed: number[]; ci: [number, number][]; p: number[]; groupCi: [number, number]; groupObserved: number }>(PAIRED, {
        y: at(base, match.base, (s, i) => s.yTrue[i]),
        predBase: at(base, match.base, (s, i) => s.yPred[i]),
        predHead: at(head, match.head, (s, i) => s.yPred[i]),
        scoreBase: at(base, match.base, (s, i) => s.yScore![i]),
        scoreHead: at(head, match.head, (s, i) => s.yScore![i]),
        group: at(head, match.head, (s, i) => s.slices!.group[i]),
        group_key: 'B',
        counts,
      });
      names.forEach((name, j) => {
        const m = byName(d.metrics, name);
        assert.ok(Math.abs(m.delta! - ref.observed[j]) < 1e-10, `${name} delta ${m.delta}, numpy ${ref.observed[j]}`);
        assert.ok(Math.abs(m.ci![0] - ref.ci[j][0]) < 1e-10 && Math.abs(m.ci![1] - ref.ci[j][1]) < 1e-10, `${name} CI ${m.ci}, numpy ${ref.ci[j]}`);
        assert.ok(Math.abs(m.pValue! - ref.p[j]) < 1e-12, `${name} p ${m.pValue}, numpy ${ref.p[j]}`);
        assert.equal(m.significant, m.ci![0] > 0 || m.ci![1] < 0);
      });
      const groupB = d.slices.find((s) => s.slice === 'group' && s.group === 'B')!;
      const acc = byName(groupB.metrics, 'accuracy');
      assert.ok(Math.abs(acc.delta! - ref.groupObserved) < 1e-12, `group B accuracy delta ${acc.delta}, numpy ${ref.groupObserved}`);
      assert.ok(Math.abs(acc.ci![0] - ref.groupCi[0]) < 1e-10 && Math.abs(acc.ci![1] - ref.groupCi[1]) < 1e-10, `group B CI ${acc.ci}, numpy ${ref.groupCi}`);
    });

  it('is direction-aware: lower log loss is better, and swapping sides turns better into worse', async () => {
    const { base, head } = binaryPair(3000, 7, 1.0);
    const up = await diffPredictions(base, head, { metrics: ['auc', 'logLoss', 'brier'], slices: false, bootstrap: { resamples: 200, seed: 1 } });
    const [auc, ll] = [byName(up.metrics, 'auc'), byName(up.metrics, 'logLoss')];
    assert.ok(auc.delta! > 0 && auc.significant && auc.verdict === 'better' && auc.higherIsBetter);
    assert.ok(ll.delta! < 0 && ll.significant && ll.verdict === 'better' && !ll.higherIsBetter, JSON.stringify(ll));
    const down = await diffPredictions(head, base, { metrics: ['auc', 'logLoss'], slices: false, bootstrap: { resamples: 200, seed: 1 } });
    assert.equal(byName(down.metrics, 'logLoss').verdict, 'worse');
    assert.ok(byName(down.metrics, 'logLoss').delta! > 0);
    assert.equal(byName(down.metrics, 'auc').verdict, 'worse');
  });

  it('calls an interval that covers 0 unchanged, and the same model on both sides has a zero-width interval', async () => {
    const { base } = binaryPair(500, 3);
    const d = await diffPredictions(
      base,
      reorder(
        base,
        Array.from({ length: 500 }, (_, i) => 499 - i),
      ),
      { slices: false, bootstrap: { resamples: 100 } },
    );
    for (const m of d.metrics) {
      assert.deepEqual([m.delta, m.ci, m.significant, m.verdict], [0, [0, 0], false, 'unchanged'], m.name);
    }
    assert.deepEqual([d.flips!.changed, d.flips!.mcnemar!.pValue], [0, 1]);
  });

  it('falls back to unpaired bootstraps when no rows match, with a note, and no flips', async () => {
    const { base, head } = binaryPair(2000, 9, 0.6);
    const renamed = { ...head, rowIds: head.rowIds.map((id) => `other-${id}`) };
    const paired = await diffPredictions(base, head, { metrics: ['auc', 'accuracy'], slices: false, bootstrap: { resamples: 300, seed: 2 } });
    const unpaired = await diffPredictions(base, renamed, { metrics: ['auc', 'accuracy'], slices: false, bootstrap: { resamples: 300, seed: 2 } });
    assert.equal(unpaired.pairing.method, 'unpaired-bootstrap');
    assert.equal(unpaired.flips, undefined);
    assert.ok(
      unpaired.notes.some((n) => /no common rows/.test(n)),
      unpaired.notes.join('\n'),
    );
    const [p, u] = [byName(paired.metrics, 'auc'), byName(unpaired.metrics, 'auc')];
    assert.equal(u.method, 'unpaired-bootstrap');
    assert.ok(Math.abs(u.delta! - p.delta!) < 1e-12, 'same rows, same observed delta');
    // Correlated models: pairing removes the shared noise, so the unpaired interval is wider.
    assert.ok(u.ci![1] - u.ci![0] > 1.5 * (p.ci![1] - p.ci![0]), `unpaired ${u.ci}, paired ${p.ci}`);
  });

  it('binary with scores: base and head ROC and PR curves on the matched rows, downsampled, with the areas of the AUC and AP deltas', async () => {
    const { base, head } = binaryPair(3000, 4, 0.5);
    const d = await diffPredictions(base, head, { metrics: ['auc', 'averagePrecision'], slices: false, bootstrap: { resamples: 50, seed: 1 } });
    const c = d.curves!;
    assert.deepEqual([c.rows, c.paired], [{ base: 3000, head: 3000 }, true]);
    for (const side of ['base', 'head'] as const) {
      const roc = c.roc![side];
      assert.ok(roc.x.length <= 200 && roc.points > roc.x.length, `${roc.x.length} of ${roc.points} points`);
      assert.deepEqual([roc.x[0], roc.y[0], roc.x.at(-1), roc.y.at(-1)], [0, 0, 1, 1]);
      assert.ok(Math.abs(roc.area! - byName(d.metrics, 'auc')[side]!) < 1e-9, `${side} ROC area is its AUC`);
      assert.ok(Math.abs(c.pr![side].area! - byName(d.metrics, 'averagePrecision')[side]!) < 1e-9, `${side} PR area is its AP`);
    }
    const positives = base.yTrue.filter((y) => y === 1).length;
    assert.ok(Math.abs(c.pr!.prevalence - positives / 3000) < 1e-12);
    const noScores = await diffPredictions({ ...base, yScore: undefined }, head, { metrics: ['accuracy'], slices: false, bootstrap: { resamples: 20 } });
    assert.equal(noScores.curves, undefined, 'no curves without scores on both sides');
  });

  it('falls back to unpaired when the shared rows are under minPairedShare of the larger side', async () => {
    const { base, head } = binaryPair(1000, 4);
    const few = reorder(
      head,
      Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 5 === 0),
    ); // 200 of 1000 shared
    const d = await diffPredictions(base, { ...few, rowIds: [...few.rowIds] }, { slices: false, bootstrap: { resamples: 50 } });
    assert.equal(d.pairing.method, 'unpaired-bootstrap');
    assert.ok(
      d.notes.some((n) => /share only 200 rows \(20\.0% of the larger side, below 50\.0%\)/.test(n)),
      d.notes.join('\n'),
    );
    assert.equal(d.flips!.rows, 200);
    const paired = await diffPredictions(base, few, { slices: false, minPairedShare: 0.1, bootstrap: { resamples: 50 } });
    assert.equal(paired.pairing.method, 'paired-bootstrap');
    assert.ok(
      paired.notes.some((n) => /800 base rows and 0 head rows have no partner/.test(n)),
      paired.notes.join('\n'),
    );
  });

  it('uses the recorded intervals when a side kept no predictions; significant only when they do not overlap', async () => {
    const recorded = {
      base: { auc: { value: 0.8, interval: { low: 0.78, high: 0.82, level: 0.95 } }, logLoss: { value: 0.45, interval: { low: 0.43, high: 0.47, level: 0.95 } }, f1: { value: 0.6 } },
      head: { auc: { value: 0.83, interval: { low: 0.81, high: 0.85, level: 0.95 } }, logLoss: { value: 0.4, interval: { low: 0.38, high: 0.42, level: 0.95 } }, f1: { value: 0.7 } },
    };
    const { head } = binaryPair(100, 1);
    const d = await diffPredictions(undefined, head, { recorded });
    const auc = byName(d.metrics, 'auc');
    const se = Math.sqrt(2) * (0.04 / (2 * 1.959963984540054));
    assert.equal(auc.method, 'recorded-intervals');
    assert.ok(Math.abs(auc.ci![0] - (0.03 - 1.959963984540054 * se)) < 1e-9 && auc.ci![0] > 0, `CI ${auc.ci}`);
    assert.equal(auc.significant, false, 'overlapping intervals [0.78, 0.82] and [0.81, 0.85] are not clearly separated');
    assert.equal(auc.verdict, 'unchanged');
    const ll = byName(d.metrics, 'logLoss');
    assert.deepEqual([ll.significant, ll.verdict], [true, 'better']);
    const f1 = byName(d.metrics, 'f1');
    assert.deepEqual([f1.method, f1.ci, f1.significant, f1.verdict, f1.delta], ['none', null, false, 'unknown', 0.7 - 0.6]);
    assert.ok(d.notes.some((n) => /base kept no predictions/.test(n)));
  });

  it('slices: paired deltas per group, small-group flags, and fairness gaps of both sides', async () => {
    const { base, head } = binaryPair(600, 21, 0.5);
    const d = await diffPredictions(base, head, { metrics: ['accuracy', 'auc'], minGroupSize: 201, bootstrap: { resamples: 100 } });
    assert.deepEqual(
      d.slices.map((s) => [s.slice, s.group, s.rowsBase, s.rowsHead, s.smallGroup]),
      [
        ['group', 'A', 200, 200, true],
        ['group', 'B', 200, 200, true],
        ['group', 'C', 200, 200, true],
      ],
    );
    assert.deepEqual(
      d.slices[0].metrics.map((m) => m.name),
      ['accuracy', 'auc'],
    );
    // A group's observed accuracy is the plain share right among its rows.
    const rowsA = base.rowIds.map((_, i) => i).filter((i) => base.slices!.group[i] === 'A');
    const accuracy = (s: PredictionSet) => rowsA.filter((i) => String(s.yPred[i]) === String(s.yTrue[i])).length / rowsA.length;
    assert.ok(Math.abs(d.slices[0].metrics[0].base! - accuracy(base)) < 1e-12 && Math.abs(d.slices[0].metrics[0].head! - accuracy(head)) < 1e-12);
    assert.deepEqual(
      d.fairness.map((f) => f.metric),
      ['demographicParity', 'equalizedOdds', 'equalOpportunity'],
    );
    for (const f of d.fairness) {
      assert.ok(f.delta !== null && Math.abs(f.delta - (f.head! - f.base!)) < 1e-12);
      assert.equal(f.worse, f.delta > 0);
      assert.ok(f.ci && f.ci[0] <= f.ci[1]);
    }
  });

  it('multiclass and regression predictions: accuracy / macro F1 and MAE / RMSE / R² deltas', async () => {
    const rng = createRng(3);
    const labels = ['a', 'b', 'c'];
    const yTrue = Array.from({ length: 300 }, () => labels[rng.nextInt(3)]);
    const basePred = yTrue.map((y) => (rng.nextFloat() < 0.6 ? y : labels[rng.nextInt(3)]));
    const headPred = yTrue.map((y) => (rng.nextFloat() < 0.8 ? y : labels[rng.nextInt(3)]));
    const mc = await diffPredictions(classSet(yTrue, basePred), classSet(yTrue, headPred), { bootstrap: { resamples: 200 } });
    assert.deepEqual(
      mc.metrics.map((m) => m.name),
      ['accuracy', 'balancedAccuracy', 'f1'],
    );
    const acc = byName(mc.metrics, 'accuracy');
    const share = (p: string[]) => p.filter((v, i) => v === yTrue[i]).length / 300;
    assert.ok(Math.abs(acc.delta! - (share(headPred) - share(basePred))) < 1e-12);
    assert.equal(acc.verdict, 'better');
    // accuracy's delta is exactly (fixes − regressions) / rows
    assert.ok(Math.abs(acc.delta! - (mc.flips!.fixes - mc.flips!.regressions) / 300) < 1e-12);

    const y = Array.from({ length: 400 }, (_, i) => i / 10);
    const reg = (noise: number): PredictionSet => ({
      ...classSet(
        y,
        y.map((v) => v + noise * (rng.nextFloat() - 0.5)),
      ),
      task: 'regression',
    });
    const r = await diffPredictions(reg(4), reg(2), { bootstrap: { resamples: 200 } });
    assert.deepEqual(
      r.metrics.map((m) => [m.name, m.verdict]),
      [
        ['mae', 'better'],
        ['rmse', 'better'],
        ['r2', 'better'],
      ],
    );
    assert.ok(byName(r.metrics, 'mae').delta! < 0);
    assert.ok(r.flips!.errorGrew && r.flips!.mcnemar === undefined);
  });

  it('refuses predictions of different tasks, naming them', async () => {
    const { base } = binaryPair(10, 1);
    await assert.rejects(
      diffPredictions(base, { ...base, task: 'regression', yTrue: base.yTrue.map(Number), yPred: base.yPred.map(Number) }),
      /base predicted a binary task and head a regression task/,
    );
  });
});
