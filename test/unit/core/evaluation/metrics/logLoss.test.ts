import { strict as assert } from 'node:assert';
import { logLoss } from '../../../../../src/core/evaluation/metrics/logLoss';
import { brierScoreLoss } from '../../../../../src/core/evaluation/metrics/brierScore';
import { assertClose, requireReference, runPython } from '../reference';
import { binaryCases, multiclassCases } from '../cases';

const SCRIPT = `
from sklearn import metrics as M
res = {'binary': [], 'multi': []}
for c in data['binary']:
    pos = c.get('positiveLabel') or max(c['y'])
    yb = [1 if v == pos else 0 for v in c['y']]
    w = c.get('weight')
    r = {}
    try: r['logloss'] = M.log_loss(yb, c['score'], sample_weight=w)
    except ValueError: r['logloss'] = float('nan')
    try: r['loglossSum'] = M.log_loss(yb, c['score'], sample_weight=w, normalize=False)
    except ValueError: r['loglossSum'] = float('nan')
    r['brier'] = M.brier_score_loss(yb, c['score'], sample_weight=w)
    res['binary'].append(r)
for c in data['multi']:
    P = np.array(c['proba'])
    Y = (np.array(c['y'])[:, None] == np.array(c['classes'])[None, :]).astype(float)
    res['multi'].append({'logloss': M.log_loss(c['y'], c['proba'], labels=c['classes']),
                         'brier': float(np.mean(np.sum((Y - P) ** 2, axis=1)))})
out(res)
`;

describe('core/evaluation logLoss and brierScoreLoss', () => {
  const binary = binaryCases();
  const multi = multiclassCases();
  let ref: { binary: Record<string, number>[]; multi: Record<string, number>[] };
  before(function () {
    requireReference(this);
    ref = runPython(SCRIPT, { binary, multi });
  });

  it('matches log_loss and brier_score_loss on binary cases to 1e-12', () => {
    binary.forEach((c, i) => {
      const pos = c.positiveLabel ?? Math.max(...(c.y as number[]));
      const yb = c.y.map((v) => (v === pos ? 1 : 0));
      if (new Set(yb).size === 2) {
        assertClose(logLoss(yb, c.score, { sampleWeight: c.weight }).value, ref.binary[i].logloss, 1e-12, `${c.name} log loss`);
        assertClose(logLoss(yb, c.score, { sampleWeight: c.weight, normalize: false }).value, ref.binary[i].loglossSum, 1e-9, `${c.name} log loss sum`);
      }
      assertClose(brierScoreLoss(c.y, c.score, { positiveLabel: c.positiveLabel, sampleWeight: c.weight }).value, ref.binary[i].brier, 1e-12, `${c.name} brier`);
    });
  });

  it('matches multiclass log loss and the sum-over-classes Brier score', () => {
    multi.forEach((c, i) => {
      assertClose(logLoss(c.y, c.proba, { labels: c.classes }).value, ref.multi[i].logloss, 1e-12, `${c.name} log loss`);
      assertClose(brierScoreLoss(c.y, c.proba, { labels: c.classes }).value, ref.multi[i].brier, 1e-12, `${c.name} brier`);
    });
  });

  it('clips 0 and 1 probabilities instead of returning Infinity', () => {
    const r = logLoss([0, 1], [1, 0]);
    assert.ok(Number.isFinite(r.value) && r.value > 30);
  });

  it('asks for labels when yTrue has one class, and rejects probabilities outside [0, 1] for Brier', () => {
    assert.throws(() => logLoss([1, 1], [0.5, 0.9]), /only one label .* labels/);
    assert.equal(logLoss([1, 1], [0.5, 0.5], { labels: [0, 1] }).value, Math.log(2));
    assert.throws(() => brierScoreLoss([0, 1], [0.5, 1.5]), /within \[0, 1\]/);
  });
});
