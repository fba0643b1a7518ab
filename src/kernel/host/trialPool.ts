import os from 'node:os';
import type { ChildProcess } from 'node:child_process';
import type { Envelope, HostToKernel, HostToTrialWorker, TrialWorkerToHost } from '../../protocol/kernel';
import type { Trial, TrialDataset } from '../../core/validation/tuning/trial';
import { killConfined, spawnConfined, type ConfinedOptions } from './spawnConfined';

type Reply = <K extends 'trialResult' | 'trialsDone'>(type: K, payload: HostToKernel[K]) => void;

interface Request {
  workers: ChildProcess[];
  done: boolean;
}

/**
 * Runs a kernel's search trials in parallel: one trial-worker process per core, each sandboxed and
 * memory-capped like the kernel (the kernel itself may start no processes), fed the dataset once
 * and then one trial at a time; results are relayed to the kernel as they arrive.
 */
export class TrialPool {
  private readonly requests = new Map<number, Request>();

  constructor(
    private readonly opts: ConfinedOptions,
    private readonly reply: Reply,
  ) {}

  run(requestId: number, dataset: TrialDataset, trials: Trial[]): void {
    const count = Math.max(1, Math.min(trials.length, availableCores(), 8));
    const queue = [...trials];
    const req: Request = { workers: [], done: false };
    this.requests.set(requestId, req);
    let remaining = trials.length;
    let failedStart = 0;
    const finish = (error?: string) => {
      if (req.done) return;
      req.done = true;
      for (const w of req.workers) killConfined(w);
      this.requests.delete(requestId);
      this.reply('trialsDone', { requestId, ...(error ? { error } : {}) });
    };
    for (let i = 0; i < count; i++) {
      // Each worker's share of the cap: the kernel's budget split between them.
      const { child } = spawnConfined('trialWorker.js', { ...this.opts, memoryLimitMb: Math.max(512, Math.floor(this.opts.memoryLimitMb / count)) });
      req.workers.push(child);
      let current: Trial | undefined;
      const next = () => {
        if (req.done) return;
        current = queue.shift();
        if (current) send(child, 'trial', current);
      };
      child.on('error', (e) => this.opts.log?.(`trial worker ${child.pid}: ${e.message}`));
      child.stderr?.on('data', (b: Buffer) => this.opts.log?.(`[trial worker ${child.pid}] ${b.toString().trimEnd()}`));
      child.stdout?.on('data', (b: Buffer) => this.opts.log?.(`[trial worker ${child.pid}] ${b.toString().trimEnd()}`));
      child.on('message', (m) => {
        const msg = m as Envelope<TrialWorkerToHost>;
        if (msg.type === 'ready') next();
        else if (msg.type === 'result') {
          current = undefined;
          this.reply('trialResult', { requestId, result: msg.payload });
          if (--remaining === 0) finish();
          else next();
        }
      });
      child.on('exit', (code, signal) => {
        if (req.done) return;
        if (current) queue.unshift(current); // another worker takes the trial this one dropped
        current = undefined;
        failedStart++;
        this.opts.log?.(`trial worker ${child.pid} ended (${signal ?? code})`);
        if (failedStart === count) finish(`the trial workers ended (${signal ?? `exit ${code}`}); see the kernel log`);
      });
      send(child, 'dataset', dataset);
    }
  }

  cancel(requestId: number): void {
    const req = this.requests.get(requestId);
    if (!req) return;
    req.done = true;
    for (const w of req.workers) killConfined(w);
    this.requests.delete(requestId);
  }

  dispose(): void {
    for (const id of [...this.requests.keys()]) this.cancel(id);
  }
}

function send<K extends keyof HostToTrialWorker>(child: ChildProcess, type: K, payload: HostToTrialWorker[K]): void {
  // A worker killed a moment ago may still look connected: a failed write is reported by 'error'.
  if (child.connected) child.send({ type, payload }, (e) => void e);
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
