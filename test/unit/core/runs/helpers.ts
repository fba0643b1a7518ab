import type { RunArtifact, RunRecord, RunSink } from '../../../../src/core/runs/contract';
import type { Timers } from '../../../../src/core/runs/recorder';
import { summarizeRun, type RunSummary } from '../../../../src/core/runs/summary';

/** A valid record with every required field; `overrides` replace top-level fields. */
export function makeRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    version: 1,
    id: '01JD0000000000000000000000',
    name: 'mlp',
    kind: 'fit',
    status: 'finished',
    startedAt: '2026-03-01T09:00:00.000Z',
    endedAt: '2026-03-01T09:01:00.000Z',
    heartbeatAt: '2026-03-01T09:01:00.000Z',
    notebook: 'churn.mlnb',
    params: { lr: 0.01 },
    metrics: { auc: 0.9 },
    history: { epoch: [], metrics: {} },
    data: [],
    gates: [],
    environment: { libraries: {} },
    tags: [],
    notes: '',
    ...overrides,
  };
}

/** Index rows for a list of partial records (ids made unique and time-ordered by position). */
export function makeRows(parts: Partial<RunRecord>[]): RunSummary[] {
  return parts.map((p, i) => {
    const id = `01JD${String(i).padStart(22, '0')}`;
    const t = new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString();
    return summarizeRun(makeRecord({ id, startedAt: t, heartbeatAt: t, endedAt: t, ...p }), `.modelbook/runs/${id}.json`);
  });
}

/** A sink that keeps every write, in order. */
export function memorySink(): RunSink & { writes: RunRecord[]; latest(id: string): RunRecord | undefined; fail?: Error } {
  const sink = {
    writes: [] as RunRecord[],
    fail: undefined as Error | undefined,
    write(record: RunRecord) {
      if (sink.fail) throw sink.fail;
      sink.writes.push(JSON.parse(JSON.stringify(record)));
    },
    saveArtifact(runId: string, name: string, content: string | Uint8Array): RunArtifact {
      return { name, path: `.modelbook/artifacts/${runId}/${name}`, bytes: typeof content === 'string' ? content.length : content.byteLength };
    },
    latest(id: string) {
      return [...sink.writes].reverse().find((r) => r.id === id);
    },
  };
  return sink;
}

/** A manual clock and timers: `advance(ms)` fires what is due, in time order. */
export function fakeTime(start = Date.UTC(2026, 2, 1, 9)) {
  let now = start;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set(fn, ms) {
      const id = ++seq;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clear(handle) {
      due.delete(handle as number);
    },
  };
  return {
    timers,
    clock: () => now,
    pending: () => due.size,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
  };
}
