import { strict as assert } from 'node:assert';
import { checkLifecycle, checkOverrideReason, lifecycleRefusal } from '../../../../src/core/lifecycle/checkLifecycle';
import { lifecycleRunParts, manifestLifecycle } from '../../../../src/core/lifecycle/lifecycleRun';
import { lifecycleMessage } from '../../../../src/core/lifecycle/messages';
import { checkpointRun } from './fixture';

describe('core/lifecycle: checkLifecycle', () => {
  it('passes when every required checkpoint’s latest run passed', () => {
    const runs = [checkpointRun('data-quality', true), checkpointRun('fairness', true)];
    assert.deepEqual(checkLifecycle({ export: ['data-quality', 'fairness'] }, 'export', runs), { step: 'export', required: ['data-quality', 'fairness'], missing: [], passed: true });
  });

  it('names each checkpoint not run and each failed one with its first problem; only the latest run of an id counts', () => {
    const runs = [checkpointRun('fairness', true), checkpointRun('fairness', false), checkpointRun('data-quality', false), checkpointRun('data-quality', true)];
    const check = checkLifecycle({ export: ['data-quality', 'fairness', 'card-complete'] }, 'export', runs);
    assert.equal(check.passed, false);
    assert.deepEqual(check.missing, [
      { id: 'fairness', reason: 'failed', detail: 'fairness found a problem' },
      { id: 'card-complete', reason: 'not-run', detail: "no checkpoint('card-complete') run in this notebook's current session" },
    ]);
  });

  it('a checkpoint whose check threw (status failed) did not pass; a step nothing requires passes', () => {
    const threw = { ...checkpointRun('seeds-fixed', true), status: 'failed' as const, error: { name: 'Error', message: 'boom' } };
    assert.equal(checkLifecycle({ promote: ['seeds-fixed'] }, 'promote', [threw]).missing[0]?.reason, 'failed');
    assert.deepEqual(checkLifecycle({ promote: ['seeds-fixed'] }, 'export', [threw]), { step: 'export', required: [], missing: [], passed: true });
  });

  it('the lifecycle’s own records do not count as the checkpoints they gate', () => {
    const own = checkpointRun('lifecycle:export', true);
    assert.equal(checkLifecycle({ export: ['lifecycle:export'] }, 'export', [own]).passed, false);
  });

  it('the refusal lists what is missing, each fix, and how to override', () => {
    const check = checkLifecycle({ export: ['fairness'] }, 'export', []);
    const text = lifecycleRefusal('exportModel', check, lifecycleMessage.overrideInCell);
    assert.match(text, /^exportModel: the notebook's lifecycle requires checkpoints to pass before it can export; missing:\n- fairness: not run/);
    assert.match(text, /fix: run `await checkpoint\('fairness'\)` in the notebook and make it pass/);
    assert.match(text, /overrideLifecycle: 'the reason'/);
  });

  it('an override needs a reason', () => {
    assert.equal(checkOverrideReason('  demo for the team ', 'exportModel'), 'demo for the team');
    assert.throws(() => checkOverrideReason('   ', 'exportModel'), /exportModel: the lifecycle override needs a reason/);
    assert.throws(() => checkOverrideReason(undefined, 'exportModel'), RangeError);
  });

  it('the manifest field and the lifecycle:export run record a passed gate and an override', () => {
    const missing = checkLifecycle({ export: ['fairness', 'data-quality'] }, 'export', [checkpointRun('data-quality', true)]);
    assert.deepEqual(manifestLifecycle(missing, 'demo'), { required: ['fairness', 'data-quality'], missing: ['fairness'], overridden: { reason: 'demo' } });
    const parts = lifecycleRunParts(missing, { reason: 'demo', package: 'c0ffee' });
    assert.equal(parts.start.name, 'lifecycle:export');
    assert.equal(parts.start.kind, 'checkpoint');
    assert.deepEqual(
      {
        passed: parts.start.params?.passed,
        overridden: parts.start.params?.overridden,
        reason: parts.start.params?.reason,
        missing: parts.start.params?.missing,
        step: parts.start.params?.step,
        package: parts.start.params?.package,
      },
      { passed: false, overridden: true, reason: 'demo', missing: ['fairness'], step: 'export', package: 'c0ffee' },
    );
    assert.deepEqual(parts.metrics, { passed: 0 });
    const ok = lifecycleRunParts(checkLifecycle({}, 'export', []), { package: 'c0ffee' });
    assert.equal(ok.start.params?.passed, true);
    assert.equal(ok.start.params?.overridden, undefined);
    assert.deepEqual(ok.gates, [{ name: 'checkpoint:lifecycle:export', passed: true, detail: 'passed' }]);
  });
});
