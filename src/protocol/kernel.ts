/**
 * The channel between a host (the VS Code extension or the CLI) and one kernel process.
 * Type-only: one name → payload map per direction, sent as `{ type, payload }` over Node IPC.
 */
import type { MimeBundle } from '../core/notebook/contract';
import type { CellError } from '../core/kernel/contract';
import type { RunContext } from '../core/runs/contract';
import type { Trial, TrialDataset, TrialResult } from '../core/validation/tuning/trial';
import type { ColumnStats, KernelVariable, TablePage } from '../core/kernel/variables';

export type { CellError, ColumnStats, KernelVariable, TablePage };

/** Messages the host sends to the kernel. */
export type HostToKernel = {
  /** Run one cell, already transpiled to a script by the host. */
  runCell: RunCell;
  /**
   * Stop cell `execId` if it is still running (a late request must not stop the next cell).
   * Reaches a cell that awaits; a synchronous loop only a SIGINT reaches, which the host sends
   * if this message is not enough.
   */
  interrupt: { execId: number };
  /** Finish pending output and exit. */
  shutdown: undefined;
  /** A trial of parallel request `requestId` finished in a trial worker. */
  trialResult: { requestId: number; result: TrialResult };
  /** All trials of the request ran; `error` when the workers could not run them (run them here instead). */
  trialsDone: { requestId: number; error?: string };
  /**
   * List the members of the live value at `path` (e.g. ['model'] for `model.`), or the names cells
   * declared when `path` is empty: completion from the kernel's state, as Jupyter does.
   */
  complete: { requestId: number; path: string[] };
  /** The names cells declared with a one-line summary each, or the members of the value at `path` (lazy expansion). Never invokes getters. */
  variables: { requestId: number; path: string[] };
  /**
   * A page of the table-like value at `path` (arquero table, array of records, matrix/2-D array, tensor) for the data viewer.
   * `filter`: an arquero expression (`d => d.age > 30`) or text a cell of the row contains (see `filterKind`).
   */
  tablePage: TablePageRequest;
  /** Column statistics of the table-like value at `path` (missing, min/max, top values). */
  tableStats: { requestId: number; path: string[]; column: string };
};

export interface TablePageRequest {
  requestId: number;
  path: string[];
  offset: number;
  limit: number;
  sort?: { column: string; descending: boolean }[];
  filter?: string;
  /** Only these columns, in this order (default: all). */
  columns?: string[];
}

/** Messages the kernel sends to the host. */
export type KernelToHost = {
  /** The kernel is ready for cells. */
  ready: KernelInfo;
  /** The cell began running: from now on an interrupt reaches it. */
  started: { execId: number };
  /**
   * Console output of a cell, batched (never more than ~16 ms late while the cell yields).
   * `dropped`: characters the kernel dropped just before this text (the cell printed more than
   * its output limit; the kernel sends the head as it comes and the tail at the end).
   */
  stream: { execId: number; name: 'stdout' | 'stderr'; text: string; dropped?: number };
  /** A rich value shown with `display()`; with `update`, replaces the earlier output with the same `displayId`. */
  display: { execId: number; data: MimeBundle; displayId?: string; update?: boolean };
  /** The cell finished; `result` is its last expression's value, if any. */
  done: CellDone;
  /** A line for the kernel log (not part of any cell's output). */
  log: { level: 'info' | 'warn' | 'error'; text: string };
  /** Run these search trials in parallel trial workers (sandboxed like the kernel). */
  runTrials: { requestId: number; dataset: TrialDataset; trials: Trial[] };
  /** Stop request `requestId` (the cell was interrupted). */
  cancelTrials: { requestId: number };
  /** The answer to `complete`: empty when the path names nothing (or only a getter). */
  completions: { requestId: number; items: KernelCompletion[] };
  /** The answer to `variables`; `error` when `path` names nothing the view can list. */
  variablesResult: { requestId: number; items: KernelVariable[]; error?: string };
  /** The answer to `tablePage`. */
  tablePageResult: { requestId: number; page?: TablePage; error?: string };
  /** The answer to `tableStats`. */
  tableStatsResult: { requestId: number; stats?: ColumnStats; error?: string };
};

/** One name the kernel offers for completion, with what kind of value it holds. */
export interface KernelCompletion {
  name: string;
  kind: 'method' | 'function' | 'class' | 'property' | 'variable';
  /** A short description of the value, e.g. 'LogisticRegression', 'number', '(x, y)'. */
  detail: string;
}

export interface RunCell {
  execId: number;
  /** The script to run: `var …; (async () => {…})()` lowered so every await step is interruptible. */
  code: string;
  /** Source maps (v3 JSON) from `code` back to the cell's TypeScript, outermost first: followed in turn. */
  maps: string[];
  /** The cell's TypeScript, for code frames in errors. */
  source: string;
  /** How stack frames name this cell, e.g. `Cell In[3]`. */
  label: string;
  /** Whether the script's promise resolves to a value to display. */
  hasResult: boolean;
  /** What runs this cell records are stamped with (notebook, cell id, code hash, git). */
  context?: RunContext;
  /** The most output (characters) the cell keeps: its head and tail, beyond that counted (default 5 MB). */
  maxOutput?: number;
}

export interface CellDone {
  execId: number;
  status: 'ok' | 'error' | 'interrupted';
  result?: MimeBundle;
  error?: CellError;
}

export interface KernelInfo {
  pid: number;
  nodeVersion: string;
  /** Whether Node's permission model is on in this process. */
  sandboxed: boolean;
  /** The V8 heap limit in MB this kernel runs with. */
  heapLimitMb: number;
  /** What the Linux launcher applied below Node (its `MODELBOOK_CONFINE` report), if it ran. */
  osLayer?: string;
}

export type { Envelope } from './envelope';

/** Kernel process environment variables, set by the host. */
export const KERNEL_ENV = {
  /** JSON of `KernelStartOptions`. */
  options: 'MODELBOOK_KERNEL_OPTIONS',
} as const;

/** What the kernel needs to know at start. */
export interface KernelStartOptions {
  /** The notebook's folder: the kernel's cwd and where relative imports resolve. */
  notebookDir: string;
  /** The workspace root: the sandbox's read/write boundary. */
  workspaceDir: string;
  /** Folder holding the built-in modules (`modelbook.mjs`, `vendor/*.mjs`). */
  distDir: string;
  /** The memory cap in MB, for messages. */
  memoryLimitMb: number;
  /**
   * When the sandbox is on, the folders cells may write and read (absolute): the kernel then also
   * refuses what Node's permission model does not cover, and explains the OS layer's refusals.
   */
  sandbox?: { writable: string[]; readable: string[] };
}

/** Messages between the host and a trial worker process. */
export type HostToTrialWorker = {
  /** The search's data, once per worker. */
  dataset: TrialDataset;
  /** One trial to run. */
  trial: Trial;
};

export type TrialWorkerToHost = {
  /** The worker is up and has the dataset: send trials. */
  ready: undefined;
  result: TrialResult;
};
