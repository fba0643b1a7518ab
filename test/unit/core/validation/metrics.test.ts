import { strict as assert } from 'node:assert';
import { createRng } from '../../../../src/core/linalg/random';
import { accuracyScore, balancedAccuracyScore, logLossScore, meanAbsoluteError, meanSquaredError, precisionRecallF1, r2Score, rocAucScore } from '../../../../src/core/validation/metrics';
import { runPython } from '../linalg/python';

describe('core/validation metrics', () => {
  it('match sklearn.metrics on random binary, multiclass and regression data (with ties)', function () {
    const rng = createRng(21);
    const n = 300;
    const yb = Array.from({ length: n }, () => (rng.nextFloat() < 0.3 ? 'yes' : 'no'));
    const pb = Array.from({ length: n }, () => Math.round(rng.nextFloat() * 20) / 20);
    const predB = pb.map((p) => (p > 0.5 ? 'yes' : 'no'));
    const ym = Array.from({ length: n }, () => ['a', 'b', 'c'][rng.nextInt(3)]);
    const raw = Array.from({ length: n }, () => [rng.nextFloat(), rng.nextFloat(), rng.nextFloat()]);
    const pm = raw.map((r) => r.map((v) => v / (r[0] + r[1] + r[2])));
    const predM = pm.map((r) => ['a', 'b', 'c'][r.indexOf(Math.max(...r))]);
    const yr = Array.from({ length: n }, () => rng.normal() * 3);
    const pr = yr.map((v) => v + rng.normal());
    const sk = runPython<Record<string, number>>(
      this,
      `from sklearn import metrics as M
d = data
pb = np.array(d['pb']); pm = np.array(d['pm'])
out({
 'acc': M.accuracy_score(d['yb'], d['predB']), 'bal': M.balanced_accuracy_score(d['ym'], d['predM']),
 'f1': M.f1_score(d['yb'], d['predB'], pos_label='yes'), 'prec': M.precision_score(d['yb'], d['predB'], pos_label='yes'), 'rec': M.recall_score(d['yb'], d['predB'], pos_label='yes'),
 'f1Macro': M.f1_score(d['ym'], d['predM'], average='macro'),
 'aucB': M.roc_auc_score(np.array(d['yb']) == 'yes', pb), 'aucM': M.roc_auc_score(d['ym'], pm, multi_class='ovr'),
 'llB': M.log_loss(d['yb'], np.c_[1 - pb, pb], labels=['no', 'yes']), 'llM': M.log_loss(d['ym'], pm),
 'r2': M.r2_score(d['yr'], d['pr']), 'mse': M.mean_squared_error(d['yr'], d['pr']), 'mae': M.mean_absolute_error(d['yr'], d['pr'])})`,
      { yb, pb, predB, ym, pm, predM, yr, pr },
    );
    const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);
    close(accuracyScore(yb, predB), sk.acc, 'accuracy');
    close(balancedAccuracyScore(ym, predM), sk.bal, 'balanced accuracy');
    const b = precisionRecallF1(yb, predB, { average: 'binary', positive: 'yes' });
    close(b.f1, sk.f1, 'f1');
    close(b.precision, sk.prec, 'precision');
    close(b.recall, sk.rec, 'recall');
    close(precisionRecallF1(ym, predM, { average: 'macro' }).f1, sk.f1Macro, 'f1 macro');
    const probaB = { classes: ['no', 'yes'], rows: n, data: Float64Array.from(pb.flatMap((p) => [1 - p, p])) };
    const probaM = { classes: ['a', 'b', 'c'], rows: n, data: Float64Array.from(pm.flat()) };
    close(rocAucScore(yb, probaB), sk.aucB, 'roc auc binary');
    close(rocAucScore(ym, probaM), sk.aucM, 'roc auc ovr');
    close(logLossScore(yb, probaB), sk.llB, 'log loss binary (with p = 0 and 1 clipped)');
    close(logLossScore(ym, probaM), sk.llM, 'log loss multiclass');
    close(r2Score(yr, pr), sk.r2, 'r2');
    close(meanSquaredError(yr, pr), sk.mse, 'mse');
    close(meanAbsoluteError(yr, pr), sk.mae, 'mae');
  });
});
