import type { FitOptions } from '../models/contract';
import { kernelService, type DisplayOptions } from '../kernel/service';
import type { EpochRecord, TrainingHistory } from './contract';
import { TrainingCurve, type TrainingCurveState } from './trainingCurve';
import { trainingMessage } from './messages';

export interface ProgressReporterOptions {
  /** The model's name in the chart title, e.g. 'MLPClassifier'. */
  title: string;
  maxEpochs: number;
  batchesPerEpoch: number;
  backend: string;
  scoreName?: string;
  /** Show the live chart; default true (it shows only inside a kernel, where cells have outputs). */
  show?: boolean;
  /** FitOptions.onProgress, called after every epoch. */
  onProgress?: FitOptions['onProgress'];
  /** Minimum time between two chart updates; default 250 ms (at most 4 updates a second). */
  minIntervalMs?: number;
  /** Where the chart goes; default the running kernel's display (tests pass their own). */
  display?: (value: unknown, options: DisplayOptions) => void;
  /**
   * The cell's interrupt signal; default the running kernel's. On abort the chart says
   * "interrupted" at once, with the epoch reached: the kernel reports the cell stopped before the
   * training loop gets to its own last update, which would then be too late to show.
   */
  signal?: AbortSignal;
  now?: () => number;
}

/** Receives the training loop's events and turns them into the live display and onProgress calls. */
export interface ProgressReporter {
  batch(epoch: number, batch: number, runningLoss: number, stepsDone: number): void;
  epoch(record: EpochRecord, stepsDone: number): void;
  finish(history: TrainingHistory): void;
}

let displayCounter = 0;

/**
 * A reporter for one fit: a live loss chart in the cell output (one output, updated in place at
 * most every `minIntervalMs`, plus a final update), and `onProgress` after each epoch.
 * Display ids count up per process, so re-running a notebook gives the same outputs.
 *
 * @example
 * const progress = createProgressReporter({ title: 'MLPClassifier', maxEpochs: 200, batchesPerEpoch: 196, backend: 'wasm' });
 */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  if (!options || typeof options.title !== 'string') throw new TypeError(trainingMessage.progressNoTitle);
  if (!(options.maxEpochs >= 1) || !(options.batchesPerEpoch >= 1)) throw new RangeError(trainingMessage.progressBadCounts);
  return _createProgressReporter(options);
}

function _createProgressReporter(o: ProgressReporterOptions): ProgressReporter {
  const now = o.now ?? (() => performance.now());
  const kernel = kernelService();
  const show = o.show ?? true;
  const sink = show ? (o.display ?? (kernel ? (v: unknown, opts: DisplayOptions) => kernel.display(v, opts) : undefined)) : undefined;
  const id = `modelbook-training-${++displayCounter}`;
  const interval = o.minIntervalMs ?? 250;
  const started = now();
  const epochs: EpochRecord[] = [];
  const totalSteps = o.maxEpochs * o.batchesPerEpoch;
  let shown = false;
  let lastShown = -Infinity;
  let current: TrainingCurveState['current'];

  const state = (extra: Partial<TrainingCurveState>): TrainingCurveState => ({
    title: o.title,
    epochs: [...epochs],
    maxEpochs: o.maxEpochs,
    elapsedMs: now() - started,
    backend: o.backend,
    ...(o.scoreName ? { scoreName: o.scoreName } : {}),
    ...extra,
  });
  const eta = (stepsDone: number): number | undefined => (stepsDone > 0 ? ((now() - started) / stepsDone) * (totalSteps - stepsDone) : undefined);
  const push = (s: TrainingCurveState, force: boolean) => {
    if (!sink) return;
    const t = now();
    if (!force && t - lastShown < interval) return;
    lastShown = t;
    sink(new TrainingCurve(s), shown ? { id, update: true } : { id });
    shown = true;
  };

  push(state({ current: { epoch: 1, batch: 0, batches: o.batchesPerEpoch, runningLoss: NaN } }), true);
  const signal = o.signal ?? kernel?.signal;
  signal?.addEventListener('abort', () => push(state({ stopReason: 'interrupted', ...(current ? { current } : {}) }), true), { once: true });
  return {
    batch(epoch, batch, runningLoss, stepsDone) {
      current = { epoch, batch, batches: o.batchesPerEpoch, runningLoss };
      if (!sink || now() - lastShown < interval) return;
      const etaMs = eta(stepsDone);
      push(state({ current: { epoch, batch, batches: o.batchesPerEpoch, runningLoss }, ...(etaMs !== undefined ? { etaMs } : {}) }), false);
    },
    epoch(record, stepsDone) {
      epochs.push(record);
      const metrics: Record<string, number> = { loss: record.loss };
      if (record.valLoss !== undefined) metrics.valLoss = record.valLoss;
      if (record.valScore !== undefined) metrics[o.scoreName === 'r2' ? 'valR2' : o.scoreName === 'accuracy' ? 'valAccuracy' : 'valScore'] = record.valScore;
      o.onProgress?.({ epoch: record.epoch, epochs: o.maxEpochs, metrics, elapsedMs: record.elapsedMs });
      const etaMs = eta(stepsDone);
      push(state(etaMs !== undefined ? { etaMs } : {}), false);
    },
    finish(history) {
      push(state({ stopReason: history.stopReason, elapsedMs: history.elapsedMs }), true);
    },
  };
}
