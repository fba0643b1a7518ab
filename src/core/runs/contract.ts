/**
 * Run records: what Modelbook writes for every fit, cross-validation, search trial and evaluation
 * (one JSON file per run under `.modelbook/runs/`), and the recorder interface the `modelbook`
 * module calls. The JSON Schema of a record is `schemas/run-record.schema.json` (see `schema.ts`).
 */
import type { DataFingerprint } from '../data/fingerprint';
import type { ModelSummary, TrainingProgress } from '../models/contract';
import type { PredictionSet } from '../review/contract';

/** The record format this Modelbook writes; older files are migrated on read (see `migrate.ts`). */
export const RUN_RECORD_VERSION = 1;

/**
 * What produced the run: a single fit, a cross-validation, a search, one search trial, an
 * evaluation; or documentation a cell recorded: a `problem()` definition or a `modelCard()`'s prose
 * (kept as runs so they carry the notebook, cell, code hash and commit like every number they explain,
 * and so `modelbook card NOTEBOOK` finds them beside the evaluation they describe).
 */
export type RunKind = 'fit' | 'cv' | 'search' | 'trial' | 'evaluation' | 'problem' | 'card' | 'checkpoint';
export const RUN_KINDS: readonly RunKind[] = ['fit', 'cv', 'search', 'trial', 'evaluation', 'problem', 'card', 'checkpoint'];

/** `interrupted`: stopped by the user, or its process died (detected on read, see `resolveStatus`). */
export type RunStatus = 'running' | 'finished' | 'failed' | 'interrupted';

/** What a data set was used for in the run. */
export type DataRole = 'train' | 'validation' | 'test' | 'other';
export const DATA_ROLES: readonly DataRole[] = ['train', 'validation', 'test', 'other'];

/** Any value JSON can carry (params are stored as given, after `toJsonValue`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A confidence interval of a final metric, e.g. from a bootstrap. */
export interface MetricInterval {
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** How it was computed, e.g. 'bootstrap'. */
  method?: string;
}

/** One point of a metric history: the metrics after an epoch (or iteration), as it is logged. */
export interface HistoryPoint {
  epoch: number;
  metrics: Record<string, number | null>;
  elapsedMs?: number;
}

/**
 * A run's metric history as stored: one array per metric, aligned with `epoch` (columns, not
 * one object per epoch: a third of the bytes and three times faster to parse, which is what
 * opening 10,000 runs costs). Load it into pandas with `pd.DataFrame({'epoch': h['epoch'], **h['metrics']})`.
 */
export interface MetricHistory {
  epoch: number[];
  /** Training time at each point, where known. */
  elapsedMs?: (number | null)[];
  /** Metric name → its value at each epoch (null where it was not logged). */
  metrics: Record<string, (number | null)[]>;
  /** How many points were logged, when more were logged than kept (see `downsampleHistory`). */
  total?: number;
}

/** A data-quality finding as a record keeps it: what and where, never rows or values. */
export interface DataFindingRef {
  /** The checker's finding kind, e.g. 'missing', 'duplicateRows', 'classImbalance'. */
  kind: string;
  severity: 'error' | 'warning' | 'info';
  column?: string;
}

/** A data set the run used, by fingerprint (the data itself is never copied into a record). */
export interface DataUse {
  role: DataRole;
  /** The caller's name for it, e.g. 'penguins.csv' or 'train'. */
  name?: string;
  fingerprint: DataFingerprint;
  /** Its data-quality findings when they were checked (absent: not checked, e.g. too large or an older record). */
  findings?: DataFindingRef[];
}

/** One step of a pipeline, in order: its name, its class, its parameters (JSON, bounded). */
export interface PipelineStepRecord {
  name: string;
  /** The step's class, e.g. 'StandardScaler'; the estimator's type for the last step. */
  kind: string;
  params: Record<string, JsonValue>;
}

/** How cross-validation split the rows: the splitter's class and parameters. */
export interface SplitterRecord {
  /** e.g. 'StratifiedKFold', 'KFold', 'folds' (explicit folds). */
  kind: string;
  params: Record<string, JsonValue>;
}

/** The outcome of one gate (a threshold a metric must meet), as evaluation computes it. */
export interface GateResult {
  name: string;
  passed: boolean;
  metric?: string;
  /** The comparison, e.g. '>=' or '<='. */
  op?: string;
  threshold?: number;
  value?: number | null;
  /** The baseline run's value for relative gates. */
  baseline?: number | null;
  detail?: string;
}

/** The commit a run was made on. */
export interface GitInfo {
  commit: string;
  /** Undefined on a detached HEAD. */
  branch?: string;
  /** Uncommitted changes outside `.modelbook/` when the run started. */
  dirty: boolean;
}

/** Library versions and the TF.js backend. */
export interface RunEnvironment {
  /** Package → version, e.g. { '@tensorflow/tfjs': '4.22.0', arquero: '8.0.3', modelbook: '0.1.0' }. */
  libraries: Record<string, string>;
  /** The TF.js backend in use (wasm, tensorflow, cpu), where TF.js was involved. */
  backend?: string;
  /** The JavaScript runtime, e.g. 'node v20.20.2'. */
  runtime?: string;
  /** e.g. 'linux-x64'. */
  platform?: string;
}

/** Which process wrote a run, so a run whose process died can be told from one still going. */
export interface RunHost {
  hostname: string;
  pid: number;
}

export interface RunArtifact {
  name: string;
  /** Workspace-relative, under `.modelbook/artifacts/<run id>/` (git-ignored by default). */
  path: string;
  bytes: number;
}

/** The per-row predictions an evaluation kept for model diffs (see `keepPredictions` in core/review). */
export interface KeptPredictions {
  /** Workspace-relative: `.modelbook/runs/<id>.predictions` (Arrow IPC, committed with the record). */
  path: string;
  /** Rows kept; fewer than `totalRows` when a sample by row hash was kept. */
  rows: number;
  totalRows: number;
  identity: { kind: 'column'; column: string } | { kind: 'hash' };
  bytes: number;
}

/** One run as stored in `.modelbook/runs/<id>.json`. */
export interface RunRecord {
  version: number;
  /** A ULID: 26 characters, sortable by start time; the file name is `<id>.json`. */
  id: string;
  name: string;
  kind: RunKind;
  status: RunStatus;
  /** The enclosing run (the cross-validation of a fold, the search of a trial). */
  parentId?: string;
  /** ISO 8601 UTC times. */
  startedAt: string;
  endedAt?: string;
  /** Updated on every write while running; a stale heartbeat plus a dead process means interrupted. */
  heartbeatAt: string;
  host?: RunHost;
  /** Workspace-relative, '/'-separated. */
  notebook?: string;
  cellId?: string;
  /**
   * The kernel session that recorded it: a new id on every kernel start and restart. "This
   * notebook's current runs" (checkpoints, lifecycle gates) are the runs of its latest session.
   */
  session?: string;
  /** Hash of the code of the cells that led to this run (see `hashCells`). */
  codeHash?: string;
  seed?: number;
  params: Record<string, JsonValue>;
  /** Final metrics; null where a metric could not be computed. */
  metrics: Record<string, number | null>;
  intervals?: Record<string, MetricInterval>;
  /** Classification evaluations: the confusion counts at the evaluation's threshold (binary) or argmax (multiclass). */
  confusion?: ConfusionRecord;
  history: MetricHistory;
  data: DataUse[];
  model?: ModelSummary;
  gates: GateResult[];
  git?: GitInfo;
  environment: RunEnvironment;
  tags: string[];
  notes: string;
  error?: { name: string; message: string; stack?: string };
  artifacts?: RunArtifact[];
  /** Evaluations: the predictions kept beside the record. */
  predictions?: KeptPredictions;
  /** A pipeline's steps in order (the estimator last, named 'estimator'); absent for a bare estimator. */
  pipeline?: PipelineStepRecord[];
  /** Cross-validation and searches: the splitter that made the folds; a fit or an evaluation on a part of `trainTestSplit`: that split. */
  splitter?: SplitterRecord;
  /**
   * Cross-validation and searches on a part of `trainTestSplit`, on data made from one (select,
   * derive, rename, a row subset) or on the table it split: that split with its lineage, as a fit on
   * the same data records it in `splitter` (the split-before-fit checkpoint follows it).
   */
  split?: SplitterRecord;
}

/**
 * What the caller knows about where a run happens; the `modelbook` module fills it from the kernel
 * (notebook, cell, code hash, library versions) and the host (git).
 */
export interface RunContext {
  /** Workspace-relative path of the notebook ('/'-separated). */
  notebook?: string;
  cellId?: string;
  /** The kernel session (a new id on every kernel start and restart). */
  session?: string;
  /** `hashCells(sources)` of the cells run so far in this kernel, up to and including this one. */
  codeHash?: string;
  git?: GitInfo;
  libraries?: Record<string, string>;
  backend?: string;
}

/** A final metric with an optional confidence interval, as evaluation reports it. */
export interface MetricEstimate {
  value: number | null;
  low?: number;
  high?: number;
  /** Default 0.95. */
  level?: number;
  method?: string;
}

export interface StartRunOptions {
  name: string;
  kind: RunKind;
  /** The enclosing run, as a handle or an id. */
  parent?: RunHandle | string;
  params?: Record<string, unknown>;
  seed?: number;
  tags?: string[];
  notes?: string;
  /** Overrides the recorder's context for this run (e.g. a different cell id). */
  context?: RunContext;
  /** A pipeline's steps in order (bounded when recorded). */
  pipeline?: PipelineStepRecord[];
  splitter?: SplitterRecord;
  /** Cross-validation and searches: the trainTestSplit their data came from (see `RunRecord.split`). */
  split?: SplitterRecord;
}

/**
 * A classification evaluation's confusion counts, small (no per-row data): binary at the
 * evaluation's threshold (a row is predicted positive when its score ≥ threshold), multiclass at the
 * argmax, rows = true labels. `counts` says what was counted: 'rows' (every row counts 1) or
 * 'weights' (sample weights summed).
 */
export type ConfusionRecord =
  | { kind: 'binary'; threshold: number; positiveLabel: string; negativeLabel: string; tp: number; fp: number; tn: number; fn: number; counts: 'rows' | 'weights' }
  | { kind: 'multiclass'; labels: string[]; matrix: number[][]; counts: 'rows' | 'weights' };

/** A run being recorded. Every method records and schedules a (throttled, atomic) write. */
export interface RunHandle {
  readonly id: string;
  readonly status: RunStatus;
  /** A snapshot of the record as it will be written. */
  record(): RunRecord;
  /** Merges parameters (later values win). */
  logParams(params: Record<string, unknown>): this;
  /** Sets final metrics; a value may carry a confidence interval ({ value, low, high, level }). */
  logMetrics(metrics: Record<string, number | null | MetricEstimate>): this;
  /** Appends one history point (an epoch's metrics); long histories are downsampled when written. */
  logEpoch(epoch: number, metrics: Record<string, number | null>, elapsedMs?: number): this;
  /** A `FitOptions.onProgress` callback that logs each epoch: `fit(x, y, { onProgress: run.onProgress })`. */
  readonly onProgress: (p: TrainingProgress) => void;
  /** `findings`: the data's quality findings, when they were checked (kept bounded). */
  attachData(role: DataRole, fingerprint: DataFingerprint, name?: string, findings?: DataFindingRef[]): this;
  setModel(summary: ModelSummary): this;
  addGates(results: GateResult[]): this;
  /** Sets a classification evaluation's confusion counts (see `ConfusionRecord`). */
  setConfusion(confusion: ConfusionRecord): this;
  tag(...tags: string[]): this;
  /** Appends a paragraph to the notes. */
  note(text: string): this;
  /** Stores a large file (e.g. weights) beside the record, in the git-ignored artifacts folder. */
  saveArtifact(name: string, content: string | Uint8Array): RunArtifact;
  /** Writes an evaluation's per-row predictions beside the record (`<id>.predictions`, committed) for model diffs. */
  keepPredictions(set: PredictionSet): KeptPredictions | undefined;
  /** Starts a nested run (a fold, a trial) whose parent is this one. */
  child(options: Omit<StartRunOptions, 'parent'>): RunHandle;
  finish(metrics?: Record<string, number | null | MetricEstimate>): void;
  fail(error: unknown): void;
  interrupt(reason?: string): void;
  /** finish() without an error, interrupt() for an AbortError, fail() otherwise. */
  end(error?: unknown): void;
  /** Writes now if anything is pending. */
  flush(): void;
}

/** Starts runs; one per kernel (or CLI process). */
export interface RunRecorder {
  start(options: StartRunOptions): RunHandle;
  /** Changes the context later runs get (e.g. the cell now running). */
  setContext(context: RunContext): void;
  /** Writes every pending update of every open run. */
  flush(): void;
  /** The runs started and not yet ended. */
  openRuns(): RunHandle[];
}

/** Where a recorder puts records and artifacts (files in the store; memory in tests). */
export interface RunSink {
  /** Persists the whole record; must be atomic (readers see the old or the new content). */
  write(record: RunRecord): void;
  saveArtifact(runId: string, name: string, content: string | Uint8Array): RunArtifact;
  /** Writes `<id>.predictions` beside the record (encoded, see `encodePredictions`); sinks without it keep none. */
  savePredictions?(runId: string, set: PredictionSet): { path: string; bytes: number };
}

/** A file in the runs folder that is not a readable record, and why. */
export interface RunProblem {
  path: string;
  reason: string;
}
