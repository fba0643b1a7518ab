import { strict as assert } from 'node:assert';
import { _evaluateSlices } from '../../../../../src/core/evaluation/fairness/sliceMetrics';
import { collectGroups } from '../../../../../src/core/evaluation/fairness/groups';
import { _prepareBinary } from '../../../../../src/core/evaluation/inputs/prepareBinary';
import { resolveBootstrap } from '../../../../../src/core/evaluation/intervals/bootstrap';
import { subset } from '../../../../../src/core/evaluation/view/collectCommon';
import { penguins } from '../cases';

describe('core/evaluation _evaluateSlices', () => {
  const score = Float64Array.from(penguins.pMale);
  const positive = Uint8Array.from(penguins.sex.map((s) => (s === 'MALE' ? 1 : 0)));
  const prepare = (rows: Uint32Array) => _prepareBinary(subset(score, rows), subset(positive, rows));
  const bootstrap = resolveBootstrap('test', { resamples: 300, seed: 5 }, score.length);

  it('resamples within each group (stratified) and gives fairness intervals from the same resamples', async () => {
    const g = collectGroups({ island: penguins.island }, ['island']);
    const r = await _evaluateSlices(g, prepare, { minGroupSize: 30, bootstrap, index: 0, positive });
    assert.equal(r.groups.length, 3);
    for (const grp of r.groups) {
      const auc = grp.metrics.auc!;
      assert.ok(auc.ci && auc.ci.resamples === 300 && (auc.ci.lower as number) <= auc.value && auc.value <= (auc.ci.upper as number));
    }
    const eod = r.fairness?.equalizedOddsDifference;
    assert.ok(eod && eod.ci && eod.ci.lower <= eod.value && eod.value <= eod.ci.upper, JSON.stringify(eod));
  });

  it('is reproducible and gives each group its own resampling stream', async () => {
    const g = collectGroups({ island: penguins.island }, ['island']);
    const a = await _evaluateSlices(g, prepare, { minGroupSize: 30, bootstrap, index: 0 });
    const b = await _evaluateSlices(g, prepare, { minGroupSize: 30, bootstrap, index: 0 });
    assert.deepEqual(
      a.groups.map((x) => x.metrics.auc?.ci),
      b.groups.map((x) => x.metrics.auc?.ci),
    );
    const c = await _evaluateSlices(g, prepare, { minGroupSize: 30, bootstrap, index: 1 });
    assert.notDeepEqual(
      a.groups.map((x) => x.metrics.auc?.ci),
      c.groups.map((x) => x.metrics.auc?.ci),
    );
  });

  it('flags small and single-class groups', async () => {
    const g = collectGroups({ k: penguins.sex.map((s, i) => (i < 5 ? 'tiny' : s)) }, ['k']);
    const r = await _evaluateSlices(g, prepare, { minGroupSize: 30, index: 0, positive });
    const byKey = Object.fromEntries(r.groups.map((x) => [x.key, x.warnings.map((w) => w.code)]));
    assert.ok(byKey.tiny.includes('small-group'));
    assert.ok(byKey.MALE.includes('single-class') && byKey.FEMALE.includes('single-class'));
  });
});
