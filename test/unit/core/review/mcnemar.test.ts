import { strict as assert } from 'node:assert';
import { mcnemar, MCNEMAR_EXACT_BELOW } from '../../../../src/core/review/mcnemar';
import { requireReference, runPython } from '../evaluation/reference';

// The cases scipy is asked about: ties, no or one discordant pair, both sides of the exact/chi-square
// switch, and counts large enough that p is far below 1e-100 (only a survival function keeps those).
const CASES: [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [3, 3],
  [12, 12],
  [0, 5],
  [5, 0],
  [2, 9],
  [10, 14],
  [14, 10],
  [0, 24],
  [24, 0],
  [12, 13],
  [0, 25],
  [25, 0],
  [13, 12],
  [20, 30],
  [15, 15],
  [100, 100],
  [100, 99],
  [100, 50],
  [120, 80],
  [1000, 900],
  [5000, 4000],
  [20000, 15000],
  [100000, 99000],
  [150000, 100000],
  [7, 400],
];

const SCRIPT = `
from scipy.stats import binomtest, chi2
res = []
for b, c in data['cases']:
    n = b + c
    if n == 0:
        res.append({'p': 1.0, 'stat': 0.0, 'exact': True})
    elif n < data['below']:
        res.append({'p': binomtest(b, n, 0.5).pvalue, 'stat': float(min(b, c)), 'exact': True})
    else:
        stat = max(0, abs(b - c) - 1) ** 2 / n
        res.append({'p': chi2.sf(stat, 1), 'stat': stat, 'exact': False})
out(res)
`;

describe('review/mcnemar', () => {
  it('matches scipy (binomtest below 25 discordant pairs, chi2.sf with continuity correction above) within 1e-12 relative', function () {
    requireReference(this);
    const expected = runPython<{ p: number; stat: number; exact: boolean }[]>(SCRIPT, { cases: CASES, below: MCNEMAR_EXACT_BELOW });
    CASES.forEach(([b, c], i) => {
      const got = mcnemar(b, c);
      const what = `mcnemar(${b}, ${c})`;
      assert.equal(got.exact, expected[i].exact, `${what}: exact`);
      assert.ok(Math.abs(got.pValue - expected[i].p) <= 1e-12 * expected[i].p, `${what}: p ${got.pValue}, scipy ${expected[i].p}`);
      assert.ok(Math.abs(got.statistic - expected[i].stat) <= 1e-12 * Math.max(1, expected[i].stat), `${what}: statistic ${got.statistic}, scipy ${expected[i].stat}`);
    });
  });

  it('keeps tiny p-values (not 1 − cdf, which would be 0)', () => {
    const p = mcnemar(20000, 15000).pValue;
    assert.ok(p > 1e-157 && p < 1e-156, `p = ${p}`); // scipy: 2.6999054955086466e-157
  });

  it('is symmetric in b and c, gives p = 1 without discordant pairs and for b = c', () => {
    assert.deepEqual(mcnemar(0, 0), { b: 0, c: 0, statistic: 0, pValue: 1, exact: true });
    assert.equal(mcnemar(40, 40).pValue, 1);
    assert.equal(mcnemar(30, 45).pValue, mcnemar(45, 30).pValue);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    assert.throws(() => mcnemar(-1, 3), /mcnemar: b must be an integer ≥ 0/);
    assert.throws(() => mcnemar(1, 2.5), /mcnemar: c must be an integer ≥ 0/);
  });
});
