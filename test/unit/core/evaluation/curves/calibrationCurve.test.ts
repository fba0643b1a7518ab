import { strict as assert } from 'node:assert';
import { calibrationCurve } from '../../../../../src/core/evaluation/curves/calibrationCurve';
import { expectedCalibrationError } from '../../../../../src/core/evaluation/metrics/calibrationError';
import { assertAllClose, assertClose, requireReference, runPython } from '../reference';
import { binaryCases, multiclassCases } from '../cases';

const SCRIPT = `
from sklearn.calibration import calibration_curve
res = {'binary': [], 'multi': []}
def ece(y, p, n_bins, strategy):
    # The documented ECE: calibration_curve's bins, weighted by their counts.
    if strategy == 'quantile': bins = np.percentile(p, np.linspace(0, 1, n_bins + 1) * 100)
    else: bins = np.linspace(0, 1, n_bins + 1)
    ids = np.searchsorted(bins[1:-1], p)
    tot = np.bincount(ids, minlength=n_bins)
    nz = tot > 0
    acc = np.bincount(ids, weights=y, minlength=n_bins)[nz] / tot[nz]
    conf = np.bincount(ids, weights=p, minlength=n_bins)[nz] / tot[nz]
    return float(np.sum(tot[nz] / len(p) * np.abs(acc - conf)))
for c in data['binary']:
    pos = c.get('positiveLabel') or max(c['y'])
    yb = np.array([1 if v == pos else 0 for v in c['y']])
    p = np.array(c['score'])
    r = {}
    for s in ('uniform', 'quantile'):
        for n in (5, 10):
            t, q = calibration_curve(yb, p, n_bins=n, strategy=s)
            r['%s%d' % (s, n)] = [t, q]
            r['ece:%s%d' % (s, n)] = ece(yb, p, n, s)
    res['binary'].append(r)
for c in data['multi']:
    P = np.array(c['proba']); y = np.array(c['y'])
    conf = P.max(axis=1); correct = (np.array(c['classes'])[P.argmax(axis=1)] == y).astype(float)
    res['multi'].append({'ece': ece(correct, conf, 10, 'uniform')})
out(res)
`;

describe('core/evaluation calibrationCurve and expectedCalibrationError', () => {
  const binary = binaryCases().filter((c) => !c.weight);
  const multi = multiclassCases();
  let ref: { binary: Record<string, number[][] | number>[]; multi: { ece: number }[] };
  before(function () {
    requireReference(this);
    ref = runPython(SCRIPT, { binary, multi });
  });

  it('matches calibration_curve bin for bin (uniform and quantile, 5 and 10 bins)', () => {
    binary.forEach((c, i) => {
      for (const strategy of ['uniform', 'quantile'] as const) {
        for (const nBins of [5, 10]) {
          const got = calibrationCurve(c.y, c.score, { nBins, strategy, positiveLabel: c.positiveLabel });
          const [t, q] = ref.binary[i][`${strategy}${nBins}`] as number[][];
          assertAllClose(got.probTrue, t, 1e-12, `${c.name} ${strategy} ${nBins} probTrue`);
          assertAllClose(got.probPred, q, 1e-12, `${c.name} ${strategy} ${nBins} probPred`);
          assert.equal(
            got.counts.reduce((a, b) => a + b, 0),
            c.y.length,
          );
        }
      }
    });
  });

  it('computes the ECE as the count-weighted gap of those bins (binary and top-label multiclass)', () => {
    binary.forEach((c, i) => {
      for (const strategy of ['uniform', 'quantile'] as const) {
        for (const nBins of [5, 10]) {
          const got = expectedCalibrationError(c.y, c.score, { nBins, strategy, positiveLabel: c.positiveLabel });
          assertClose(got.value, ref.binary[i][`ece:${strategy}${nBins}`] as number, 1e-12, `${c.name} ece ${strategy} ${nBins}`);
        }
      }
    });
    multi.forEach((c, i) => assertClose(expectedCalibrationError(c.y, c.proba, { labels: c.classes }).value, ref.multi[i].ece, 1e-12, `${c.name} top-label ece`));
  });

  it('is 0 for perfectly calibrated bins and rejects raw scores', () => {
    assert.equal(expectedCalibrationError([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]).value, 0);
    assert.throws(() => calibrationCurve([0, 1], [-2, 3]), /outside \[0, 1\]/);
  });
});
