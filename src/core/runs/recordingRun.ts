import type { DataFingerprint } from '../data/fingerprint';
import type { ModelSummary, TrainingProgress } from '../models/contract';
import {
  DATA_ROLES,
  RUN_KINDS,
  RUN_RECORD_VERSION,
  type ConfusionRecord,
  type DataFindingRef,
  type DataRole,
  type GateResult,
  type HistoryPoint,
  type MetricEstimate,
  type RunArtifact,
  type RunContext,
  type RunEnvironment,
  type KeptPredictions,
  type RunHandle,
  type PipelineStepRecord,
  type RunHost,
  type RunRecord,
  type RunSink,
  type RunStatus,
  type SplitterRecord,
  type StartRunOptions,
} from './contract';
import { collectFindingRefs, STRUCTURE_LIMITS } from './structure';
import { downsampleHistory } from './downsample';
import { toMetricHistory } from './metricHistory';
import { toJsonValue } from './json';
import { runMessage } from './messages';
import { historyPoint, splitMetrics } from './metricInput';
import type { PredictionSet } from '../review/contract';

/** Cancelable timers; the default wraps setTimeout and never keeps a process alive. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What every run of one recorder shares: where it writes, how often, what it knows. */
export interface RecorderEngine {
  sink: RunSink;
  clock: () => number;
  timers: Timers;
  newId: (now: number) => string;
  writeIntervalMs: number;
  heartbeatMs: number;
  maxHistoryPoints: number;
  host?: RunHost;
  environment: Partial<RunEnvironment>;
  context: () => RunContext;
  onError: (error: Error, runId: string) => void;
  started: (run: RecordingRun) => void;
  ended: (run: RecordingRun) => void;
  startChild: (options: StartRunOptions) => RunHandle;
}

/** One run being recorded: keeps the record in memory and writes it, throttled, through the sink. */
export class RecordingRun implements RunHandle {
  readonly id: string;
  private readonly state: RunRecord;
  /** Every logged point, compacted (extremes kept) when it grows far past the cap. */
  private history: HistoryPoint[] = [];
  private logged = 0;
  private lastWrite = -Infinity;
  private pending: unknown;
  private heartbeat: unknown;
  /** False while the constructor applies the start options, so they go out in the first write. */
  private ready = false;

  constructor(
    private readonly engine: RecorderEngine,
    options: StartRunOptions,
  ) {
    if (typeof options?.name !== 'string' || options.name.trim() === '') throw new TypeError(runMessage.recorderBadName(options?.name));
    if (!RUN_KINDS.includes(options.kind)) throw new TypeError(runMessage.recorderBadKind(options.kind, RUN_KINDS));
    const now = engine.clock();
    this.id = engine.newId(now);
    const ctx: RunContext = { ...engine.context(), ...options.context };
    const iso = new Date(now).toISOString();
    const parent = typeof options.parent === 'string' ? options.parent : options.parent?.id;
    this.state = {
      version: RUN_RECORD_VERSION,
      id: this.id,
      name: options.name.slice(0, 200),
      kind: options.kind,
      status: 'running',
      ...(parent ? { parentId: parent } : {}),
      startedAt: iso,
      heartbeatAt: iso,
      ...(engine.host ? { host: engine.host } : {}),
      ...(ctx.notebook ? { notebook: ctx.notebook } : {}),
      ...(ctx.cellId ? { cellId: ctx.cellId } : {}),
      ...(ctx.session ? { session: ctx.session.slice(0, 64) } : {}),
      ...(ctx.codeHash ? { codeHash: ctx.codeHash } : {}),
      ...(typeof options.seed === 'number' ? { seed: options.seed } : {}),
      params: {},
      metrics: {},
      history: { epoch: [], metrics: {} },
      data: [],
      gates: [],
      ...(ctx.git ? { git: { ...ctx.git } } : {}),
      environment: { ...engine.environment, libraries: { ...engine.environment.libraries, ...ctx.libraries }, ...(ctx.backend ? { backend: ctx.backend } : {}) },
      tags: [],
      notes: '',
    };
    if (options.params) this.logParams(options.params);
    // Already bounded by collectPipelineSteps / collectSplitter; toJsonValue keeps them JSON-safe whoever built them.
    if (Array.isArray(options.pipeline)) this.state.pipeline = toJsonValue(options.pipeline.slice(0, STRUCTURE_LIMITS.steps)) as unknown as PipelineStepRecord[];
    if (options.splitter && typeof options.splitter.kind === 'string') this.state.splitter = toJsonValue(options.splitter) as unknown as SplitterRecord;
    if (options.split && typeof options.split.kind === 'string') this.state.split = toJsonValue(options.split) as unknown as SplitterRecord;
    if (options.tags) this.tag(...options.tags);
    if (options.notes) this.note(options.notes);
    engine.started(this);
    this.ready = true;
    this.writeNow();
    this.beat();
  }

  get status(): RunStatus {
    return this.state.status;
  }

  readonly onProgress = (p: TrainingProgress): void => {
    if (this.state.status === 'running') this.logEpoch(p.epoch, p.metrics, p.elapsedMs);
  };

  record(): RunRecord {
    const kept = downsampleHistory(this.history, this.engine.maxHistoryPoints);
    return structuredClone({ ...this.state, history: toMetricHistory(kept, this.logged) });
  }

  logParams(params: Record<string, unknown>): this {
    this.assertRunning();
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new TypeError(runMessage.needs('logParams', 'an object of parameter name → value, e.g. { lr: 0.01 }'));
    Object.assign(this.state.params, toJsonValue(params) as Record<string, never>);
    return this.changed();
  }

  logMetrics(metrics: Record<string, number | null | MetricEstimate>): this {
    this.assertRunning();
    const { metrics: values, intervals } = splitMetrics(metrics);
    Object.assign(this.state.metrics, values);
    for (const name of Object.keys(values)) if (this.state.intervals) delete this.state.intervals[name];
    if (Object.keys(intervals).length) this.state.intervals = { ...this.state.intervals, ...intervals };
    return this.changed();
  }

  logEpoch(epoch: number, metrics: Record<string, number | null>, elapsedMs?: number): this {
    this.assertRunning();
    this.history.push(historyPoint(epoch, metrics, elapsedMs));
    this.logged++;
    const cap = this.engine.maxHistoryPoints;
    if (this.history.length > 8 * cap) this.history = downsampleHistory(this.history, 2 * cap);
    return this.changed();
  }

  attachData(role: DataRole, fingerprint: DataFingerprint, name?: string, findings?: DataFindingRef[]): this {
    this.assertRunning();
    if (!DATA_ROLES.includes(role)) throw new TypeError(runMessage.recorderBadRole(role, DATA_ROLES));
    if (typeof fingerprint?.hash !== 'string' || typeof fingerprint.rows !== 'number' || !Array.isArray(fingerprint.columns)) throw new TypeError(runMessage.recorderBadFingerprint);
    const fp = { hash: fingerprint.hash, rows: fingerprint.rows, columns: fingerprint.columns.map((c) => ({ name: String(c.name), type: String(c.type) })) };
    this.state.data.push({ role, ...(name ? { name } : {}), fingerprint: fp, ...(Array.isArray(findings) ? { findings: collectFindingRefs(findings) } : {}) });
    return this.changed();
  }

  setModel(summary: ModelSummary): this {
    this.assertRunning();
    if (typeof summary?.type !== 'string' || typeof summary.parameterCount !== 'number')
      throw new TypeError(runMessage.needs('setModel', 'a model summary ({ type, parameterCount, … }); estimators give one with summary()'));
    this.state.model = toJsonValue(summary) as unknown as ModelSummary;
    if (summary.backend && !this.state.environment.backend) this.state.environment.backend = summary.backend;
    return this.changed();
  }

  addGates(results: GateResult[]): this {
    this.assertRunning();
    if (!Array.isArray(results) || results.some((g) => typeof g?.name !== 'string' || typeof g.passed !== 'boolean'))
      throw new TypeError(runMessage.needs('addGates', 'a list of gate results ({ name, passed, … })'));
    this.state.gates.push(...(toJsonValue(results) as unknown as GateResult[]));
    return this.changed();
  }

  setConfusion(confusion: ConfusionRecord): this {
    this.assertRunning();
    if (!isConfusionRecord(confusion))
      throw new TypeError(
        runMessage.needs(
          'setConfusion',
          'binary counts ({ kind: "binary", threshold, positiveLabel, negativeLabel, tp, fp, tn, fn, counts }) or a multiclass matrix ({ kind: "multiclass", labels, matrix, counts })',
        ),
      );
    this.state.confusion = structuredClone(confusion);
    return this.changed();
  }

  tag(...tags: string[]): this {
    this.assertRunning();
    for (const t of tags) {
      if (typeof t !== 'string' || t.trim() === '') throw new TypeError(runMessage.badTag(t));
      if (!this.state.tags.includes(t.trim())) this.state.tags.push(t.trim());
    }
    return this.changed();
  }

  note(text: string): this {
    this.assertRunning();
    if (typeof text !== 'string') throw new TypeError(runMessage.needs('note', 'a string'));
    this.state.notes = this.state.notes ? `${this.state.notes}\n\n${text}` : text;
    return this.changed();
  }

  saveArtifact(name: string, content: string | Uint8Array): RunArtifact {
    this.assertRunning();
    if (typeof name !== 'string' || name === '' || name.split(/[\\/]/).some((p) => p === '..' || p === '') || /^[\\/]|^[a-zA-Z]:/.test(name)) {
      throw new TypeError(runMessage.recorderBadArtifactName(String(name)));
    }
    const artifact = this.engine.sink.saveArtifact(this.id, name, content);
    this.state.artifacts = [...(this.state.artifacts ?? []).filter((a) => a.name !== name), artifact];
    this.changed();
    return artifact;
  }

  keepPredictions(set: PredictionSet): KeptPredictions | undefined {
    this.assertRunning();
    const sink = this.engine.sink;
    if (!sink.savePredictions) return undefined;
    const { path, bytes } = sink.savePredictions(this.id, set);
    this.state.predictions = { path, rows: set.rowIds.length, totalRows: set.totalRows, identity: set.identity, bytes };
    this.changed();
    return this.state.predictions;
  }

  child(options: Omit<StartRunOptions, 'parent'>): RunHandle {
    return this.engine.startChild({ ...options, parent: this.id });
  }

  finish(metrics?: Record<string, number | null | MetricEstimate>): void {
    if (metrics) this.logMetrics(metrics);
    this.settle('finished');
  }

  fail(error: unknown): void {
    this.assertRunning();
    const e = error instanceof Error ? error : new Error(String(error));
    this.state.error = { name: e.name || 'Error', message: e.message, ...(e.stack ? { stack: e.stack.slice(0, 4000) } : {}) };
    this.settle('failed');
  }

  interrupt(reason = 'interrupted by the user'): void {
    this.assertRunning();
    this.state.error = { name: 'Interrupted', message: reason };
    this.settle('interrupted');
  }

  end(error?: unknown): void {
    if (error === undefined) return this.finish();
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'AbortError' || name === 'InterruptedError') return this.interrupt((error as Error).message || undefined);
    this.fail(error);
  }

  flush(): void {
    if (this.pending !== undefined) this.writeNow();
  }

  private settle(status: RunStatus): void {
    this.assertRunning();
    this.state.status = status;
    this.state.endedAt = new Date(this.engine.clock()).toISOString();
    this.engine.timers.clear(this.heartbeat);
    this.writeNow();
    this.engine.ended(this);
  }

  private assertRunning(): void {
    if (this.state.status !== 'running') throw new Error(runMessage.recorderEnded(this.id, this.state.status));
  }

  /** Throttles: at most one write per writeIntervalMs; a change inside the window is written at its end. */
  private changed(): this {
    if (!this.ready || this.state.status !== 'running' || this.pending !== undefined) return this;
    const wait = this.lastWrite + this.engine.writeIntervalMs - this.engine.clock();
    if (wait <= 0) this.writeNow();
    else this.pending = this.engine.timers.set(() => this.writeNow(), wait);
    return this;
  }

  private beat(): void {
    this.heartbeat = this.engine.timers.set(() => {
      if (this.state.status !== 'running') return;
      this.writeNow();
      this.beat();
    }, this.engine.heartbeatMs);
  }

  private writeNow(): void {
    if (this.pending !== undefined) this.engine.timers.clear(this.pending);
    this.pending = undefined;
    const now = this.engine.clock();
    this.lastWrite = now;
    this.state.heartbeatAt = new Date(Math.max(now, Date.parse(this.state.startedAt))).toISOString();
    try {
      this.engine.sink.write(this.record());
    } catch (e) {
      this.engine.onError(e instanceof Error ? e : new Error(String(e)), this.id);
    }
  }
}

const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** A confusion record the schema accepts: finite non-negative counts, a square matrix over its labels (at most 100). */
function isConfusionRecord(c: ConfusionRecord | undefined): boolean {
  if (typeof c !== 'object' || c === null || (c.counts !== 'rows' && c.counts !== 'weights')) return false;
  if (c.kind === 'binary') return Number.isFinite(c.threshold) && typeof c.positiveLabel === 'string' && typeof c.negativeLabel === 'string' && [c.tp, c.fp, c.tn, c.fn].every(isCount);
  const k = Array.isArray(c.labels) ? c.labels.length : 0;
  return (
    k > 0 &&
    k <= 100 &&
    c.labels.every((l) => typeof l === 'string') &&
    Array.isArray(c.matrix) &&
    c.matrix.length === k &&
    c.matrix.every((row) => Array.isArray(row) && row.length === k && row.every(isCount))
  );
}
