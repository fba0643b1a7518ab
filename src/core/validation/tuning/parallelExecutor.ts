import { SequentialExecutor } from './sequentialExecutor';
import type { RunTrialsOptions, Trial, TrialDataset, TrialExecutor, TrialResult } from './trial';
import { validationMessage } from '../messages';

/** How trials reach other processes: the kernel implements it by asking its host, which runs the trials in worker processes. */
export interface TrialTransport {
  /** Starts the trials elsewhere; results arrive through `onResult`; `done` settles when all ran (with `error` if they could not). */
  start(dataset: TrialDataset, trials: Trial[], onResult: (r: TrialResult) => void): { done: Promise<{ error?: string }>; cancel(): void };
}

/** Below this many trials, starting worker processes costs more than it saves. */
const MIN_PARALLEL_TRIALS = 4;
/** A trial that failed because its model, step or scorer exists only where the search started (defined in a cell). */
const ONLY_HERE = /register(Estimator|Step|Scorer)|not registered|no estimator type|no step type|unknown scorer|not defined in this process/i;

/**
 * Runs trials in parallel through a transport (in a kernel: worker processes, one per core,
 * sandboxed like it). Trials the workers cannot build — a custom step or estimator defined in a
 * cell — and everything, when the workers cannot start, run here in turn instead.
 *
 * @example
 * await gridSearch(model, data, { label: 'y', paramGrid, executor: new ParallelExecutor(transport) });
 */
export class ParallelExecutor implements TrialExecutor {
  constructor(private readonly transport: TrialTransport) {}

  async run(trials: readonly Trial[], dataset: TrialDataset, options: RunTrialsOptions = {}): Promise<TrialResult[]> {
    const local = new SequentialExecutor();
    if (trials.length < MIN_PARALLEL_TRIALS) return local.run(trials, dataset, options);
    const results: TrialResult[] = [];
    const job = this.transport.start(dataset, [...trials], (r) => {
      results.push(r);
      options.onResult?.(r);
    });
    const outcome = await new Promise<{ error?: string }>((resolve, reject) => {
      const abort = () => {
        job.cancel();
        reject(Object.assign(new Error(validationMessage.searchInterrupted), { name: 'AbortError' }));
      };
      if (options.signal?.aborted) return abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      job.done.then(resolve, reject).finally(() => options.signal?.removeEventListener('abort', abort));
    });
    const ran = new Set(results.filter((r) => !(r.error && ONLY_HERE.test(r.error))).map((r) => r.id));
    const rest = trials.filter((t) => !ran.has(t.id));
    if (rest.length === 0) return results;
    void outcome; // with or without a worker error, what did not run there runs here
    const again = await local.run(rest, dataset, options);
    const byId = new Map(again.map((r) => [r.id, r]));
    return [...results.filter((r) => ran.has(r.id)), ...trials.filter((t) => byId.has(t.id)).map((t) => byId.get(t.id)!)];
  }
}
