import { strict as assert } from 'node:assert';
import { metricsAtThreshold, snapThreshold, thresholdSweep, thresholdTable } from '../../../../../src/core/evaluation/curves/thresholdTable';
import { pickThreshold } from '../../../../../src/core/evaluation/curves/pickThreshold';
import { assertClose, binaryData, requireReference, runPython } from '../reference';
import { penguins } from '../cases';

describe('core/evaluation thresholdTable, metricsAtThreshold and pickThreshold', () => {
  const big = binaryData(20000, 5);
  const ties = binaryData(500, 6, { decimals: 2 });

  it('keeps every distinct score when they fit, and counts exactly at every row', () => {
    const t = thresholdTable(ties.y, ties.score);
    const distinct = new Set(ties.score).size;
    assert.equal(t.thresholds.length, distinct);
    for (let i = 0; i < t.thresholds.length; i += 17) {
      const th = t.thresholds[i];
      let tp = 0;
      let fp = 0;
      ties.score.forEach((s, k) => {
        if (s >= th) {
          if (ties.y[k]) tp++;
          else fp++;
        }
      });
      assert.deepEqual([t.tp[i], t.fp[i]], [tp, fp]);
    }
  });

  it('compacts a large table to at most maxRows, keeps the included thresholds exactly and stays exact', () => {
    const t = thresholdTable(big.y, big.score, { maxRows: 1000, include: [0.5, 0.123456] });
    assert.ok(t.thresholds.length <= 1000, `${t.thresholds.length} rows`);
    assert.ok(t.thresholds.includes(0.5) && t.thresholds.includes(0.123456));
    for (const th of [0.5, 0.123456, t.thresholds[3], t.thresholds[500]]) {
      let tp = 0;
      let fp = 0;
      big.score.forEach((s, k) => {
        if (s >= th) {
          if (big.y[k]) tp++;
          else fp++;
        }
      });
      const m = metricsAtThreshold(t, th);
      assert.deepEqual([m.tp, m.fp, m.fn, m.tn], [tp, fp, t.positives - tp, t.negatives - fp], `counts at ${th}`);
    }
    for (let i = 1; i < t.thresholds.length; i++) assert.ok(t.thresholds[i] < t.thresholds[i - 1]);
    assert.equal(snapThreshold(t, 0.5), 0.5);
    assert.equal(snapThreshold(t, 2), Infinity);
  });

  it('recomputes scikit-learn’s threshold metrics from the table alone', function () {
    requireReference(this);
    const y = penguins.sex.map((s) => (s === 'MALE' ? 1 : 0));
    const table = thresholdTable(y, penguins.pMale, { maxRows: 50, include: [0.3, 0.5, 0.7] });
    const ths = [0.3, 0.5, 0.7, table.thresholds[10], table.thresholds[40]];
    const ref = runPython<Record<string, number>[]>(
      `from sklearn import metrics as M
y = np.array(data['y']); s = np.array(data['s']); res = []
for t in data['t']:
    p = (s >= t).astype(int)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        res.append(dict(precision=M.precision_score(y, p), recall=M.recall_score(y, p), f1=M.f1_score(y, p), accuracy=M.accuracy_score(y, p),
                        balancedAccuracy=M.balanced_accuracy_score(y, p), mcc=M.matthews_corrcoef(y, p)))
out(res)`,
      { y, s: penguins.pMale, t: ths },
    );
    ths.forEach((th, i) => {
      const m = metricsAtThreshold(table, th);
      for (const k of ['precision', 'recall', 'f1', 'accuracy', 'balancedAccuracy', 'mcc'] as const) assertClose(m[k], ref[i][k], 1e-12, `${k} at ${th}`);
    });
  });

  it('sweeps precision, recall, F1 and the positive rate', () => {
    const sweep = thresholdSweep(thresholdTable([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]));
    assert.deepEqual(
      sweep.map((r) => r.threshold),
      [0.8, 0.4, 0.35, 0.1],
    );
    assert.deepEqual(
      sweep.map((r) => r.recall),
      [0.5, 0.5, 1, 1],
    );
    assert.deepEqual(
      sweep.map((r) => r.selectionRate),
      [0.25, 0.5, 0.75, 1],
    );
  });

  it('picks the threshold with the best F1 over every distinct score (brute force agrees)', () => {
    const pick = pickThreshold(ties.y, ties.score, 'maxF1');
    let best = -1;
    for (const th of new Set(ties.score)) {
      const m = metricsAtThreshold(thresholdTable(ties.y, ties.score), th);
      best = Math.max(best, m.f1);
    }
    assertClose(pick.f1, best, 1e-15, 'max F1');
    assert.ok(pick.met);
  });

  it('meets a target recall with the best precision, and a target precision with the best recall', () => {
    const r = pickThreshold(big.y, big.score, { targetRecall: 0.9 });
    assert.ok(r.recall >= 0.9 && r.met);
    const looser = metricsAtThreshold(thresholdTable(big.y, big.score, { maxRows: 100000 }), r.threshold);
    assert.equal(looser.precision, r.precision);
    const p = pickThreshold(big.y, big.score, { targetPrecision: 0.8 });
    assert.ok(p.precision >= 0.8 && p.met);
    const unreachable = pickThreshold([0, 1, 0, 1], [0.9, 0.1, 0.8, 0.2], { targetPrecision: 0.99 });
    assert.equal(unreachable.met, false);
  });

  it('minimizes the total cost of errors, including "predict nothing" when that is cheapest', () => {
    const c = pickThreshold(big.y, big.score, { costFp: 1, costFn: 10 });
    const cheaperFn = pickThreshold(big.y, big.score, { costFp: 10, costFn: 1 });
    assert.ok(c.threshold < cheaperFn.threshold, 'expensive misses lower the threshold');
    assert.equal(pickThreshold([0, 0, 1], [0.9, 0.8, 0.1], { costFp: 5, costFn: 1 }).threshold, Infinity);
  });

  it('explains a bad criterion', () => {
    assert.throws(() => pickThreshold([0, 1], [0.1, 0.9], { targetRecall: 2 }), /targetRecall must be a number in \[0, 1\]/);
    assert.throws(() => pickThreshold([0, 1], [0.1, 0.9], { foo: 1 } as never), /unknown criterion/);
  });
});
