import type { RunRecord } from '../../../../src/core/runs/contract';

let seq = 0;

/** A finished checkpoint run of `id` in `session`, passed or with one problem. */
export function checkpointRun(id: string, passed: boolean, extra: { session?: string; notebook?: string; params?: Record<string, unknown> } = {}): RunRecord {
  seq += 1;
  const n = String(seq).padStart(4, '0');
  return {
    version: 1,
    id: `01JF00000000000000000${n}X`.slice(0, 26),
    name: id,
    kind: 'checkpoint',
    status: 'finished',
    startedAt: `2026-12-07T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    heartbeatAt: '2026-12-07T10:00:00.000Z',
    notebook: extra.notebook ?? 'titanic.mlnb',
    session: extra.session ?? 'S1',
    params: {
      checkpoint: id,
      title: `Title of ${id}`,
      passed,
      problems: passed ? [] : [{ what: `${id} found a problem`, why: 'it matters', fix: 'fix it' }],
      checked: [],
      ...(extra.params ?? {}),
    } as RunRecord['params'],
    metrics: { passed: passed ? 1 : 0 },
    history: { epoch: [], metrics: {} },
    data: [],
    gates: [{ name: `checkpoint:${id}`, passed, detail: passed ? 'passed' : `${id} found a problem` }],
    environment: { libraries: {} },
    tags: [],
    notes: '',
  } as RunRecord;
}
