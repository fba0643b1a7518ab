import type { ChildProcess } from 'node:child_process';
import type { Envelope, HostToKernel, KernelInfo, KernelToHost } from '../../protocol/kernel';
import { message } from '../../core/messages';
import type { NodeRuntime } from './nodeRuntime';
import { killConfined, spawnConfined, type ConfinedOptions } from './spawnConfined';
import { parseOsLayerReport, type OsLayerReport } from './osLayer';
import { checkKernelMessage, type Checked } from './kernelMessages';

/** Where the kernel runs and what confines it (see spawnConfined). `log` receives lifecycle lines and the kernel's own stderr. */
export type KernelProcessOptions = ConfinedOptions;

/** How and why a kernel process ended, in words for the user. */
export interface KernelExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  reason: string;
  outOfMemory: boolean;
}

export interface KernelStatus {
  info: KernelInfo;
  runtime: NodeRuntime;
  sandboxOn: boolean;
  sandboxWhy?: string;
  /** Whether an OS-enforced memory cap (RLIMIT_DATA) is in place besides the V8 heap cap. */
  hardMemoryCap: boolean;
  /** What the Linux OS layer applied below Node (Landlock ABI, seccomp), when it ran. */
  osLayer?: OsLayerReport;
  /** Whether cells' network access is refused (by seccomp on Linux, or by Node ≥ 25's permission model). */
  networkClosed: boolean;
}

/** A kernel that could not start (no usable Node, killed while starting, no `ready` in time): one sentence for the user. */
export class KernelStartError extends Error {
  override name = 'KernelStartError';
}

/** Raw stdout/stderr of a kernel process (outside cells' captured output) that goes to the log. */
const MAX_LOGGED_OUTPUT = 4 * 2 ** 20;

/** How long a kernel may take to say `ready` (Node's start, the sandbox, loading the runtime). */
const START_TIMEOUT_MS = 60_000;

/** One kernel process: starts it confined, carries typed messages, explains how it ended. */
export class KernelProcess {
  private readonly listeners = new Set<(msg: Envelope<KernelToHost>) => void>();
  private readonly invalidListeners = new Set<(bad: Extract<Checked, { ok: false }>) => void>();
  private stderrTail = '';
  readonly exited: Promise<KernelExit>;

  private constructor(
    private readonly child: ChildProcess,
    readonly status: KernelStatus,
    exited: Promise<KernelExit>,
  ) {
    this.exited = exited;
    child.on('message', (m) => {
      const checked = checkKernelMessage(m);
      if (!checked.ok) {
        for (const l of this.invalidListeners) l(checked);
        return;
      }
      for (const l of this.listeners) l(checked.msg);
    });
  }

  /** Starts a kernel and resolves once it says `ready` (rejects with the reason if it dies first). */
  static async start(opts: KernelProcessOptions): Promise<KernelProcess> {
    let confined: ReturnType<typeof spawnConfined>;
    try {
      confined = spawnConfined('kernel.js', opts);
    } catch (e) {
      throw new KernelStartError(message.kernelStartFailed((e as Error).message));
    }
    const { child, runtime, plan, heapMb, hardMemoryCap } = confined;
    let proc: KernelProcess | undefined;
    const exited = new Promise<KernelExit>((resolve) => {
      child.on('exit', (code, signal) => resolve(describeExit(code, signal, proc?.stderrTail ?? '', opts.memoryLimitMb)));
      child.on('error', (e) => resolve({ code: null, signal: null, reason: e.message, outOfMemory: false }));
    });
    const timeoutMs = opts.startTimeoutMs ?? START_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<KernelInfo>((resolve, reject) => {
      child.on('message', (m) => {
        const checked = checkKernelMessage(m);
        if (checked.ok && checked.msg.type === 'ready') resolve(checked.msg.payload);
      });
      // The whole stderr goes to the log; the user gets the reason and the last line Node printed.
      void exited.then((x) => reject(new KernelStartError(message.kernelStartFailed(withLastLine(x.reason, proc?.stderrTail ?? '')))));
      timer = setTimeout(() => {
        killConfined(child);
        reject(new KernelStartError(message.kernelStartTimeout(timeoutMs / 1000)));
      }, timeoutMs);
    }).finally(() => clearTimeout(timer));
    const status = (info: KernelInfo): KernelStatus => {
      const sandboxOn = plan.on && info.sandboxed;
      const osLayer = parseOsLayerReport(info.osLayer);
      const networkClosed = sandboxOn && !opts.sandbox.allowNetwork && (Boolean(plan.networkByNode) || Boolean(osLayer?.seccomp));
      return { info, runtime, sandboxOn, hardMemoryCap, networkClosed, ...(osLayer ? { osLayer } : {}), ...(plan.why ? { sandboxWhy: plan.why } : {}) };
    };
    const pending: KernelStatus = status({ pid: child.pid ?? -1, nodeVersion: runtime.version, sandboxed: plan.on, heapLimitMb: heapMb });
    proc = new KernelProcess(child, pending, exited);
    // A cell can write to the kernel's own stdio (fs.writeSync(1, …)) without end: the log keeps a bounded amount.
    let logged = 0;
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      proc!.stderrTail = (proc!.stderrTail + text).slice(-4000);
      if (logged > MAX_LOGGED_OUTPUT) return;
      logged += text.length;
      if (logged > MAX_LOGGED_OUTPUT) opts.log?.(`[kernel ${child.pid}] … more than ${MAX_LOGGED_OUTPUT / 2 ** 20} MB of raw output; the rest is not logged`);
      else for (const line of text.split('\n')) if (line.trim()) opts.log?.(`[kernel ${child.pid}] ${line}`);
    };
    child.stderr?.on('data', onOutput);
    child.stdout?.on('data', onOutput);
    const info = await ready;
    Object.assign(proc.status, status(info));
    return proc;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Messages that failed `checkKernelMessage` (a cell can `process.send` anything): never acted on. */
  onInvalidMessage(listener: (bad: Extract<Checked, { ok: false }>) => void): () => void {
    this.invalidListeners.add(listener);
    return () => this.invalidListeners.delete(listener);
  }

  onMessage(listener: (msg: Envelope<KernelToHost>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send<K extends keyof HostToKernel>(type: K, payload: HostToKernel[K]): void {
    if (this.child.connected) this.child.send({ type, payload });
  }

  /** Asks cell `execId` to stop; enough for a cell that awaits (the kernel's event loop is free). */
  requestInterrupt(execId: number): void {
    this.send('interrupt', { execId });
  }

  /**
   * SIGINT breaks a synchronous loop in cell code (vm's breakOnSigint). Sent only after the
   * message above went unanswered: a signal that lands just as a cell step ends can leave V8
   * terminating whatever runs next. Returns false where signals are not available (Windows).
   */
  signalInterrupt(): boolean {
    if (process.platform === 'win32' || !this.child.pid) return false;
    try {
      process.kill(this.child.pid, 'SIGINT');
      return true;
    } catch {
      return false; // already gone: the exit handler reports it
    }
  }

  /** Ends the kernel now (it holds no user data that is not already in the notebook). */
  kill(): void {
    killConfined(this.child);
  }
}

function withLastLine(reason: string, stderr: string): string {
  const last = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^at |^\^+$|^Node\.js v|ExperimentalWarning|--trace-warnings/.test(l))
    .pop();
  return last ? `${reason} (${last.slice(0, 300)})` : reason;
}

/**
 * Why a kernel ended, in words. Out of memory shows in many ways: V8's heap limit, an allocation
 * V8 or C++ could not make under the OS cap (`std::bad_alloc` ends the process with SIGABRT).
 *
 * @example
 * describeExit(null, 'SIGABRT', "terminate called after throwing an instance of 'std::bad_alloc'", 4096).outOfMemory // true
 */
export function describeExit(code: number | null, signal: NodeJS.Signals | null, stderr: string, capMb: number): KernelExit {
  const oom = /heap out of memory|Reached heap limit|Allocation failed|std::bad_alloc|Cannot allocate memory|Out of memory/i.test(stderr);
  let reason: string;
  if (oom) reason = message.kernelOutOfMemory(capMb);
  else if (signal) reason = message.kernelKilledBySignal(signal, capMb);
  else if (code === 139 || code === 135) reason = message.kernelKilledBySignal(code === 139 ? 'SIGSEGV' : 'SIGBUS', capMb);
  else reason = message.kernelExited(code ?? -1);
  return { code, signal, reason, outOfMemory: oom || signal === 'SIGSEGV' };
}
