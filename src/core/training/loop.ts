import type { EpochRecord, StopReason, Trainer, TrainingHistory } from './contract';
import { createEarlyStopping } from './earlyStopping';
import type { ProgressReporter } from './progress';
import type { Rng } from './random';
import { yieldToEventLoop } from './yield';
import { trainingMessage } from './messages';
import { checkInteger } from '../args/checkInteger';

export interface TrainLoopOptions {
  /** Rows in the training set. */
  rows: number;
  batchSize: number;
  /** Maximum number of epochs. */
  maxIter: number;
  /** Shuffle the rows before every epoch (with `rng`); else visit them in order. */
  shuffle: boolean;
  rng: Rng;
  /** Monitor the validation score (not the training loss) and keep the best epoch's weights. */
  earlyStopping: boolean;
  tol: number;
  nIterNoChange: number;
  /** True once training should stop (interrupt); checked before every batch. */
  stopped: () => boolean;
  progress: ProgressReporter;
  scoreName?: string;
  /** How long a run of batches may hold the event loop; default 20 ms. */
  yieldEveryMs?: number;
  now?: () => number;
}

/**
 * The epoch/batch loop every trainer shares: seeded shuffling, mini-batches, scikit-learn's
 * stopping rule (training loss, or validation score under early stopping, which keeps the best
 * epoch's weights), interrupt before any batch, live progress, and a return to the event loop at
 * least every `yieldEveryMs` so an interrupt can arrive.
 *
 * @example
 * const history = await trainLoop(trainer, { rows: 1000, batchSize: 200, maxIter: 10, shuffle: true, rng, earlyStopping: false, tol: 1e-4, nIterNoChange: 10, stopped: () => false, progress });
 */
export async function trainLoop<S>(trainer: Trainer<S>, options: TrainLoopOptions): Promise<TrainingHistory> {
  const { rows, batchSize, maxIter } = options;
  checkInteger('trainLoop', 'rows', rows, 1);
  checkInteger('trainLoop', 'batchSize', batchSize, 1);
  checkInteger('trainLoop', 'maxIter', maxIter, 1);
  return _trainLoop(trainer, options);
}

async function _trainLoop<S>(trainer: Trainer<S>, o: TrainLoopOptions): Promise<TrainingHistory> {
  const now = o.now ?? (() => performance.now());
  const yieldEvery = o.yieldEveryMs ?? 20;
  const started = now();
  const rule = createEarlyStopping({ mode: o.earlyStopping ? 'max' : 'min', tol: o.tol, nIterNoChange: o.nIterNoChange });
  const epochs: EpochRecord[] = [];
  const order = new Int32Array(o.rows);
  for (let i = 0; i < o.rows; i++) order[i] = i;
  let best: { epoch: number; snapshot: S } | undefined;
  let stopReason: StopReason = 'maxIter';
  let steps = 0;
  let partialBatches = 0;
  let lastYield = now();

  epochLoop: for (let epoch = 1; epoch <= o.maxIter; epoch++) {
    if (o.shuffle) o.rng.shuffle(order);
    trainer.beginEpoch(order);
    let lossSum = 0;
    let batch = 0;
    for (let start = 0; start < o.rows; start += o.batchSize) {
      if (now() - lastYield >= yieldEvery) {
        await yieldToEventLoop();
        lastYield = now();
        o.progress.batch(epoch, batch, lossSum / start, steps);
      }
      if (o.stopped()) {
        stopReason = 'interrupted';
        partialBatches = batch;
        break epochLoop;
      }
      const count = Math.min(o.batchSize, o.rows - start);
      lossSum += (await trainer.trainBatch(start, count)) * count;
      batch++;
      steps++;
    }
    const record: EpochRecord = { epoch, loss: lossSum / o.rows, elapsedMs: 0 };
    const val = await trainer.evaluate();
    if (val) Object.assign(record, val);
    record.elapsedMs = now() - started;
    epochs.push(record);
    o.progress.epoch(record, steps);

    const monitored = o.earlyStopping ? record.valScore : record.loss;
    if (monitored === undefined) throw new Error(trainingMessage.earlyStoppingNoValidation);
    const verdict = rule.update(monitored);
    if (o.earlyStopping && verdict.best) best = { epoch, snapshot: trainer.snapshot() };
    if (verdict.stop) {
      stopReason = o.earlyStopping ? 'earlyStopping' : 'converged';
      break;
    }
  }

  // scikit-learn restores the best validation epoch after early stopping, also when interrupted.
  if (o.earlyStopping && best) trainer.restore(best.snapshot);
  const history: TrainingHistory = {
    epochs,
    stopReason,
    bestEpoch: o.earlyStopping && best ? best.epoch : epochs.length,
    partialBatches,
    steps,
    elapsedMs: now() - started,
    backend: trainer.backend,
    ...(o.scoreName && epochs.some((e) => e.valScore !== undefined) ? { scoreName: o.scoreName } : {}),
  };
  o.progress.finish(history);
  return history;
}
