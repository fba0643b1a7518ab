import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KERNEL_ENV, type Envelope, type HostToKernel, type KernelInfo, type KernelStartOptions, type KernelToHost } from '../../protocol/kernel';
import { message } from '../../core/messages';
import { findNodeRuntime, type NodeRuntime } from './nodeRuntime';
import { planSandbox, type SandboxSettings } from './sandbox';

export interface KernelProcessOptions {
  notebookDir: string;
  workspaceDir: string;
  /** Folder with `kernel.js` and the built-in module bundles. */
  distDir: string;
  memoryLimitMb: number;
  nodePath?: string;
  sandbox: SandboxSettings;
  /** Receives the kernel's own stderr and lifecycle lines (not cell output). */
  log?: (line: string) => void;
}

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
  /** Whether an OS-enforced memory cap (RLIMIT_DATA via prlimit) is in place besides the V8 heap cap. */
  hardMemoryCap: boolean;
}

const PRLIMIT_CANDIDATES = ['/usr/bin/prlimit', '/bin/prlimit'];

/** One kernel process: starts it confined, carries typed messages, explains how it ended. */
export class KernelProcess {
  private readonly listeners = new Set<(msg: Envelope<KernelToHost>) => void>();
  private stderrTail = '';
  readonly exited: Promise<KernelExit>;

  private constructor(
    private readonly child: ChildProcess,
    readonly status: KernelStatus,
    exited: Promise<KernelExit>,
  ) {
    this.exited = exited;
    child.on('message', (m) => {
      for (const l of this.listeners) l(m as Envelope<KernelToHost>);
    });
  }

  /** Starts a kernel and resolves once it says `ready` (rejects with the reason if it dies first). */
  static async start(opts: KernelProcessOptions): Promise<KernelProcess> {
    const runtime = findNodeRuntime(opts.nodePath);
    const plan = planSandbox(runtime, opts.sandbox, opts.workspaceDir, opts.distDir);
    const heapMb = Math.max(64, Math.floor(opts.memoryLimitMb * 0.85));
    const nodeArgs = [...plan.flags, `--max-old-space-size=${heapMb}`];
    if (runtime.flags.has('--disable-warning')) nodeArgs.push('--disable-warning=ExperimentalWarning');
    const entry = path.join(opts.distDir, 'kernel.js');
    const prlimit = process.platform === 'linux' ? PRLIMIT_CANDIDATES.find((p) => fs.existsSync(p)) : undefined;
    // The cap counts what the kernel adds to what an idle Node already maps (≈50 MB on Node 20, ≈570 MB on Node 24).
    const capBytes = (opts.memoryLimitMb + runtime.baselineMb) * 2 ** 20;
    const [cmd, args] = prlimit
      ? [prlimit, [`--data=${capBytes}:${capBytes}`, '--', runtime.path, ...nodeArgs, entry]]
      : [runtime.path, [...nodeArgs, entry]];
    const startOptions: KernelStartOptions = { notebookDir: opts.notebookDir, workspaceDir: opts.workspaceDir, distDir: opts.distDir, memoryLimitMb: opts.memoryLimitMb };
    const env: NodeJS.ProcessEnv = { ...process.env, ...runtime.env, [KERNEL_ENV.options]: JSON.stringify(startOptions) };
    delete env.NODE_OPTIONS;
    opts.log?.(`starting kernel: ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, {
      cwd: opts.notebookDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
      // Own process group: a Ctrl+C in the terminal reaches the CLI, which decides what to interrupt.
      detached: process.platform !== 'win32',
    });
    let proc: KernelProcess | undefined;
    const exited = new Promise<KernelExit>((resolve) => {
      child.on('exit', (code, signal) => resolve(describeExit(code, signal, proc?.stderrTail ?? '', opts.memoryLimitMb)));
      child.on('error', (e) => resolve({ code: null, signal: null, reason: e.message, outOfMemory: false }));
    });
    const ready = new Promise<KernelInfo>((resolve, reject) => {
      child.on('message', (m) => {
        const msg = m as Envelope<KernelToHost>;
        if (msg.type === 'ready') resolve(msg.payload);
      });
      void exited.then((x) => reject(new Error(message.kernelStartFailed(`${x.reason}${proc?.stderrTail ? `\n${proc.stderrTail}` : ''}`))));
    });
    const status = (info: KernelInfo): KernelStatus => ({ info, runtime, sandboxOn: plan.on && info.sandboxed, hardMemoryCap: Boolean(prlimit), ...(plan.why ? { sandboxWhy: plan.why } : {}) });
    const pending: KernelStatus = status({ pid: child.pid ?? -1, nodeVersion: runtime.version, sandboxed: plan.on, heapLimitMb: heapMb });
    proc = new KernelProcess(child, pending, exited);
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      proc!.stderrTail = (proc!.stderrTail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) opts.log?.(`[kernel ${child.pid}] ${line}`);
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
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        // The kernel leads its own process group (detached); kill it and anything it was allowed to start.
        if (process.platform !== 'win32' && this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
        else this.child.kill('SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null, stderr: string, capMb: number): KernelExit {
  const oom = /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr);
  let reason: string;
  if (oom) reason = message.kernelOutOfMemory(capMb);
  else if (signal) reason = message.kernelKilledBySignal(signal, capMb);
  else if (code === 139 || code === 135) reason = message.kernelKilledBySignal(code === 139 ? 'SIGSEGV' : 'SIGBUS', capMb);
  else reason = message.kernelExited(code ?? -1);
  return { code, signal, reason, outOfMemory: oom || signal === 'SIGSEGV' };
}
