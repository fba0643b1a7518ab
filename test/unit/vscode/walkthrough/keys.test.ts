import { strict as assert } from 'node:assert';
import { walkthroughKeys } from '../../../../src/vscode/walkthrough/keys';

const checkpoint = (name: string, params: unknown, status = 'finished') => ({ kind: 'checkpoint', name, status, params });

describe('walkthroughKeys', () => {
  it('a passing checkpoint run sets the general key and the one for its id', () => {
    assert.deepEqual([...walkthroughKeys([checkpoint('seeds-fixed', { checkpoint: 'seeds-fixed', passed: true, problems: [], checked: [] })])].sort(), [
      'modelbook.checkpoint.seeds-fixed',
      'modelbook.checkpointPassed',
    ]);
  });

  it('a failed checkpoint, a check that threw, and other kinds of run set nothing', () => {
    const keys = walkthroughKeys([
      checkpoint('fairness', { passed: false, problems: [{ what: 'gap', why: 'w', fix: 'f' }] }),
      checkpoint('seeds-fixed', { passed: true }, 'failed'),
      { kind: 'evaluation', name: 'seeds-fixed', status: 'finished', params: { passed: true } },
    ]);
    assert.equal(keys.size, 0);
  });

  it('an export recorded from a cell sets modelbook.exported, overridden or not; a refused one does not', () => {
    assert.deepEqual([...walkthroughKeys([checkpoint('lifecycle:export', { step: 'export', passed: true })])], ['modelbook.exported']);
    assert.deepEqual([...walkthroughKeys([checkpoint('lifecycle:export', { step: 'export', passed: false, overridden: true, reason: 'demo' })])], ['modelbook.exported']);
    assert.equal(walkthroughKeys([checkpoint('lifecycle:export', { step: 'export', passed: false, missing: ['fairness'] })]).size, 0);
  });

  it('a promotion is not a checkpoint and not an export', () => {
    assert.equal(walkthroughKeys([checkpoint('lifecycle:promote', { step: 'promote', passed: true })]).size, 0);
  });

  it('malformed records count for nothing and never throw', () => {
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'x',
      {},
      { kind: 'checkpoint' },
      checkpoint('seeds-fixed', null),
      checkpoint('seeds-fixed', 'passed'),
      { ...checkpoint('x', { passed: true }), name: 7 },
    ];
    assert.equal(walkthroughKeys(junk as never[]).size, 0);
  });

  it('an id a when-clause could not name sets only the general key', () => {
    assert.deepEqual([...walkthroughKeys([checkpoint('has space || true', { passed: true })])], ['modelbook.checkpointPassed']);
  });
});
