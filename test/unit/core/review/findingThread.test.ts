import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { ModelDiff } from '../../../../src/core/review/contract';
import { findingAnchor } from '../../../../src/core/review/findingThread';
import { REPO } from '../../paths';

describe('core/review/findingThread: a thread started from a Model Diff finding', () => {
  const diff = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'review', 'diff.json'), 'utf8')) as ModelDiff;
  const pair = diff.pairs[0]!;
  const headRun = pair.head.runId;

  it("is anchored on the pair's cell, names head's run and the metric, slice or flips", () => {
    assert.deepEqual(findingAnchor(diff, { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'auc' }), {
      ok: true,
      anchor: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', runId: headRun, metric: 'auc' },
    });
    assert.deepEqual(findingAnchor(diff, { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'auc', slice: 'region=east' }), {
      ok: true,
      anchor: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', runId: headRun, metric: 'auc', slice: 'region=east' },
    });
    assert.deepEqual(findingAnchor(diff, { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'flips' }), {
      ok: true,
      anchor: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', runId: headRun, metric: 'flips' },
    });
  });

  it('refuses a finding the diff does not have: another cell, an unknown metric or slice', () => {
    const reason = (f: Parameters<typeof findingAnchor>[1]) => {
      const r = findingAnchor(diff, f);
      return r.ok ? 'accepted' : r.reason;
    };
    assert.match(reason({ notebook: 'notebooks/churn.mlnb', cellId: 'c-train', metric: 'auc' }), /no evaluation of cell c-train in notebooks\/churn\.mlnb/);
    assert.match(reason({ notebook: '../../etc/passwd', cellId: 'c-eval' }), /no evaluation of cell c-eval/);
    assert.match(reason({ notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'bogus' }), /does not compare "bogus"/);
    assert.match(reason({ notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'auc', slice: 'region=mars' }), /no slice "region=mars"/);
    assert.match(reason({ notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'bogus', slice: 'region=east' }), /does not compare "bogus"/);
  });
});
