import type { ExecutionSink, Job } from './sessionContract';

/** The cells waiting behind the running one, in order; a cancelled cell resolves as `cancelled`. */
export class CellQueue {
  private readonly jobs: Job[] = [];

  get length(): number {
    return this.jobs.length;
  }

  push(job: Job): void {
    this.jobs.push(job);
  }

  /** The next cell to run, taken off the queue. */
  shift(): Job | undefined {
    return this.jobs.shift();
  }

  /** Cancels the queued cell of `sink` (no effect once it runs). */
  cancel(sink: ExecutionSink): void {
    const i = this.jobs.findIndex((j) => j.sink === sink);
    if (i >= 0) cancelJobs(this.jobs.splice(i, 1));
  }

  /** Cancels every queued cell (interrupt, stop, a kernel that died). */
  cancelAll(): void {
    cancelJobs(this.jobs.splice(0));
  }
}

function cancelJobs(jobs: Job[]): void {
  for (const job of jobs) job.resolve({ status: 'cancelled', durationMs: 0 });
}
