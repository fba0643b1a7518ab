import { strict as assert } from 'node:assert';
import type { DiffPair, MetricDelta, ModelDiff } from '../../../../src/core/review/contract';
import { decidePromotion } from '../../../../src/core/registry/decide';

const metric = (name: string, delta: number, verdict: MetricDelta['verdict']): MetricDelta => ({
  name,
  base: 0.9,
  head: 0.9 + delta,
  delta,
  ci: [delta - 0.01, delta + 0.01],
  pValue: verdict === 'unchanged' ? 0.5 : 0.001,
  significant: verdict !== 'unchanged',
  higherIsBetter: true,
  verdict,
  method: 'paired-bootstrap',
});

function diffOf(pair: Partial<DiffPair> | undefined): ModelDiff {
  const full =
    pair &&
    ({
      name: 'evaluate',
      base: { runId: 'b' },
      head: { runId: 'h' },
      params: [],
      metrics: [],
      slices: [],
      fairness: [],
      model: { typeChanged: false, parameterCountDelta: 0, layers: [], weights: [] },
      data: [],
      gates: [],
      environment: [],
      notes: [],
      verdict: '',
      flips: { rows: 100, onlyBase: 0, onlyHead: 0, changed: 0, fixes: 0, regressions: 0, negativeFlipRate: 0, perClass: [], examples: [] },
      ...pair,
    } as DiffPair);
  return {
    schemaVersion: 1,
    base: { spec: 'run:b', kind: 'run', runIds: ['b'] },
    head: { spec: 'run:h', kind: 'run', runIds: ['h'] },
    code: [],
    pairs: full ? [full] : [],
    unpaired: [],
    verdict: 'nothing to compare',
    failed: false,
    failOn: 'regression',
  } as unknown as ModelDiff;
}

describe('core/registry: decidePromotion', () => {
  it('promotes an equal challenger whose gates pass, saying why', () => {
    const d = decidePromotion(diffOf({ metrics: [metric('auc', 0.001, 'unchanged')], gates: [{ name: 'auc >= 0.8', base: true, head: true, newlyFailing: false }] }));
    assert.deepEqual(d, { promote: true, reasons: ['the gate passes on the challenger', 'not significantly worse on any of 1 metric (paired on 100 rows)'] });
  });

  it('names the significantly better metrics', () => {
    const d = decidePromotion(diffOf({ metrics: [metric('auc', 0.03, 'better')] }));
    assert.equal(d.promote, true);
    assert.match(d.reasons[2]!, /^significantly better on auc \(\+0\.03 \[\+0\.02, \+0\.04\]\)$/);
  });

  it('keeps the champion when any headline metric is significantly worse, even if another is better', () => {
    const d = decidePromotion(diffOf({ metrics: [metric('auc', 0.03, 'better'), metric('recall', -0.05, 'worse')] }));
    assert.equal(d.promote, false);
    assert.deepEqual(d.reasons, ['significantly worse on recall (−0.05 [−0.06, −0.04])']);
  });

  it('keeps the champion when a gate fails on the challenger, with the gate and its value', () => {
    const d = decidePromotion(diffOf({ gates: [{ name: 'auc >= 0.8', base: true, head: false, newlyFailing: true, headValue: 0.71 }] }));
    assert.deepEqual(d, { promote: false, reasons: ['gate auc >= 0.8 fails on the challenger (0.71)'] });
  });

  it('keeps the champion when the evaluations share no rows, or there was nothing to compare', () => {
    const { flips: _f, ...noFlips } = diffOf({}).pairs[0]!;
    assert.match(decidePromotion(diffOf({ ...noFlips, flips: undefined })).reasons[0]!, /share no rows, so they were not compared on the same evaluation rows/);
    assert.match(decidePromotion(diffOf(undefined)).reasons[0]!, /could not be compared \(nothing to compare\)/);
  });
});
