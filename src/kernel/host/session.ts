import type { ColumnStats, Envelope, HostToKernel, KernelCompletion, KernelToHost, KernelVariable, TablePage, TablePageRequest } from '../../protocol/kernel';
import { variablesMessage } from '../../core/kernel/messages';
import { message } from '../../core/messages';
import { DEFAULT_MAX_OUTPUT_BYTES, OutputLimiter, limitBundle } from '../../core/notebook/outputLimit';
import { KernelProcess, type KernelExit, type KernelStatus } from './kernelProcess';
import { RunContextTracker } from './runContext';
import { KernelEnds } from './kernelEnds';
import { CellQueue } from './cellQueue';
import { KernelRequests, type Question, type Settled } from './kernelRequests';
import { INTERRUPT_GRACE_MS, InterruptEscalation } from './interruptEscalation';
import { TrialRouting } from './trialRouting';
import { cellTimeout, compileCell, outcomeOf, stopped, waitForOutcome } from './cellOutcome';
import {
  realTimers,
  type ExecuteOptions,
  type ExecutionResult,
  type ExecutionSink,
  type Job,
  type KernelSessionOptions,
  type Outcome,
  type Running,
  type SessionState,
  type SessionTimers,
  type StopReason,
} from './sessionContract';

export type { ExecuteOptions, ExecutionResult, ExecutionSink, ExecutionStatus, KernelSessionOptions, SessionState, SessionTimers } from './sessionContract';

/**
 * One notebook's kernel session: a queue of cell executions run one at a time on a kernel
 * process, with execution numbers, interrupt (which also cancels the queue), per-cell timeouts,
 * restart, and a fresh kernel after a crash. Used alike by VS Code and `modelbook run`.
 */
export class KernelSession {
  private kernel: KernelProcess | undefined;
  private starting: Promise<KernelProcess> | undefined;
  private readonly queue = new CellQueue();
  private running: Running | undefined;
  private pumping = false;
  private readonly ends: KernelEnds;
  private order = 0;
  private execIds = 0;
  private current: SessionState = 'stopped';
  private readonly stateListeners = new Set<(s: SessionState) => void>();
  private lastExit: KernelExit | undefined;
  private readonly requests = new KernelRequests();
  private readonly escalation: InterruptEscalation;
  private readonly runContext: RunContextTracker;
  private readonly timers: SessionTimers;

  constructor(private readonly options: KernelSessionOptions) {
    this.runContext = new RunContextTracker(options.workspaceDir, options.notebookPath);
    this.timers = options.timers ?? realTimers;
    this.ends = new KernelEnds(options.workspaceDir, options.log);
    this.escalation = new InterruptEscalation({
      timers: this.timers,
      running: () => this.running,
      kernel: () => this.kernel,
      killUnresponsive: (kernel, what) => {
        this.options.log?.(`kernel ${what} within ${INTERRUPT_GRACE_MS} ms of the interrupt; killing it`);
        this.ends.kill(kernel, message.kernelUnresponsive(INTERRUPT_GRACE_MS / 1000));
      },
    });
  }

  private get maxOutput(): number {
    return this.options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  }

  get state(): SessionState {
    return this.current;
  }

  /** What the running kernel is (node, sandbox, memory cap), once it has started. */
  get status(): KernelStatus | undefined {
    return this.kernel?.status;
  }

  /** How many cells wait behind the running one. */
  get queued(): number {
    return this.queue.length;
  }

  /** Why the last kernel ended, if it died. */
  get lastExitReason(): string | undefined {
    return this.lastExit?.reason;
  }

  onDidChangeState(listener: (s: SessionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Queues a cell; resolves when it has run, failed, been interrupted or cancelled. */
  execute(source: string, sink: ExecutionSink = {}, options: ExecuteOptions = {}): Promise<ExecutionResult> {
    return new Promise((resolve) => {
      this.queue.push({ source, sink, options, resolve });
      void this.pump();
    });
  }

  /**
   * Completion from the running kernel's live values: the members of the value at `path`
   * (`['model']` for `model.`), or the names cells declared for `[]`. Never starts a kernel; gives
   * an empty list when there is none, or when the kernel is stuck in a cell for `timeoutMs`.
   *
   * @example
   * await session.complete(['model']) // [{ name: 'fit', kind: 'method', detail: '(x, y)' }, …]
   */
  complete(path: string[], timeoutMs = 400): Promise<KernelCompletion[]> {
    const kernel = this.kernel;
    if (!kernel) return Promise.resolve([]);
    return this.requests.request(kernel, 'complete', { path }, timeoutMs).then((s) => (s.ok ? s.answer.items : []));
  }

  /**
   * The Variables view's question: the names cells declared (`[]`) or the members of the value at
   * `path`, summarised by the kernel without calling getters. Never starts a kernel; `error` says why
   * there is no list (no kernel, a cell kept the kernel busy for `timeoutMs`, a bad path).
   *
   * @example
   * await session.variables([]) // { items: [{ name: 'titanic', type: 'ColumnTable', summary: '1,309 × 5', shape: [1309, 5], viewable: true, … }] }
   */
  async variables(path: string[], timeoutMs = 2000): Promise<{ items: KernelVariable[]; error?: string }> {
    const s = await this.ask('variables', { path }, timeoutMs);
    return s.ok ? withoutRequestId(s.answer) : { items: [], error: s.why };
  }

  /** A page of the table-like value at `request.path` for the data viewer (the first sort of 1M rows takes a while: see bench numbers in the commit). */
  async tablePage(request: Omit<TablePageRequest, 'requestId'>, timeoutMs = 30_000): Promise<{ page?: TablePage; error?: string }> {
    const s = await this.ask('tablePage', request, timeoutMs);
    return s.ok ? withoutRequestId(s.answer) : { error: s.why };
  }

  /** Statistics of one column of the table-like value at `path`. */
  async tableStats(path: string[], column: string, timeoutMs = 30_000): Promise<{ stats?: ColumnStats; error?: string }> {
    const s = await this.ask('tableStats', { path, column }, timeoutMs);
    return s.ok ? withoutRequestId(s.answer) : { error: s.why };
  }

  private ask<Q extends Question>(question: Q, payload: Omit<HostToKernel[Q], 'requestId'>, timeoutMs: number): Promise<Settled<Q>> {
    const kernel = this.kernel;
    return kernel ? this.requests.request(kernel, question, payload, timeoutMs) : Promise.resolve({ ok: false, why: variablesMessage.noKernel });
  }

  /** Removes a queued cell (no effect once it runs: use `interrupt`). */
  cancel(source: ExecutionSink): void {
    this.queue.cancel(source);
  }

  /** Stops the running cell (its variables, and all earlier ones, survive) and cancels the queue. */
  interrupt(reason: StopReason = 'user'): void {
    this.queue.cancelAll();
    const run = this.running;
    if (run) this.escalation.stop(run, reason);
  }

  /** Ends the kernel and starts a fresh one (execution numbers start again from 1). */
  async restart(): Promise<void> {
    const old = this.kernel;
    this.stop(message.kernelRestarted);
    await Promise.all([old?.exited, this.ensureKernel()]);
  }

  /** Ends the kernel and cancels everything queued. */
  stop(reason = message.kernelRestarted): void {
    this.queue.cancelAll();
    const kernel = this.kernel;
    this.kernel = undefined;
    this.starting = undefined;
    if (kernel) this.ends.kill(kernel, reason);
    this.setState('stopped');
  }

  dispose(): void {
    this.stop();
    this.stateListeners.clear();
  }

  /** Starts the kernel now (executions start it on demand anyway). */
  async ensureKernel(): Promise<KernelProcess> {
    if (this.kernel) return this.kernel;
    if (!this.starting) {
      this.setState('starting');
      void this.runContext.ready();
      const startedAt = Date.now();
      const starting = KernelProcess.start(this.options).then(
        (k) => {
          if (this.starting !== starting) {
            k.kill();
            throw new Error(message.kernelRestarted);
          }
          this.kernel = k;
          this.starting = undefined;
          this.lastExit = undefined;
          this.order = 0; // a fresh kernel numbers its executions from 1, as Jupyter does
          this.runContext.reset();
          const trials = new TrialRouting(k, this.options);
          k.onMessage((m) => this.onKernelMessage(m, trials));
          k.onInvalidMessage((bad) => this.onInvalidKernelMessage(k, bad, trials));
          // Registered before any cell waits on this kernel: its runs say interrupted by the time a cell's result does.
          void k.exited.then((x) => this.ends.markRunsInterrupted(k, x, startedAt));
          void k.exited.then((x) => this.onKernelExit(k, x));
          this.setState(this.running ? 'busy' : 'idle');
          return k;
        },
        (e) => {
          if (this.starting === starting) {
            this.starting = undefined;
            this.setState('dead');
          }
          throw e;
        },
      );
      this.starting = starting;
    }
    return this.starting;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) job.resolve(await this.runSafely(job));
    } finally {
      this.pumping = false;
    }
  }

  /** A bug in the host must end one execution with an error, never hang the queue. */
  private async runSafely(job: Job): Promise<ExecutionResult> {
    try {
      return await this.run(job);
    } catch (e) {
      this.running = undefined;
      this.options.log?.(`internal error: ${(e as Error).stack ?? e}`);
      if (this.kernel) this.setState('idle');
      return { status: 'error', durationMs: 0, error: { name: 'InternalError', message: message.internalError((e as Error).message), stack: '' } };
    }
  }

  /** Runs one job; its timeout counts from here (leaving the queue) to the result, whatever happens between. */
  private async run(job: Job): Promise<ExecutionResult> {
    const execId = ++this.execIds;
    const run: Running = { job, execId, started: false, output: new OutputLimiter(this.maxOutput) };
    this.running = run;
    const timeoutSeconds = cellTimeout(job.source, job.options);
    const timer = timeoutSeconds ? this.timers.set(() => this.escalation.stop(run, 'timeout'), timeoutSeconds * 1000) : undefined;
    try {
      return await this.runStarted(run, timeoutSeconds);
    } finally {
      if (timer) this.timers.clear(timer);
    }
  }

  private async runStarted(run: Running, timeoutSeconds: number | undefined): Promise<ExecutionResult> {
    const { job, execId } = run;
    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    let kernel: KernelProcess;
    try {
      kernel = await this.ensureKernel();
    } catch (e) {
      this.running = undefined;
      return { status: 'died', durationMs: elapsed(), error: { name: 'KernelError', message: (e as Error).message, stack: '' } };
    }
    const order = ++this.order;
    this.setState('busy');
    job.sink.started?.(order);
    const label = `Cell In[${order}]`;
    const finish = (r: Outcome): ExecutionResult => {
      for (const c of run.output.endWithNote()) job.sink.stream?.(c.name, c.text);
      this.running = undefined;
      if (this.kernel) this.setState('idle');
      return { ...r, order, durationMs: elapsed() };
    };
    const compiled = await compileCell(job.source, label);
    if (!compiled.ok) return finish(compiled.outcome);
    const t = compiled.script;
    if (run.stopReason) return finish(stopped(run.stopReason, timeoutSeconds));
    if (this.kernel !== kernel) return finish({ status: 'cancelled' });
    const done = waitForOutcome(kernel, execId, this.ends);
    const context = this.runContext.next(job.source, job.options.cellId);
    kernel.send('runCell', { execId, code: t.code, maps: t.maps, source: job.source, label, hasResult: t.hasResult, context, maxOutput: this.maxOutput });
    return finish(outcomeOf(await done, run, timeoutSeconds, this.maxOutput));
  }

  /** Every message a kernel sends, checked already (kernelMessages.ts), to where it belongs. */
  private onKernelMessage(m: Envelope<KernelToHost>, trials: TrialRouting): void {
    const run = this.running;
    const ofRun = run && 'execId' in m.payload && m.payload.execId === run.execId ? run : undefined;
    switch (m.type) {
      case 'ready': // KernelProcess.start waits for it; a second one says nothing new
      case 'done': // the running cell's waitForOutcome takes it
        break;
      case 'started':
        if (ofRun) this.escalation.started(ofRun);
        break;
      case 'stream':
        if (ofRun) {
          ofRun.output.skip(m.payload.dropped ?? 0);
          const text = ofRun.output.write(m.payload.name, m.payload.text);
          if (text) ofRun.job.sink.stream?.(m.payload.name, text);
        } else this.options.log?.(`[background output] ${m.payload.text.trimEnd()}`);
        break;
      case 'display':
        ofRun?.job.sink.display?.(limitBundle(m.payload.data, this.maxOutput), m.payload.displayId, m.payload.update);
        break;
      case 'log':
        this.options.log?.(`[kernel] ${m.payload.text}`);
        break;
      case 'runTrials':
        trials.run(m.payload);
        break;
      case 'cancelTrials':
        trials.cancel(m.payload);
        break;
      case 'completions':
      case 'variablesResult':
      case 'tablePageResult':
      case 'tableStatsResult':
        this.requests.answer(m.type, m.payload);
        break;
      default: {
        const unhandled: never = m;
        this.options.log?.(`ignored an unknown kernel message ${(unhandled as { type: string }).type}`);
      }
    }
  }

  /** A cell sent the host something malformed with `process.send`: ignored, and the cell fails. */
  private onInvalidKernelMessage(kernel: KernelProcess, bad: { reason: string; type?: string; requestId?: number }, trials: TrialRouting): void {
    this.options.log?.(`ignored an invalid message from kernel ${kernel.pid}: ${bad.reason}`);
    trials.refuseInvalid(bad);
    this.requests.refuse(bad);
    const run = this.running;
    if (!run || run.invalid || this.kernel !== kernel) return;
    run.invalid = bad.reason;
    run.job.sink.stream?.('stderr', `${message.kernelBadMessage(bad.reason)}\n`);
  }

  private onKernelExit(kernel: KernelProcess, exit: KernelExit): void {
    if (this.kernel !== kernel) return;
    this.kernel = undefined;
    this.lastExit = this.ends.exitOf(kernel, exit);
    this.options.log?.(`kernel ${kernel.pid} ended: ${this.lastExit.reason}`);
    this.queue.cancelAll();
    this.setState('dead');
  }

  private setState(s: SessionState): void {
    if (s === this.current) return;
    this.current = s;
    for (const l of this.stateListeners) l(s);
  }
}

function withoutRequestId<T extends { requestId: number }>(a: T): Omit<T, 'requestId'> {
  const { requestId: _, ...rest } = a;
  return rest;
}
