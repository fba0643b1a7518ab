import type { MimeBundle } from '../../core/notebook/contract';
import type { CellError } from '../../protocol/kernel';
import type { OutputLimiter } from '../../core/notebook/outputLimit';
import type { KernelProcessOptions } from './kernelProcess';

/** Where one cell execution's output goes (the VS Code controller or the CLI). */
export interface ExecutionSink {
  /** The cell left the queue and runs now, as execution number `order`. */
  started?(order: number): void;
  stream?(name: 'stdout' | 'stderr', text: string): void;
  display?(data: MimeBundle, displayId?: string, update?: boolean): void;
}

export type ExecutionStatus = 'ok' | 'error' | 'interrupted' | 'timeout' | 'cancelled' | 'died';

export interface ExecutionResult {
  status: ExecutionStatus;
  /** The execution number, when the cell started. */
  order?: number;
  result?: MimeBundle;
  error?: CellError;
  durationMs: number;
}

/** What an execution ends with before the session adds its number and duration. */
export type Outcome = Omit<ExecutionResult, 'durationMs' | 'order'>;

export interface ExecuteOptions {
  /** Interrupt after this many seconds (a `//% timeout` directive in the cell wins). */
  timeoutSeconds?: number;
  /** The cell's nbformat id, recorded with the runs it starts. */
  cellId?: string;
}

export type SessionState = 'stopped' | 'starting' | 'idle' | 'busy' | 'dead';

/** Who stopped a cell: the user (or a cancelled queue) or its timeout. */
export type StopReason = 'user' | 'timeout';

/** One queued cell execution and the promise it settles. */
export interface Job {
  source: string;
  sink: ExecutionSink;
  options: ExecuteOptions;
  resolve: (r: ExecutionResult) => void;
}

/** The cell execution the kernel is running now. */
export interface Running {
  job: Job;
  execId: number;
  /** The kernel said `started`: a SIGINT now reaches the cell (before that it would be ignored). */
  started: boolean;
  stopReason?: StopReason;
  /** The first malformed message the kernel sent while this cell ran: the cell fails with it. */
  invalid?: string;
  /** The host keeps its own limit: cell code can send messages past the kernel's. */
  output: OutputLimiter;
}

/** Timers of a session, injected so tests can drive the escalation with a fake clock. */
export interface SessionTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The real timers; unref'd, so a pending escalation never keeps the CLI alive. */
export const realTimers: SessionTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** What a session needs: where and how its kernels run, plus the session's own limits. */
export type KernelSessionOptions = KernelProcessOptions & {
  timers?: SessionTimers;
  /** The most output a cell keeps, in characters (head and tail; default 5 MB). */
  maxOutputBytes?: number;
};
