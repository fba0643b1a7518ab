import { strict as assert } from 'node:assert';
import type { DisplayOptions } from '../../../../src/core/kernel/service';
import type { TrainingProgress } from '../../../../src/core/models/contract';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';
import { createProgressReporter } from '../../../../src/core/training/progress';
import type { TrainingCurve } from '../../../../src/core/training/trainingCurve';

function setup(extra: Partial<Parameters<typeof createProgressReporter>[0]> = {}) {
  let t = 0;
  const shown: { text: string; options: DisplayOptions }[] = [];
  const progress: TrainingProgress[] = [];
  const reporter = createProgressReporter({
    title: 'MLPClassifier',
    maxEpochs: 10,
    batchesPerEpoch: 100,
    backend: 'wasm',
    scoreName: 'accuracy',
    now: () => t,
    display: (v, options) => shown.push({ text: String((v as TrainingCurve)[MIME_BUNDLE]()['text/plain']), options }),
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  return { reporter, shown, progress, tick: (ms: number) => (t += ms) };
}

describe('createProgressReporter', () => {
  it('shows one output at once and updates it in place at most every 250 ms, plus a final update', () => {
    const { reporter, shown, tick } = setup();
    for (let b = 1; b <= 20; b++) {
      tick(50);
      reporter.batch(1, b, 0.5, b);
    }
    tick(10);
    reporter.finish({ epochs: [], stopReason: 'interrupted', bestEpoch: 0, partialBatches: 20, steps: 20, elapsedMs: 1010, backend: 'wasm' });
    assert.equal(shown.length, 1 + 4 + 1);
    const id = shown[0].options.id!;
    assert.match(id, /^modelbook-training-\d+$/);
    assert.deepEqual(shown[0].options, { id });
    assert.ok(shown.slice(1).every((s) => s.options.id === id && s.options.update === true));
    assert.match(shown[1].text, /epoch 1\/10 · batch 5\/100 · loss 0\.5000 \(this epoch so far\) · ETA 49\.8 s · backend wasm/);
    assert.match(shown.at(-1)!.text, /^MLPClassifier · interrupted in epoch 1\/10 · 1\.0 s/);
    assert.doesNotMatch(shown.at(-1)!.text, /ETA/);
  });

  it('says "interrupted" with the epoch reached the moment the cell is interrupted, before the loop notices', () => {
    const controller = new AbortController();
    const { reporter, shown, tick } = setup({ signal: controller.signal });
    tick(100);
    reporter.epoch({ epoch: 1, loss: 0.4, elapsedMs: 100 }, 100);
    tick(300);
    reporter.batch(2, 37, 0.3, 137);
    const before = shown.length;
    controller.abort();
    assert.equal(shown.length, before + 1, 'one update, at once');
    assert.match(shown.at(-1)!.text, /^MLPClassifier · interrupted in epoch 2\/10 \(batch 37\/100\) · loss 0\.3000 \(this epoch so far\)/);
    assert.doesNotMatch(shown.at(-1)!.text, /ETA/);
    assert.equal(shown.at(-1)!.options.update, true);
  });

  it('calls onProgress after every epoch with scikit-learn-style metric names', () => {
    const { reporter, progress, tick } = setup();
    tick(100);
    reporter.epoch({ epoch: 1, loss: 0.4, valLoss: 0.5, valScore: 0.8, elapsedMs: 100 }, 100);
    assert.deepEqual(progress, [{ epoch: 1, epochs: 10, metrics: { loss: 0.4, valLoss: 0.5, valAccuracy: 0.8 }, elapsedMs: 100 }]);
  });

  it('shows nothing when asked not to, or outside a kernel, but still reports progress', () => {
    const hidden = setup({ show: false });
    hidden.reporter.epoch({ epoch: 1, loss: 0.4, elapsedMs: 1 }, 1);
    assert.equal(hidden.shown.length, 0);
    assert.equal(hidden.progress.length, 1);
    const calls: TrainingProgress[] = [];
    const plain = createProgressReporter({ title: 'm', maxEpochs: 1, batchesPerEpoch: 1, backend: 'cpu', onProgress: (p) => calls.push(p) });
    plain.epoch({ epoch: 1, loss: 1, elapsedMs: 1 }, 1);
    assert.equal(calls.length, 1);
  });

  it('gives each fit its own output', () => {
    assert.notEqual(setup().shown[0].options.id, setup().shown[0].options.id);
  });
});
