import { strict as assert } from 'node:assert';
import { resolveStatus } from '../../../../src/core/runs/status';

describe('core/runs resolveStatus', () => {
  const beat = '2026-03-01T09:00:00.000Z';
  const at = (seconds: number) => Date.parse(beat) + seconds * 1000;
  const run = { status: 'running' as const, heartbeatAt: beat, host: { hostname: 'a', pid: 41 } };
  const dead = () => false;
  const alive = () => true;

  it('keeps a running run with a fresh heartbeat running, even if its pid looks dead', () => {
    assert.equal(resolveStatus(run, { now: at(10), hostname: 'a', isProcessAlive: dead }), 'running');
  });

  it('reports a stale run whose process is gone on this host as interrupted', () => {
    assert.equal(resolveStatus(run, { now: at(31), hostname: 'a', isProcessAlive: dead }), 'interrupted');
    assert.equal(resolveStatus(run, { now: at(31), hostname: 'a', isProcessAlive: alive }), 'running');
  });

  it('cannot check a pid of another host: stale stays running until the abandon limit', () => {
    assert.equal(resolveStatus(run, { now: at(600), hostname: 'b', isProcessAlive: dead }), 'running');
    assert.equal(resolveStatus(run, { now: at(3601), hostname: 'b', isProcessAlive: dead }), 'interrupted');
    assert.equal(resolveStatus(run, { now: at(3601), hostname: 'a', isProcessAlive: alive }), 'interrupted', 'pids are reused: a very old heartbeat wins');
  });

  it('never changes a run that ended', () => {
    for (const status of ['finished', 'failed', 'interrupted'] as const) assert.equal(resolveStatus({ ...run, status }, { now: at(1e6) }), status);
  });

  it('honours custom limits', () => {
    assert.equal(resolveStatus(run, { now: at(2), staleAfterMs: 1000, hostname: 'a', isProcessAlive: dead }), 'interrupted');
  });
});
