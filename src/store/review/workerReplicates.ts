/**
 * Worker threads for a model diff's bootstrap: a paired 1,000-resample interval on 200,000 rows
 * is seconds of arithmetic, and the resamples split exactly (see core/review/replicates.ts), so
 * each core runs a share. Workers start on first use and stop with `close()`; a part whose
 * worker fails runs on this thread instead, so a diff never fails for want of a worker.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { _runReplicateJob, type ParallelReplicates, type ReplicateJob } from '../../core/review/replicates';

/** The cores this process may use. */
export function workerCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export interface WorkerReplicates extends ParallelReplicates {
  /** Stops the workers (pending parts still resolve, on this thread). */
  close(): Promise<void>;
  /** Parts a worker thread computed (the rest ran on this thread). */
  readonly completed: number;
}

/**
 * Up to `workers` worker threads (default: one per core but this one) running
 * `<distDir>/replicateWorker.js`.
 *
 * @example
 * const parallel = workerReplicates(__dirname);
 * try { diff = await diffModels(base, head, { statistics: { parallel } }); } finally { await parallel.close(); }
 */
export function workerReplicates(distDir: string, workers = workerCount() - 1): WorkerReplicates {
  const file = path.join(distDir, 'replicateWorker.js');
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let nextId = 0;
  let closed = false;
  const runOn = (worker: Worker, job: ReplicateJob) =>
    new Promise<Float64Array[]>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (m: { id: number; values?: Float64Array[]; error?: string }) => {
        if (m.id !== id) return;
        cleanup();
        if (m.values) resolve(m.values);
        else reject(new Error(m.error));
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const onExit = () => {
        cleanup();
        reject(new Error('internal: the diff worker stopped'));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, job });
    });
  let completed = 0;
  return {
    workers,
    get completed() {
      return completed;
    },
    async run(job) {
      if (closed) return _runReplicateJob(job);
      let worker = idle.pop();
      try {
        if (!worker) {
          const started = new Worker(file);
          // A worker that fails while idle is dropped (an 'error' with no listener would throw in this process).
          started.on('error', () => {
            all.delete(started);
            const at = idle.indexOf(started);
            if (at >= 0) idle.splice(at, 1);
          });
          all.add(started);
          worker = started;
        }
        // Referenced while it works (the process waits for it), not while idle (a forgotten close() cannot hold the process open).
        worker.ref();
        const values = await runOn(worker, job);
        worker.unref();
        completed++;
        idle.push(worker);
        return values;
      } catch {
        if (worker) {
          all.delete(worker);
          void worker.terminate();
        }
        return _runReplicateJob(job);
      }
    },
    async close() {
      closed = true;
      idle.length = 0;
      await Promise.all([...all].map((w) => w.terminate()));
      all.clear();
    },
  };
}
