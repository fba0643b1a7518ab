import type { RunContext, RunEnvironment, RunHandle, RunHost, RunRecorder, RunSink, StartRunOptions } from './contract';
import { DEFAULT_MAX_HISTORY_POINTS } from './downsample';
import { runMessage } from './messages';
import { RecordingRun, type RecorderEngine, type Timers } from './recordingRun';
import { createIdGenerator } from './ulid';

export type { Timers };

export interface RecorderOptions {
  /** Where records go: files (see `openRunRecorder` in src/store/runs) or memory in tests. */
  sink: RunSink;
  /** The context runs start with; a function is asked at each start (e.g. the cell now running). */
  context?: RunContext | (() => RunContext);
  /** The process writing, so a crashed run can be told from a running one. */
  host?: RunHost;
  environment?: Partial<RunEnvironment>;
  /** Minimum time between two writes of one run while it runs. Default 500 ms (≤ 2 writes/s). */
  writeIntervalMs?: number;
  /** A running run is rewritten at least this often, to show it is alive. Default 10 000 ms. */
  heartbeatMs?: number;
  /** History points kept in a record (see `downsampleHistory`). Default 300. */
  maxHistoryPoints?: number;
  /** Default Date.now. */
  clock?: () => number;
  /** Default setTimeout/clearTimeout, unref'd where the runtime supports it. */
  timers?: Timers;
  /** Default a monotonic ULID generator. */
  newId?: (now: number) => string;
  /** A failed write never throws into training; it is reported here. Default: console.warn once per run. */
  onError?: (error: Error, runId: string) => void;
}

/**
 * A recorder that keeps each run's record in memory and writes it through `sink`: on start, at
 * most every `writeIntervalMs` while it changes, every `heartbeatMs` while it runs, and at once
 * when it ends.
 *
 * @example
 * const recorder = createRunRecorder({ sink, context: { notebook: 'churn.mlnb', cellId: 'c3' } });
 * const run = recorder.start({ name: 'mlp', kind: 'fit', params: { lr: 0.01 } });
 * await model.fit(x, y, { onProgress: run.onProgress });
 * run.finish({ auc: 0.91 });
 */
export function createRunRecorder(options: RecorderOptions): RunRecorder {
  if (typeof options?.sink?.write !== 'function')
    throw new TypeError(runMessage.needs('createRunRecorder', 'a sink with write(record) and saveArtifact(); openRunRecorder(workspaceDir) gives one that writes files'));
  const positive = (name: string, v: number | undefined, fallback: number, min = 0) => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !(v >= min)) throw new RangeError(runMessage.badNumber('createRunRecorder', name, `a number ≥ ${min}`, v));
    return v;
  };
  return new Recorder(options, {
    writeIntervalMs: positive('writeIntervalMs', options.writeIntervalMs, 500),
    heartbeatMs: positive('heartbeatMs', options.heartbeatMs, 10_000, 1),
    maxHistoryPoints: Math.floor(positive('maxHistoryPoints', options.maxHistoryPoints, DEFAULT_MAX_HISTORY_POINTS, 2)),
  });
}

class Recorder implements RunRecorder {
  private readonly open = new Set<RecordingRun>();
  private context: RunContext | (() => RunContext);
  private readonly engine: RecorderEngine;

  constructor(options: RecorderOptions, limits: { writeIntervalMs: number; heartbeatMs: number; maxHistoryPoints: number }) {
    this.context = options.context ?? {};
    const warned = new Set<string>();
    const ids = createIdGenerator();
    this.engine = {
      sink: options.sink,
      clock: options.clock ?? Date.now,
      timers: options.timers ?? defaultTimers,
      newId: options.newId ?? ((now) => ids(now)),
      ...limits,
      ...(options.host ? { host: options.host } : {}),
      environment: { libraries: {}, ...options.environment },
      context: () => (typeof this.context === 'function' ? this.context() : this.context),
      onError:
        options.onError ??
        ((error, runId) => {
          if (warned.has(runId)) return;
          warned.add(runId);
          console.warn(runMessage.recorderWriteFailed(runId, error.message));
        }),
      started: (run) => this.open.add(run),
      ended: (run) => this.open.delete(run),
      startChild: (o) => this.start(o),
    };
  }

  start(options: StartRunOptions): RunHandle {
    return new RecordingRun(this.engine, options);
  }

  setContext(context: RunContext): void {
    if (typeof context !== 'object' || context === null) throw new TypeError(runMessage.needs('setContext', 'a RunContext object ({ notebook, cellId, codeHash, git, libraries, backend })'));
    this.context = context;
  }

  flush(): void {
    for (const run of this.open) run.flush();
  }

  openRuns(): RunHandle[] {
    return [...this.open];
  }
}

const defaultTimers: Timers = {
  set(fn, ms) {
    const handle = setTimeout(fn, ms) as unknown as { unref?: () => void };
    // A pending write must not keep a finished script (or the CLI) alive.
    handle.unref?.();
    return handle;
  },
  clear(handle) {
    if (handle !== undefined) clearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  },
};
