import { strict as assert } from 'node:assert';
import type { EpochRecord, Trainer, TrainingHistory } from '../../../../src/core/training/contract';
import { trainLoop, type TrainLoopOptions } from '../../../../src/core/training/loop';
import type { ProgressReporter } from '../../../../src/core/training/progress';
import { createRng } from '../../../../src/core/training/random';

/** A trainer that records what the loop asks of it; loss = 1 / step. */
function fakeTrainer(opts: { scores?: number[]; onBatch?: (step: number) => void } = {}) {
  const log = { orders: [] as number[][], batches: [] as [number, number][], restored: [] as number[] };
  let step = 0;
  let epoch = 0;
  const trainer: Trainer<number> = {
    backend: 'fake',
    beginEpoch: (order) => {
      epoch++;
      log.orders.push([...order]);
    },
    trainBatch: (start, count) => {
      log.batches.push([start, count]);
      step++;
      opts.onBatch?.(step);
      return 1 / step;
    },
    evaluate: () => (opts.scores ? { valLoss: 1, valScore: opts.scores[epoch - 1] } : undefined),
    snapshot: () => epoch,
    restore: (s) => log.restored.push(s),
  };
  return { trainer, log };
}

const silent: ProgressReporter = { batch() {}, epoch() {}, finish() {} };
const base = (o: Partial<TrainLoopOptions> = {}): TrainLoopOptions => ({
  rows: 10,
  batchSize: 4,
  maxIter: 3,
  shuffle: true,
  rng: createRng(1),
  earlyStopping: false,
  tol: 1e-4,
  nIterNoChange: 10,
  stopped: () => false,
  progress: silent,
  ...o,
});

describe('trainLoop', () => {
  it('visits every row once per epoch in a seeded order, in batches of batchSize', async () => {
    const { trainer, log } = fakeTrainer();
    const h = await trainLoop(trainer, base());
    assert.equal(h.epochs.length, 3);
    assert.equal(h.stopReason, 'maxIter');
    assert.equal(h.steps, 9);
    assert.deepEqual(log.batches.slice(0, 3), [
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
    for (const order of log.orders)
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      );
    assert.notDeepEqual(log.orders[0], log.orders[1]);
    const again = fakeTrainer();
    await trainLoop(again.trainer, base());
    assert.deepEqual(again.log.orders, log.orders);
  });

  it('averages the batch losses weighted by batch size', async () => {
    const { trainer } = fakeTrainer();
    const h = await trainLoop(trainer, base({ maxIter: 1 }));
    assert.equal(h.epochs[0].loss, (1 * 4 + 0.5 * 4 + (1 / 3) * 2) / 10);
  });

  it('keeps rows in order without shuffle', async () => {
    const { trainer, log } = fakeTrainer();
    await trainLoop(trainer, base({ shuffle: false, maxIter: 2 }));
    assert.deepEqual(log.orders, [
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    ]);
  });

  it('stops before the next batch once stopped() turns true and keeps what was learned', async () => {
    let stop = false;
    const { trainer } = fakeTrainer({ onBatch: (s) => (stop = s === 5) });
    const h = await trainLoop(trainer, base({ maxIter: 100, stopped: () => stop }));
    assert.equal(h.stopReason, 'interrupted');
    assert.equal(h.steps, 5);
    assert.equal(h.epochs.length, 1);
    assert.equal(h.partialBatches, 2);
  });

  it('returns to the event loop during long epochs, so an interrupt message can arrive', async () => {
    let t = 0;
    let stop = false;
    setImmediate(() => (stop = true));
    const { trainer } = fakeTrainer({ onBatch: () => (t += 25) });
    const h = await trainLoop(trainer, base({ rows: 1000, batchSize: 1, maxIter: 5, now: () => t, stopped: () => stop }));
    assert.equal(h.stopReason, 'interrupted');
    assert.ok(h.steps <= 2, `ran ${h.steps} batches before the event loop ran`);
  });

  it('under early stopping watches the validation score and restores the best epoch', async () => {
    const { trainer, log } = fakeTrainer({ scores: [0.5, 0.7, 0.6, 0.65, 0.69, 0.7] });
    const h = await trainLoop(trainer, base({ earlyStopping: true, nIterNoChange: 2, maxIter: 50, scoreName: 'accuracy' }));
    assert.equal(h.stopReason, 'earlyStopping');
    assert.equal(h.epochs.length, 5);
    assert.equal(h.bestEpoch, 2);
    assert.deepEqual(log.restored, [2]);
    assert.equal(h.scoreName, 'accuracy');
  });

  it('stops on a stalled training loss without early stopping', async () => {
    const trainer: Trainer<number> = { backend: 'fake', beginEpoch() {}, trainBatch: () => 0.3, evaluate: () => undefined, snapshot: () => 0, restore() {} };
    const h = await trainLoop(trainer, base({ maxIter: 50, nIterNoChange: 3 }));
    assert.equal(h.stopReason, 'converged');
    assert.equal(h.epochs.length, 5);
  });

  it('tells the progress reporter about batches, epochs and the end', async () => {
    const events: string[] = [];
    let t = 0;
    const progress: ProgressReporter = {
      batch: (e, b) => events.push(`b${e}.${b}`),
      epoch: (r: EpochRecord) => events.push(`e${r.epoch}`),
      finish: (h: TrainingHistory) => events.push(`f:${h.stopReason}`),
    };
    const { trainer } = fakeTrainer({ onBatch: () => (t += 30) });
    await trainLoop(trainer, base({ maxIter: 2, progress, now: () => t }));
    assert.deepEqual(events, ['b1.1', 'b1.2', 'e1', 'b2.0', 'b2.1', 'b2.2', 'e2', 'f:maxIter']);
  });

  it('refuses a loop that cannot run', async () => {
    await assert.rejects(trainLoop(fakeTrainer().trainer, base({ batchSize: 0 })), /batchSize must be an integer ≥ 1/);
  });
});
