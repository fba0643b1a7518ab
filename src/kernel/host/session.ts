import os from 'node:os';
import type { MimeBundle } from '../../core/notebook/contract';
import type { CellError, Envelope, KernelCompletion, KernelToHost } from '../../protocol/kernel';
import { DirectiveError, parseDirectives } from '../../core/cells/directives';
import { codeFrame } from '../../core/cells/codeFrame';
import { message } from '../../core/messages';
import { DEFAULT_MAX_OUTPUT_BYTES, OutputLimiter, limitBundle } from '../../core/notebook/outputLimit';
import { KernelProcess, type KernelExit, type KernelProcessOptions, type KernelStatus } from './kernelProcess';
import { transpileCell } from './transpile';
import { TrialPool } from './trialPool';
import { RunContextTracker } from './runContext';
import { markRunsOfWriterInterrupted } from '../../store/runs/annotate';

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

export interface ExecuteOptions {
  /** Interrupt after this many seconds (a `//% timeout` directive in the cell wins). */
  timeoutSeconds?: number;
  /** The cell's nbformat id, recorded with the runs it starts. */
  cellId?: string;
}

export type SessionState = 'stopped' | 'starting' | 'idle' | 'busy' | 'dead';

interface Running {
  job: Job;
  execId: number;
  /** The kernel said `started`: a SIGINT now reaches the cell (before that it would be ignored). */
  started: boolean;
  stopReason?: 'timeout' | 'user';
  /** The first malformed message the kernel sent while this cell ran: the cell fails with it. */
  invalid?: string;
  /** The host keeps its own limit: cell code can send messages past the kernel's. */
  output: OutputLimiter;
}

interface Job {
  source: string;
  sink: ExecutionSink;
  options: ExecuteOptions;
  resolve: (r: ExecutionResult) => void;
  cancelled: boolean;
}

/** Timers of a session, injected so tests can drive the escalation with a fake clock. */
export interface SessionTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The real timers; unref'd, so a pending escalation never keeps the CLI alive. */
const realTimers: SessionTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** What a session needs: where and how its kernels run, plus the session's own limits. */
export type KernelSessionOptions = KernelProcessOptions & {
  timers?: SessionTimers;
  /** The most output a cell keeps, in characters (head and tail; default 5 MB). */
  maxOutputBytes?: number;
};

/** How long an interrupt message may go unanswered before SIGINT is sent. */
const SIGNAL_AFTER_MS = 250;
/** How long a kernel may take to stop a cell after an interrupt before it is killed. */
const INTERRUPT_GRACE_MS = 3000;

/**
 * One notebook's kernel session: a queue of cell executions run one at a time on a kernel
 * process, with execution numbers, interrupt (which also cancels the queue), per-cell timeouts,
 * restart, and a fresh kernel after a crash. Used alike by VS Code and `modelbook run`.
 */
export class KernelSession {
  private kernel: KernelProcess | undefined;
  private starting: Promise<KernelProcess> | undefined;
  private readonly queue: Job[] = [];
  private running: Running | undefined;
  private pumping = false;
  /** Why the host ended a kernel itself (restart, unresponsive), which its exit code cannot say. */
  private readonly killReasons = new WeakMap<KernelProcess, string>();
  private order = 0;
  private execIds = 0;
  private current: SessionState = 'stopped';
  private readonly stateListeners = new Set<(s: SessionState) => void>();
  private lastExit: KernelExit | undefined;
  private completionIds = 0;
  private readonly completionWaiters = new Map<number, (items: KernelCompletion[]) => void>();

  private readonly runContext: RunContextTracker;
  private readonly timers: SessionTimers;

  constructor(private readonly options: KernelSessionOptions) {
    this.runContext = new RunContextTracker(options.workspaceDir, options.notebookPath);
    this.timers = options.timers ?? realTimers;
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
      this.queue.push({ source, sink, options, resolve, cancelled: false });
      void this.pump();
    });
  }

  /** Removes a queued cell (no effect once it runs: use `interrupt`). */
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
    const requestId = ++this.completionIds;
    return new Promise((resolve) => {
      const finish = (items: KernelCompletion[]) => {
        clearTimeout(timer);
        this.completionWaiters.delete(requestId);
        resolve(items);
      };
      const timer = setTimeout(() => finish([]), timeoutMs);
      this.completionWaiters.set(requestId, finish);
      void kernel.exited.then(() => finish([]));
      kernel.send('complete', { requestId, path });
    });
  }

  cancel(source: ExecutionSink): void {
    const i = this.queue.findIndex((j) => j.sink === source);
    if (i >= 0) {
      const [job] = this.queue.splice(i, 1);
      job.resolve({ status: 'cancelled', durationMs: 0 });
    }
  }

  /** Stops the running cell (its variables, and all earlier ones, survive) and cancels the queue. */
  interrupt(reason: 'user' | 'timeout' = 'user'): void {
    for (const job of this.queue.splice(0)) job.resolve({ status: 'cancelled', durationMs: 0 });
    const run = this.running;
    if (run) this.stopRun(run, reason);
  }

  /**
   * Stops one execution wherever it is. Once the kernel said `started`, the interrupt escalation
   * below runs. Before that a SIGINT would be lost, so it waits for `started`; a kernel that never
   * says it (its event loop blocked by code a cell left behind, or its own machinery broken by a
   * cell) is killed after INTERRUPT_GRACE_MS, so no cell waits forever.
   */
  private stopRun(run: Running, reason: 'user' | 'timeout'): void {
    if (this.running !== run || run.stopReason) return;
    run.stopReason = reason;
    if (run.started) {
      this.signalInterrupt(run);
      return;
    }
    const kernel = this.kernel;
    this.timers.set(() => {
      if (this.running === run && !run.started && kernel && this.kernel === kernel) this.killUnresponsive(kernel, 'did not start the cell');
    }, INTERRUPT_GRACE_MS);
  }

  /**
   * Interrupt escalation: a message first (a cell that awaits stops at once), SIGINT after
   * SIGNAL_AFTER_MS if the cell still runs (a synchronous loop), and a kill after
   * INTERRUPT_GRACE_MS if even that did not stop it (code outside cells that never yields).
   */
  private signalInterrupt(run: Running): void {
    const kernel = this.kernel;
    if (!kernel) return;
    const stillRunning = () => this.running === run && this.kernel === kernel;
    kernel.requestInterrupt(run.execId);
    this.timers.set(() => {
      if (stillRunning()) kernel.signalInterrupt();
    }, SIGNAL_AFTER_MS);
    this.timers.set(() => {
      if (stillRunning()) this.killUnresponsive(kernel, 'did not stop the cell');
    }, INTERRUPT_GRACE_MS);
  }

  private killUnresponsive(kernel: KernelProcess, what: string): void {
    this.options.log?.(`kernel ${what} within ${INTERRUPT_GRACE_MS} ms of the interrupt; killing it`);
    this.killReasons.set(kernel, message.kernelUnresponsive(INTERRUPT_GRACE_MS / 1000));
    kernel.kill();
  }

  /** Ends the kernel and starts a fresh one (execution numbers start again from 1). */
  async restart(): Promise<void> {
    const old = this.kernel;
    this.stop(message.kernelRestarted);
    await Promise.all([old?.exited, this.ensureKernel()]);
  }

  /** Ends the kernel and cancels everything queued. */
  stop(reason = message.kernelRestarted): void {
    for (const job of this.queue.splice(0)) job.resolve({ status: 'cancelled', durationMs: 0 });
    const kernel = this.kernel;
    this.kernel = undefined;
    this.starting = undefined;
    if (kernel) {
      this.killReasons.set(kernel, reason);
      kernel.kill();
    }
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
          const pool = new TrialPool(this.options, (type, payload) => k.send(type, payload));
          k.onMessage((m) => {
            if (m.type === 'runTrials') pool.run(m.payload.requestId, m.payload.dataset, m.payload.trials);
            else if (m.type === 'cancelTrials') pool.cancel(m.payload.requestId);
            else this.onKernelMessage(m);
          });
          k.onInvalidMessage((bad) => this.onInvalidKernelMessage(k, bad));
          void k.exited.then(() => pool.dispose());
          // Registered before any cell waits on this kernel: its runs say interrupted by the time a cell's result does.
          void k.exited.then((x) => this.markRunsInterrupted(k, x, startedAt));
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
    const timeoutSeconds = cellTimeout(job);
    const timer = timeoutSeconds ? this.timers.set(() => this.stopRun(run, 'timeout'), timeoutSeconds * 1000) : undefined;
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
    const finish = (r: Omit<ExecutionResult, 'durationMs' | 'order'>): ExecutionResult => {
      for (const c of run.output.endWithNote()) job.sink.stream?.(c.name, c.text);
      this.running = undefined;
      if (this.kernel) this.setState('idle');
      return { ...r, order, durationMs: elapsed() };
    };
    try {
      parseDirectives(job.source);
    } catch (e) {
      if (e instanceof DirectiveError) return finish({ status: 'error', error: { name: 'DirectiveError', message: e.message, stack: `DirectiveError: ${e.message}`, line: e.line, column: 1 } });
      throw e;
    }
    const t = await transpileCell(job.source, label);
    if (!t.ok) {
      const stack = `${t.name}: ${t.message}\n    at ${label}, line ${t.line}:${t.column}\n${codeFrame(job.source, t.line, t.column, '      ')}`;
      return finish({ status: 'error', error: { name: t.name, message: t.message, stack, line: t.line, column: t.column } });
    }
    if (run.stopReason) return finish(stopped(run.stopReason, timeoutSeconds));
    if (this.kernel !== kernel) return finish({ status: 'cancelled' });
    const done = this.waitForDone(kernel, execId);
    const context = this.runContext.next(job.source, job.options.cellId);
    kernel.send('runCell', { execId, code: t.code, maps: t.maps, source: job.source, label, hasResult: t.hasResult, context, maxOutput: this.maxOutput });
    const outcome = await done;
    if (outcome.kind === 'exit') {
      const died = message.kernelDied(outcome.exit.reason);
      // Stopped by the user or a timeout and then killed by the escalation: say both.
      if (run.stopReason) {
        const s = stopped(run.stopReason, timeoutSeconds);
        return finish({ ...s, error: { ...s.error!, message: `${s.error!.message} ${died}` } });
      }
      return finish({ status: 'died', error: { name: 'KernelDied', message: died, stack: '' } });
    }
    const d = outcome.done;
    if (d.status === 'interrupted') return finish(stopped(run.stopReason ?? 'user', timeoutSeconds));
    if (run.invalid && d.status === 'ok') return finish({ status: 'error', error: { name: 'KernelProtocolError', message: message.kernelBadMessage(run.invalid), stack: '' } });
    return finish({ status: d.status, ...(d.result ? { result: limitBundle(d.result, this.maxOutput) } : {}), ...(d.error ? { error: d.error } : {}) });
  }

  private waitForDone(kernel: KernelProcess, execId: number): Promise<{ kind: 'done'; done: KernelToHost['done'] } | { kind: 'exit'; exit: KernelExit }> {
    return new Promise((resolve) => {
      const off = kernel.onMessage((m) => {
        if (m.type === 'done' && m.payload.execId === execId) {
          off();
          resolve({ kind: 'done', done: m.payload });
        }
      });
      void kernel.exited.then((exit) => {
        off();
        const killed = this.killReasons.get(kernel);
        resolve({ kind: 'exit', exit: killed ? { ...exit, reason: killed } : exit });
      });
    });
  }

  private onKernelMessage(m: Envelope<KernelToHost>): void {
    const run = this.running;
    switch (m.type) {
      case 'started':
        if (run && m.payload.execId === run.execId) {
          run.started = true;
          if (run.stopReason) this.signalInterrupt(run);
        }
        break;
      case 'stream':
        if (run && m.payload.execId === run.execId) {
          run.output.skip(m.payload.dropped ?? 0);
          const text = run.output.write(m.payload.name, m.payload.text);
          if (text) run.job.sink.stream?.(m.payload.name, text);
        } else this.options.log?.(`[background output] ${m.payload.text.trimEnd()}`);
        break;
      case 'display':
        if (run && m.payload.execId === run.execId) run.job.sink.display?.(limitBundle(m.payload.data, this.maxOutput), m.payload.displayId, m.payload.update);
        break;
      case 'log':
        this.options.log?.(`[kernel] ${m.payload.text}`);
        break;
      case 'completions':
        this.completionWaiters.get(m.payload.requestId)?.(m.payload.items);
        break;
      default:
        break;
    }
  }

  /** A cell sent the host something malformed with `process.send`: ignored, and the cell fails. */
  private onInvalidKernelMessage(kernel: KernelProcess, bad: { reason: string; type?: string; requestId?: number }): void {
    this.options.log?.(`ignored an invalid message from kernel ${kernel.pid}: ${bad.reason}`);
    // The kernel waits for an answer to a search request: refuse it, and it runs the trials itself.
    if (bad.type === 'runTrials' && bad.requestId !== undefined) kernel.send('trialsDone', { requestId: bad.requestId, error: message.kernelBadMessage(bad.reason) });
    const run = this.running;
    if (!run || run.invalid || this.kernel !== kernel) return;
    run.invalid = bad.reason;
    run.job.sink.stream?.('stderr', `${message.kernelBadMessage(bad.reason)}\n`);
  }

  /**
   * A kernel that ended (crash, out of memory, kill, restart) cannot finish the runs it was
   * recording, and a killed one could not mark them itself: say interrupted now rather than
   * leave them `running` until their heartbeat goes stale.
   */
  private markRunsInterrupted(kernel: KernelProcess, exit: KernelExit, startedAt: number): void {
    const reason = this.killReasons.get(kernel) ?? exit.reason;
    try {
      const marked = markRunsOfWriterInterrupted(this.options.workspaceDir, { hostname: os.hostname(), pid: kernel.status.info.pid }, { sinceMs: startedAt, reason: message.runKernelEnded(reason) });
      if (marked.length) this.options.log?.(`marked ${marked.length} run(s) of kernel ${kernel.status.info.pid} interrupted`);
    } catch (e) {
      this.options.log?.(`could not mark the runs of kernel ${kernel.status.info.pid} interrupted: ${(e as Error).message}`);
    }
  }

  private onKernelExit(kernel: KernelProcess, exit: KernelExit): void {
    if (this.kernel !== kernel) return;
    this.kernel = undefined;
    const killed = this.killReasons.get(kernel);
    this.lastExit = killed ? { ...exit, reason: killed } : exit;
    this.options.log?.(`kernel ${kernel.pid} ended: ${this.lastExit.reason}`);
    for (const job of this.queue.splice(0)) job.resolve({ status: 'cancelled', durationMs: 0 });
    this.setState('dead');
  }

  private setState(s: SessionState): void {
    if (s === this.current) return;
    this.current = s;
    for (const l of this.stateListeners) l(s);
  }
}

/** The cell's timeout: its `//% timeout` directive, else the caller's (a bad directive is reported later, as the cell's error). */
function cellTimeout(job: Job): number | undefined {
  try {
    return parseDirectives(job.source).timeoutSeconds ?? job.options.timeoutSeconds;
  } catch {
    return job.options.timeoutSeconds;
  }
}

function stopped(reason: 'user' | 'timeout', timeoutSeconds: number | undefined): Omit<ExecutionResult, 'durationMs' | 'order'> {
  if (reason === 'timeout') return { status: 'timeout', error: { name: 'TimeoutError', message: message.kernelCellTimeout(timeoutSeconds ?? 0), stack: '' } };
  return { status: 'interrupted', error: { name: 'InterruptedError', message: message.kernelInterrupted, stack: '' } };
}
