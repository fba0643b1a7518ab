/**
 * The shapes the shared training loop, the MLP engines, the LayersModel wrapper and the live
 * progress display agree on.
 */

/** One finished epoch. */
export interface EpochRecord {
  /** 1-based. */
  epoch: number;
  /** Mean training loss over the epoch's batches (weighted by batch size), L2 term included. */
  loss: number;
  /** Loss on the validation data, when there is some. */
  valLoss?: number;
  /** Validation score (accuracy for classifiers, R² for regressors), when there is validation data. */
  valScore?: number;
  /** Milliseconds since fit started, at the end of this epoch. */
  elapsedMs: number;
}

/** Why training ended. */
export type StopReason =
  /** All `maxIter` epochs ran (scikit-learn would warn that it did not converge). */
  | 'maxIter'
  /** The training loss stopped improving by `tol` for more than `nIterNoChange` epochs. */
  | 'converged'
  /** The validation score stopped improving (early stopping); the best epoch's weights were kept. */
  | 'earlyStopping'
  /** The signal fired (cell interrupt or FitOptions.signal); the weights of the last finished batch were kept. */
  | 'interrupted';

/** What a fit did, kept on the estimator (`history`) and shown by the progress display. */
export interface TrainingHistory {
  epochs: EpochRecord[];
  stopReason: StopReason;
  /** Epoch whose weights the model holds (the best one under early stopping, else the last). */
  bestEpoch: number;
  /** Batches applied in an epoch that an interrupt cut short (its loss is not in `epochs`). */
  partialBatches: number;
  /** Optimizer steps taken in total. */
  steps: number;
  elapsedMs: number;
  /** Where the arithmetic ran: a TF.js backend name (wasm, tensorflow, cpu) or 'fused-wasm-simd'. */
  backend: string;
  /** The validation score's name ('accuracy', 'r2') when there was validation data. */
  scoreName?: string;
}

/** What the training loop drives: one model and one training set. */
export interface Trainer<Snapshot = unknown> {
  /** Reported in progress and in the model's summary. */
  readonly backend: string;
  /** Rows of the training set, in the order the next epoch visits them. */
  beginEpoch(order: Int32Array): void;
  /** One optimizer step on order[start … start + count); returns the batch's mean loss. */
  trainBatch(start: number, count: number): number | Promise<number>;
  /** Loss and score on the validation data (undefined when there is none). */
  evaluate(): Promise<{ valLoss: number; valScore: number } | undefined> | { valLoss: number; valScore: number } | undefined;
  /** A copy of the current weights, and the way back to them (early stopping keeps the best). */
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
}
