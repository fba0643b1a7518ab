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

/** Requests that may wait behind the running one; more are refused (the kernel then runs them itself). */
const MAX_WAITING = 4;

/**
 * Runs a kernel's search trials in parallel: one trial-worker process per core, each sandboxed and
 * memory-capped like the kernel (the kernel itself may start no processes), fed the dataset once
 * and then one trial at a time; results are relayed to the kernel as they arrive. One request runs
 * at a time, so a kernel never has more than `maxWorkers` workers, and their caps add up to the
 * kernel's own cap — however many requests a cell sends.
 */
export class TrialPool {
  private readonly requests = new Map<number, Request>();
  private readonly waiting: { requestId: number; dataset: TrialDataset; trials: Trial[] }[] = [];
  private active: number | undefined;
  private readonly maxWorkers = Math.max(1, Math.min(availableCores(), 8));

  constructor(
    private readonly opts: ConfinedOptions,
    private readonly reply: Reply,
  ) {}

  run(requestId: number, dataset: TrialDataset, trials: Trial[]): void {
    if (this.requests.has(requestId) || this.waiting.some((w) => w.requestId === requestId)) return this.reply('trialsDone', { requestId, error: `request ${requestId} is already running` });
    if (this.active !== undefined) {
      if (this.waiting.length >= MAX_WAITING) return this.reply('trialsDone', { requestId, error: `${MAX_WAITING + 1} searches are already waiting for the trial workers` });
      this.waiting.push({ requestId, dataset, trials });
      return;
    }
    this.active = requestId;
    if (trials.length === 0) {
      this.reply('trialsDone', { requestId });
      return this.finished(requestId);
    }
    const count = Math.max(1, Math.min(trials.length, this.maxWorkers));
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
      this.finished(requestId);
    };
    for (let i = 0; i < count; i++) {
      // Each worker's share of the cap: the kernel's budget split between them (256 MB at least, the setting's minimum).
      const { child } = spawnConfined('trialWorker.js', { ...this.opts, memoryLimitMb: Math.max(256, Math.floor(this.opts.memoryLimitMb / count)) });
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
    const w = this.waiting.findIndex((x) => x.requestId === requestId);
    if (w >= 0) this.waiting.splice(w, 1);
    const req = this.requests.get(requestId);
    if (!req) return;
    req.done = true;
    for (const worker of req.workers) killConfined(worker);
    this.requests.delete(requestId);
    this.finished(requestId);
  }

  /** How many trial workers run now (for tests and the kernel log). */
  get workerCount(): number {
    let n = 0;
    for (const r of this.requests.values()) n += r.workers.filter((w) => w.exitCode === null && w.signalCode === null).length;
    return n;
  }

  dispose(): void {
    this.waiting.length = 0;
    for (const id of [...this.requests.keys()]) this.cancel(id);
  }

  private finished(requestId: number): void {
    if (this.active !== requestId) return;
    this.active = undefined;
    const next = this.waiting.shift();
    if (next) this.run(next.requestId, next.dataset, next.trials);
  }
}

function send<K extends keyof HostToTrialWorker>(child: ChildProcess, type: K, payload: HostToTrialWorker[K]): void {
  // A worker killed a moment ago may still look connected: a failed write is reported by 'error'.
  if (child.connected) child.send({ type, payload }, (e) => void e);
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
