import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KERNEL_ENV, type KernelStartOptions } from '../../protocol/kernel';
import { findNodeRuntime, type NodeRuntime } from './nodeRuntime';
import { planSandbox, type SandboxPlan, type SandboxSettings } from './sandbox';
import { findLauncher, planOsLayer } from './osLayer';
import { kernelEnvironment } from './kernelEnv';
import { chooseKernelNode } from './kernelNode';

export interface ConfinedOptions {
  notebookDir: string;
  workspaceDir: string;
  /** Folder with the process entries (`kernel.js`, `trialWorker.js`) and the built-in bundles. */
  distDir: string;
  memoryLimitMb: number;
  /** The notebook file, for the runs its cells record (workspace-relative in the records). */
  notebookPath?: string;
  nodePath?: string;
  /** Where Modelbook installs its pinned Node; used when nodePath is not set (see chooseKernelNode). */
  runtimeDir?: string;
  /** `false` skips the Linux launcher (Landlock, seccomp) and leaves Node's permission model alone: for tests and diagnostics only. */
  osLayer?: false;
  sandbox: SandboxSettings;
  /** Extra environment variables for cells (`modelbook.kernel.env`); the editor's own are not passed. */
  env?: Record<string, string>;
  log?: (line: string) => void;
  /** How long a kernel may take to say `ready` (default 60 s). */
  startTimeoutMs?: number;
}

export interface Confined {
  child: ChildProcess;
  runtime: NodeRuntime;
  plan: SandboxPlan;
  heapMb: number;
  /** Whether the OS caps the whole process (RLIMIT_DATA), not only the V8 heap. */
  hardMemoryCap: boolean;
  /** Whether the Linux launcher (Landlock, seccomp, die-with-host) runs under Node's permission model. */
  osLayer: boolean;
}

const PRLIMIT_CANDIDATES = ['/usr/bin/prlimit', '/bin/prlimit'];

/**
 * Starts `dist/<entry>` as its own confined Node process: the permission model's flags, the V8
 * heap at 85 % of the memory cap, the whole process capped by RLIMIT_DATA where Linux allows,
 * an IPC channel (structured clone), its own process group. Kernels and trial workers alike.
 */
export function spawnConfined(entry: string, opts: ConfinedOptions): Confined {
  const runtime = findNodeRuntime(chooseKernelNode(opts), [opts.workspaceDir]);
  const plan = planSandbox(runtime, opts.sandbox, opts.workspaceDir, opts.distDir);
  const heapMb = Math.max(64, Math.floor(opts.memoryLimitMb * 0.85));
  const nodeArgs = [...plan.flags, `--max-old-space-size=${heapMb}`];
  if (runtime.flags.has('--disable-warning')) nodeArgs.push('--disable-warning=ExperimentalWarning');
  const script = path.join(opts.distDir, entry);
  // The cap counts what the process adds to what an idle Node already maps (≈50 MB on Node 20, ≈570 MB on Node 24).
  const capBytes = (opts.memoryLimitMb + runtime.baselineMb) * 2 ** 20;
  const launcher = opts.osLayer === false ? undefined : findLauncher(opts.distDir);
  const prlimit = !launcher && process.platform === 'linux' ? PRLIMIT_CANDIDATES.find((p) => fs.existsSync(p)) : undefined;
  let prefix: string[] = [];
  if (launcher)
    prefix = planOsLayer({ launcher, settings: { ...opts.sandbox, enabled: plan.on }, nodePath: runtime.path, workspaceDir: opts.workspaceDir, distDir: opts.distDir, dataBytes: capBytes }).prefix;
  else if (prlimit) prefix = [prlimit, `--data=${capBytes}:${capBytes}`, '--'];
  const [cmd, ...args] = [...prefix, runtime.path, ...nodeArgs, script];
  const startOptions: KernelStartOptions = {
    notebookDir: opts.notebookDir,
    workspaceDir: opts.workspaceDir,
    distDir: opts.distDir,
    memoryLimitMb: opts.memoryLimitMb,
    ...(plan.on ? { sandbox: { writable: plan.writable, readable: plan.readable } } : {}),
  };
  const env = { ...kernelEnvironment(process.env, opts.sandbox, opts.env), ...runtime.env, [KERNEL_ENV.options]: JSON.stringify(startOptions) };
  opts.log?.(`starting ${entry}: ${cmd} ${args.join(' ')}`);
  const child = spawn(cmd, args, {
    cwd: opts.notebookDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    // Own process group: a Ctrl+C in the terminal reaches the CLI, which decides what to interrupt.
    detached: process.platform !== 'win32',
  });
  return { child, runtime, plan, heapMb, hardMemoryCap: Boolean(launcher || prlimit), osLayer: Boolean(launcher) };
}

/** Kills a confined process and its process group (anything it was allowed to start). */
export function killConfined(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
